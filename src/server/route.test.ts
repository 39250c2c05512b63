// Every route handler goes through the entry guard (./route.ts): a handler that reads the
// session itself can forget the one-time-password rule, as the upload and template routes
// once did. Only the listed public routes answer without a caller.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const API = path.resolve(import.meta.dirname, "../app/api");

/** Routes that need no caller: why each is safe without the guard. */
const PUBLIC: Record<string, string> = {
  "health/route.ts": "answers whether the database is up; reads and writes nothing else",
  "floor/route.ts": "the benchmark's floor: reads and writes nothing",
  "auth/[...nextauth]/route.ts": "Auth.js itself: signing in and signing out must stay open to everyone",
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [path.relative(API, full)] : [];
  });
}

describe("route handlers", () => {
  const files = routeFiles(API);

  it("are found, and the public list names only routes that exist", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of Object.keys(PUBLIC)) expect(files).toContain(file);
  });

  it.each(files.filter((f) => !(f in PUBLIC)))("%s answers only through withActor", (file) => {
    const source = fs.readFileSync(path.join(API, file), "utf8");
    const exported = METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function\\s+${m}\\b|const\\s+${m}\\b)`).test(source));
    expect(exported.length, "no handler exported").toBeGreaterThan(0);
    for (const method of exported) {
      expect(source, `${method} must be \`export const ${method} = withActor(…)\``).toMatch(new RegExp(`export\\s+const\\s+${method}\\s*=\\s*withActor\\b`));
    }
    // The guard hands the handler its actor: reading the session again would bypass the rule.
    expect(source).not.toMatch(/\bcurrentActor\b|\bauth\(\)/);
  });
});
