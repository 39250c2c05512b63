// After the sweep (pages, route handlers and every page in the browser): not one row of any
// table was added, removed or changed. The sweep only GETs, and GET never changes state.
import fs from "node:fs";
import { expect, test as teardown } from "@playwright/test";
import { fingerprint, withDb } from "./fixtures";
import { fingerprintFile } from "./sessions";

teardown("the sweep's requests changed no row of any table", async () => {
  const before = JSON.parse(fs.readFileSync(fingerprintFile, "utf8")) as Record<string, { rows: number; digest: string }>;
  const after = await withDb(fingerprint);
  const changed = Object.keys({ ...before, ...after }).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));
  expect(
    changed.map(
      (t) => `${t}: ${before[t]?.rows ?? "-"} → ${after[t]?.rows ?? "-"} rows${before[t]?.rows === after[t]?.rows ? " (same count, other content)" : ""}`,
    ),
  ).toEqual([]);
});
