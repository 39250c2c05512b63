// The three rates on a small fixture whose answers were worked out by hand (docs/metrics.md),
// through what the staff overview (overviewSummary) and its export (overviewTable) show.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { overviewSummary, overviewTable } from "@/domain/metrics/summary";
import { db } from "@/server/db/client";
import { actorWithRole, buildMap, createUser } from "../../support/factories";

const now = new Date("2026-11-20T12:00:00Z");
const created = new Date("2026-11-01T02:00:00Z");
const h = (hours: number, from = created) => new Date(from.getTime() + hours * 3600_000);

async function history() {
  const map = await buildMap();
  const requester = await createUser({ roles: [{ role: "RESIDENT", courtyardId: map.a1.id }] });
  const order = (fields: Partial<Prisma.OrderUncheckedCreateInput>) =>
    db.order.create({
      data: {
        categoryId: "category_wish",
        courtyardId: map.a1.id,
        gridId: map.A1.id,
        communityId: map.A.id,
        requesterId: requester.id,
        placedById: requester.id,
        title: "历史单",
        description: "用于核对统计口径的历史单。",
        status: "PLACED",
        createdAt: created,
        responseDueAt: h(24),
        resolutionDueAt: h(24 * 15),
        dueAt: h(24),
        idempotencyKey: crypto.randomUUID(),
        payloadHash: "x",
        ...fields,
      },
    });
  const accepted = (at: number) => ({ respondedAt: h(at), acceptedAt: h(at) });
  // 1: answered and done in time, rated satisfied.
  await order({ ...accepted(2), firstCompletedAt: h(48), status: "CLOSED", closeReason: "RATED", satisfied: true });
  // 2: answered late, done late, rated poorly, reopened.
  await order({ ...accepted(30), firstCompletedAt: h(24 * 20), status: "REOPENED", satisfied: false });
  // 3: never answered, its response window has passed.
  await order({});
  // 4: placed an hour ago: not yet due for anything.
  await order({ createdAt: h(-1, now), responseDueAt: h(23, now), resolutionDueAt: h(24 * 15, now), dueAt: h(23, now) });
  // 5: withdrawn before anyone had to answer.
  await order({ status: "WITHDRAWN", closedAt: h(1) });
  // 6: answered and done in time, never rated: closed as unrated.
  await order({ ...accepted(3), firstCompletedAt: h(72), status: "CLOSED", closeReason: "UNRATED", gridId: map.A2.id, courtyardId: map.a2.id });
  // 7: accepted, still being handled, its resolution limit not yet reached.
  await order({ ...accepted(5), status: "IN_PROGRESS", resolutionDueAt: h(24, now) });
  // 8: another community's order.
  await order({ ...accepted(1), communityId: map.B.id, gridId: map.B1.id, courtyardId: map.b1.id });
  return map;
}

// November in China time: every order of the fixture falls in it.
const november = { from: "2026-11-01", to: "2026-11-30", lang: "zh-CN" as const, now };

describe("the three rates", () => {
  it("computes response, resolution and satisfaction rates by their definitions", async () => {
    const map = await history();
    const staff = await actorWithRole("STAFF", { communityId: map.A.id });
    const summary = await overviewSummary(staff, { dimension: "community", period: "month", ...november });
    expect(summary.breakdown.map((g) => g.key)).toEqual([map.A.id]);
    const [row] = summary.breakdown;
    expect(summary.totals).toEqual({ counts: row.counts, rates: row.rates });
    expect(row.counts).toMatchObject({
      placed: 7,
      responseDue: 5, // 1, 2, 3, 6, 7 — not 4 (not yet due) nor 5 (withdrawn in time)
      respondedInTime: 3, // 1, 6, 7
      resolutionDue: 3, // 1, 2, 6 — not 7 (limit not reached)
      resolvedInTime: 2, // 1, 6
      rated: 2, // 1, 2
      satisfied: 1, // 1
      closedUnrated: 1, // 6
      completed: 3,
    });
    expect(row.rates.responseRate).toBeCloseTo(0.6);
    expect(row.rates.resolutionRate).toBeCloseTo(2 / 3);
    expect(row.rates.satisfactionRate).toBe(0.5); // the unrated order 6 is not counted as satisfied
    expect(row.rates.unratedShare).toBeCloseTo(1 / 3);
    expect(row.rates.avgResponseHours).toBeCloseTo((2 + 30 + 3 + 5) / 4);
  });

  it("splits by grid and by month in China time", async () => {
    const map = await history();
    const staff = await actorWithRole("STAFF", { communityId: map.A.id });
    const byGrid = await overviewTable(staff, { dimension: "grid", period: "month", ...november });
    const a2 = byGrid.find((r) => r.key === map.A2.id)!;
    expect(a2).toMatchObject({ period: "2026-11", counts: { placed: 1, closedUnrated: 1 } });
    expect(a2.label).toContain("第二网格");
    expect(byGrid.find((r) => r.key === map.A1.id)?.counts.placed).toBe(6);
  });

  it("shows staff of one community nothing of another, and other roles nothing at all", async () => {
    const map = await history();
    const staffB = await actorWithRole("STAFF", { communityId: map.B.id });
    const rows = await overviewTable(staffB, { dimension: "community", period: "all", ...november });
    expect(rows.map((r) => [r.key, r.counts.placed])).toEqual([[map.B.id, 1]]);
    const worker = await actorWithRole("GRID_WORKER", { gridId: map.A1.id });
    expect(await overviewTable(worker, { dimension: "community", period: "all", ...november })).toEqual([]);
    expect((await overviewSummary(worker, { dimension: "community", period: "month", ...november })).totals.counts.placed).toBe(0);
  });
});
