// The ratings review: scope, filters, order (poor first), averages, and masked numbers.
import { describe, expect, it } from "vitest";
import { listRatings, noRatingFilters, type RatingFilters } from "@/domain/metrics/ratings";
import { moveCourtyard } from "@/domain/admin/courtyards";
import { sendBackToGrid } from "@/domain/orders/commands";
import { chinaDay, addDays } from "@/domain/metrics/periods";
import { db } from "@/server/db/client";
import { FULL_PHONE, reviewFixture } from "./review-fixture";

const all = (over: Partial<RatingFilters> = {}): RatingFilters => ({ ...noRatingFilters, ...over });

describe("the ratings review", () => {
  it("lists every rating of the community, poorest first, with averages over the set", async () => {
    const { people, orders } = await reviewFixture();
    const page = await listRatings(people.staffA, all());
    expect(page.total).toBe(4);
    expect(page.items.map((r) => [r.number, r.minScore, r.isRequester])).toEqual([
      [orders.poor.number, 1, true],
      [orders.good.number, 2, false],
      [orders.neutral.number, 3, true],
      [orders.good.number, 5, true],
    ]);
    expect(page.averages).toEqual({
      count: 4,
      goal: (1 + 2 + 3 + 5) / 4,
      timing: (3 + 2 + 4 + 5) / 4,
      form: (4 + 2 + 4 + 5) / 4,
      conduct: (4 + 2 + 5 + 5) / 4,
    });
    const first = page.items[0];
    expect(first).toMatchObject({
      orderId: orders.poor.id,
      title: "=1+1 楼道灯不亮",
      grid: "第一网格",
      courtyard: "府河小区",
      comment: "@SUM(A1) 请回电139****5678",
    });
    expect(first.requester.name).toBe("王秀英");
  });

  it("filters by grid, courtyard, category, score band, rater and dates", async () => {
    const { map, people, orders } = await reviewFixture();
    const numbers = async (f: Partial<RatingFilters>) => (await listRatings(people.staffA, all(f))).items.map((r) => `${r.number}:${r.minScore}`);
    expect(await numbers({ band: "poor" })).toEqual([`${orders.poor.number}:1`, `${orders.good.number}:2`]);
    expect(await numbers({ band: "neutral" })).toEqual([`${orders.neutral.number}:3`]);
    expect(await numbers({ band: "satisfied" })).toEqual([`${orders.good.number}:5`]);
    expect(await numbers({ gridId: map.A2.id })).toEqual([`${orders.neutral.number}:3`]);
    expect(await numbers({ courtyardId: map.a1.id, rater: "requester" })).toEqual([`${orders.poor.number}:1`, `${orders.good.number}:5`]);
    expect(await numbers({ rater: "neighbour" })).toEqual([`${orders.good.number}:2`]);
    expect(await numbers({ categoryId: "category_wish" })).toEqual([]);
    const today = chinaDay(new Date());
    expect(await numbers({ from: today, to: today })).toHaveLength(4);
    expect(await numbers({ from: addDays(today, 1) })).toEqual([]);
    const poorAverages = (await listRatings(people.staffA, all({ band: "poor" }))).averages;
    expect(poorAverages).toEqual({ count: 2, goal: 1.5, timing: 2.5, form: 3, conduct: 3 });
  });

  it("never carries a full phone number: the requester's and those typed into comments are masked", async () => {
    const { people } = await reviewFixture();
    const page = await listRatings(people.staffA, all());
    const requester = await db.user.findUniqueOrThrow({ where: { id: people.requester.userId } });
    expect(page.items[0].requester.maskedPhone).toBe(`${requester.phone.slice(0, 3)}****${requester.phone.slice(-4)}`);
    const json = JSON.stringify(page);
    expect(json).not.toMatch(FULL_PHONE);
    expect(json).not.toContain(requester.phone);
  });

  it("shows staff of one community nothing of another, and other roles nothing at all", async () => {
    const { map, people, orders } = await reviewFixture();
    const ofB = await listRatings(people.staffB, all());
    expect(ofB.items.map((r) => r.orderId)).toEqual([orders.other.id]);
    // A filter naming another community's grid finds nothing rather than leaking it.
    expect((await listRatings(people.staffA, all({ gridId: map.B1.id }))).total).toBe(0);
    for (const outsider of [people.workerA1, people.secretaryA1, people.requester, people.admin]) {
      const page = await listRatings(outsider, all());
      expect(page).toMatchObject({ total: 0, items: [], averages: { count: 0, goal: null } });
    }
  });

  it("keeps a rating with the grid whose work was rated when the order later moves to another grid", async () => {
    const { map, people, orders } = await reviewFixture();
    await sendBackToGrid(people.staffA, orders.poor.id, { note: "问题未解决，退回网格" });
    // Sent back, the order is open again and moves with its courtyard to the other grid.
    await moveCourtyard(people.admin, map.a1.id, { gridId: map.A2.id });
    expect((await db.order.findUniqueOrThrow({ where: { id: orders.poor.id } })).gridId).toBe(map.A2.id);
    const poorOfA1 = await listRatings(people.staffA, all({ gridId: map.A1.id, band: "poor" }));
    expect(poorOfA1.items.find((r) => r.orderId === orders.poor.id)).toMatchObject({ grid: "第一网格", minScore: 1 });
    expect((await listRatings(people.staffA, all({ gridId: map.A2.id }))).items.map((r) => r.orderId)).not.toContain(orders.poor.id);
  });

  it("shows the last page for a page number past the end", async () => {
    const { people } = await reviewFixture();
    const page = await listRatings(people.staffA, all(), 99);
    expect(page).toMatchObject({ page: 1, pages: 1, total: 4 });
    expect(page.items).toHaveLength(4);
  });
});
