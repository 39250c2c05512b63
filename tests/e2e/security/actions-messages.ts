// The messages an action may answer with, from messages/zh-CN: a refusal is one of these
// sentences, never a stack trace, a raw key or the generic "try again later".
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (namespace: string) => JSON.parse(fs.readFileSync(path.join(root, "messages/zh-CN", `${namespace}.json`), "utf8")) as Record<string, unknown>;

function flatten(tree: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out[prefix + key] = value;
    else if (value && typeof value === "object") Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
  }
  return out;
}

export const errors = flatten(read("errors"));
export const login = flatten(read("login"));

/** The zh-CN sentence of an "errors" key. */
export function message(key: string): string {
  const text = errors[key];
  if (!text) throw new Error(`no errors.${key} in messages/zh-CN`);
  return text;
}

/** What is not an answer to bad input: the page-level texts and the generic failure. */
const notClear = new Set(["notFoundTitle", "notFoundBody", "serverTitle", "serverBody", "retry", "home", "generic"]);

const clearSentences = Object.entries(errors)
  .filter(([key]) => !notClear.has(key))
  .map(([, text]) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\w+\\\}/g, "[^]*")}$`));

/** A translated validation, not-found, conflict or forbidden sentence of the "errors" namespace. */
export const isClearError = (text: unknown) => typeof text === "string" && clearSentences.some((pattern) => pattern.test(text));
