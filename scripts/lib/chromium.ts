import { spawnSync } from "node:child_process";
import fs from "node:fs";

/** Debian's Chromium, or the one named by LINLI_CHROMIUM / CHROMIUM_PATH. */
export function findChromium(): string | null {
  const candidates = [process.env.LINLI_CHROMIUM, process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

const installHint = "Install Debian's package:  sudo apt-get install -y chromium\n" + "or set LINLI_CHROMIUM=/path/to/chromium.\n";

/**
 * The browser for the end-to-end tests, installed from Debian's packages when it is missing and
 * this user may install (root, or sudo without a password); otherwise null, after saying exactly
 * what to run.
 */
export function ensureChromium(say: (line: string) => void): string | null {
  const found = findChromium();
  if (found) return found;
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  const apt = fs.existsSync("/usr/bin/apt-get");
  if (!apt || (!root && !sudo)) {
    process.stderr.write(`No Chromium found for the end-to-end tests.\n${installHint}`);
    return null;
  }
  say("no Chromium found: installing Debian's chromium package (apt-get install -y chromium)");
  const asRoot = (args: string[]) =>
    spawnSync(root ? args[0] : "sudo", root ? args.slice(1) : ["-n", ...args], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0;
  if (!asRoot(["apt-get", "update", "-qq"]) || !asRoot(["apt-get", "install", "-y", "-qq", "chromium"])) {
    process.stderr.write(`Installing Chromium failed (see above).\n${installHint}`);
    return null;
  }
  return findChromium();
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
