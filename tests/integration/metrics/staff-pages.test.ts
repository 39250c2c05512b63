// What the staff pages read: the overview summary, the follow-up queue, the overdue list and
// the monthly report — scoped to the staff member's community, with no full phone number.
import { describe, expect, it } from "vitest";
import { addDays, chinaDay, monthOf } from "@/domain/metrics/periods";
import { monthlyReport } from "@/domain/metrics/report";
import { overviewSummary } from "@/domain/metrics/summary";
import { followUpQueue, overdueOrders } from "@/features/staff/queries";
import { FULL_PHONE, reviewFixture } from "./review-fixture";

const today = () => chinaDay(new Date());

describe("the staff pages' data", () => {
  it("sums the overview's groups to its total, fills the trend's empty periods, and lists every grid", async () => {
    const { people } = await reviewFixture();
    const to = today();
    const summary = await overviewSummary(people.staffA, { dimension: "category", period: "week", from: addDays(to, -27), to, lang: "zh-CN" });
    expect(summary.communities).toHaveLength(1);
    expect(summary.totals.counts).toMatchObject({ placed: 3, completed: 3, rated: 3, satisfied: 1 });
    expect(summary.totals.rates.satisfactionRate).toBeCloseTo(1 / 3);
    expect(summary.breakdown.map((g) => [g.label, g.counts.placed])).toEqual([["便民服务/代办", 3]]);
    expect(summary.grids.map((g) => [g.label, g.counts.placed])).toEqual([
      ["第二网格", 1],
      ["第一网格", 2],
    ]);
    expect(summary.trend.length).toBeGreaterThanOrEqual(4);
    expect(summary.trend.slice(0, -1).every((p) => p.counts.placed === 0 && p.rates.responseRate === null)).toBe(true);
    expect(summary.trend.at(-1)!.counts.placed).toBe(3);

    const ofB = await overviewSummary(people.staffB, { dimension: "grid", period: "month", from: addDays(to, -27), to, lang: "zh-CN" });
    expect(ofB.totals.counts.placed).toBe(1);
    const ofWorker = await overviewSummary(people.workerA1, { dimension: "grid", period: "month", from: addDays(to, -27), to, lang: "zh-CN" });
    expect(ofWorker).toMatchObject({ communities: [], breakdown: [], totals: { counts: { placed: 0 } } });
  });

  it("queues the reopened order for follow-up with the requester's number masked, and only for its community", async () => {
    const { people, orders } = await reviewFixture();
    const queue = await followUpQueue(people.staffA);
    expect(queue.items.map((o) => o.id)).toEqual([orders.poor.id]);
    expect(queue.items[0]).toMatchObject({
      requester: { name: "王秀英", maskedPhone: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) },
      rating: { minScore: 1, comment: "@SUM(A1) 请回电139****5678" },
    });
    expect(JSON.stringify(queue)).not.toMatch(FULL_PHONE);
    expect((await followUpQueue(people.staffB)).items.map((o) => o.id)).toEqual([orders.other.id]);
    expect((await followUpQueue(people.workerA1)).total).toBe(0);
  });

  it("lists open orders past their deadline, longest overdue first", async () => {
    const { people, orders } = await reviewFixture();
    const later = new Date(Date.now() + 30 * 86400_000);
    const overdue = await overdueOrders(people.staffA, 1, later);
    expect(overdue.items.map((o) => o.id)).toEqual([orders.poor.id]); // reopened, its follow-up limit passed
    expect(overdue.items[0].overdue).toBe("resolution");
    expect((await overdueOrders(people.staffA)).total).toBe(0);
    expect((await overdueOrders(people.staffB, 1, later)).items.map((o) => o.id)).toEqual([orders.other.id]);
  });

  it("reports the month: figures per grid and category, ratings by band, follow-ups, poor ratings without numbers", async () => {
    const { people, orders } = await reviewFixture();
    const report = await monthlyReport(people.staffA, monthOf(today()), "zh-CN");
    expect(report.totals.counts.placed).toBe(3);
    expect(report.ratings).toMatchObject({ count: 4, poor: 2, neutral: 1, satisfied: 1, requester: 3 });
    expect(report.followUps).toMatchObject({ reopened: 1, followedUp: 0, sentBack: 0, waitingNow: 1 });
    expect(report.poor.map((r) => r.orderId)).toEqual([orders.poor.id, orders.good.id]);
    expect(JSON.stringify(report)).not.toMatch(FULL_PHONE);
    const ofB = await monthlyReport(people.staffB, monthOf(today()), "zh-CN");
    expect(ofB.ratings.count).toBe(1);
  });
});
