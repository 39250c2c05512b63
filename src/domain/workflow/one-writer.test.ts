// No status and no event is written outside the one writer (./writer.ts): a scan of every
// source file for writes of an order's status or of an OrderEvent row, through Prisma or in SQL.
// A new process adds its models to `guarded`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const writer = "src/domain/workflow/writer.ts";
/** The record models whose `status` only the writer sets, and the event models only it appends to. */
const guarded = { records: ["order"], events: ["orderEvent"] };

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return rel === "src/generated" ? [] : sources(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** The argument text of each call `<delegate>.<method>(…)` in the source, parentheses balanced. */
function calls(source: string, delegate: string, methods: RegExp): string[] {
  const found: string[] = [];
  const start = new RegExp(`\\.${delegate}\\.(${methods.source})\\(`, "g");
  for (const m of source.matchAll(start)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < source.length && depth > 0; i++) depth += source[i] === "(" ? 1 : source[i] === ")" ? -1 : 0;
    found.push(source.slice(m.index, i));
  }
  return found;
}

/** Every write of a guarded status or event in the file, as a short description. */
export function writesIn(source: string): string[] {
  const found: string[] = [];
  for (const model of guarded.events) {
    for (const call of calls(source, model, /create|createMany|createManyAndReturn|update|updateMany|upsert/)) found.push(call.split("(")[0]);
  }
  for (const model of guarded.records) {
    for (const call of calls(source, model, /create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert/)) {
      const data = call.slice(call.indexOf("data"));
      if (/\bstatus\s*:/.test(data)) found.push(`${call.split("(")[0]} (status)`);
    }
  }
  if (/INSERT\s+INTO\s+"OrderEvent"/i.test(source)) found.push('INSERT INTO "OrderEvent"');
  if (/UPDATE\s+"Order"\s+SET[^;]*\bstatus\b/i.test(source)) found.push('UPDATE "Order" SET status');
  return found;
}

describe("the one writer", () => {
  it("finds the writes it looks for (the scan itself works)", () => {
    expect(writesIn(`await tx.orderEvent.create({ data: {} })`)).toHaveLength(1);
    expect(writesIn(`await tx.order.updateMany({ where: { id }, data: { status: "CLOSED" } })`)).toHaveLength(1);
    expect(writesIn(`db.order.update({ where: { id: orderId }, data: { meTooCount: { increment: 1 } } })`)).toEqual([]);
    expect(writesIn(`db.order.findMany({ where: { status: "COMPLETED" } })`)).toEqual([]);
  });

  it("is the only code that writes a status or an event row", () => {
    const files = sources("src").filter((f) => f !== writer);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => writesIn(fs.readFileSync(path.join(root, file), "utf8")).map((w) => `${file}: ${w}`));
    expect(offenders).toEqual([]);
  });
});
