import fs from "node:fs";

/** Debian's Chromium, or the one named by LINLI_CHROMIUM / CHROMIUM_PATH. */
export function findChromium(): string | null {
  const candidates = [process.env.LINLI_CHROMIUM, process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
