import fs from "node:fs/promises";
import path from "node:path";
import type { Locale } from "./locales";

// One JSON file per namespace (messages/<locale>/<namespace>.json), so that features own
// their texts. Read once per process.
const cache = new Map<Locale, Promise<Record<string, unknown>>>();

async function read(locale: Locale) {
  const dir = path.join(process.cwd(), "messages", locale);
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const entries = await Promise.all(files.map(async (f) => [path.basename(f, ".json"), JSON.parse(await fs.readFile(path.join(dir, f), "utf8"))] as const));
  return Object.fromEntries(entries);
}

export function loadMessages(locale: Locale) {
  let messages = cache.get(locale);
  if (!messages) {
    messages = read(locale);
    cache.set(locale, messages);
  }
  return messages;
}
