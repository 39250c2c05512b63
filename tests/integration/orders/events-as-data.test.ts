// Timeline events store what the system says as a kind with params, never as Chinese prose:
// each step that says something writes its params, the order page hands them to the reader's
// language, and rows written before were parsed into params by the migration.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { acceptOrder, closeUnratedOrders, completeOrder, mergeOrder, rateOrder, transferOrder } from "@/domain/orders/commands";
import { getOrderDetail } from "@/features/orders/queries";
import { db } from "@/server/db/client";
import { loopFixture, SERVICE } from "./fixture";

const eventsOf = async (orderId: string) =>
  (await db.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } })).map((e) => [e.type, e.note, e.params]);

describe("timeline events as data", () => {
  it("stores the system's words as params and the person's as typed", async () => {
    const { map, people, place } = await loopFixture();
    const onBehalf = await place(people.workerA1, { requesterId: people.requester.userId, categoryId: SERVICE });
    await transferOrder(people.workerA1, onBehalf.id, { gridId: map.A2.id, note: "该楼栋属于第二网格" });
    const [first, duplicate] = [await place(), await place()];
    await mergeOrder(people.workerA1, duplicate.id, { targetNumber: first.number, note: "同一盏灯" });

    expect(await eventsOf(onBehalf.id)).toEqual([
      ["PLACED", "", { kind: "placedOnBehalf" }],
      ["TRANSFERRED", "该楼栋属于第二网格", { kind: "transferred", grid: map.A2.name }],
    ]);
    expect((await eventsOf(duplicate.id))[1]).toEqual(["MERGED", "同一盏灯", { kind: "merged", target: first.number }]);
    const detail = await getOrderDetail(people.requester, onBehalf.id);
    expect(detail!.timeline.map((e) => e.says)).toEqual([
      { kind: "placedOnBehalf", params: {} },
      { kind: "transferred", params: { grid: map.A2.name } },
    ]);
    for (const row of await db.orderEvent.findMany({ where: { orderId: { in: [onBehalf.id, duplicate.id] } } })) {
      expect(row.note, "no system prose in a note").not.toMatch(/转派至|代点单|重复，已合并/);
    }
  });

  it("stores a rating's scores and an automatic close as params", async () => {
    const { people, place } = await loopFixture();
    const rated = await place(people.requester, { categoryId: SERVICE });
    await acceptOrder(people.workerA1, rated.id);
    await completeOrder(people.workerA1, rated.id, { note: "已处理。" });
    await rateOrder(people.requester, rated.id, { goal: 5, timing: 4, form: 5, conduct: 5, comment: "谢谢" });
    expect((await eventsOf(rated.id)).at(-1)).toEqual(["RATED", "谢谢", { kind: "rated", goal: 5, timing: 4, form: 5, conduct: 5 }]);

    const unrated = await place(people.requester, { categoryId: SERVICE });
    await acceptOrder(people.workerA1, unrated.id);
    await completeOrder(people.workerA1, unrated.id, { note: "已处理。" });
    await db.order.update({ where: { id: unrated.id }, data: { completedAt: new Date(Date.now() - 9 * 86400_000) } });
    await closeUnratedOrders(7);
    const [type, note, params] = (await eventsOf(unrated.id)).at(-1)!;
    expect([type, note, params]).toEqual(["CLOSED", "", { kind: "closedUnrated", days: 7 }]);
    expect((await db.orderEvent.findFirstOrThrow({ where: { orderId: unrated.id, type: "CLOSED" } })).actorId).toBeNull();
  });

  it("the migration parses the notes written before into params", async () => {
    const { place } = await loopFixture();
    const { id } = await place();
    const legacy = [
      ["PLACED", "代点单"],
      ["TRANSFERRED", "转派至第二网格：该楼栋属于第二网格：二期"],
      ["TRANSFERRED", "院落调整网格：从 第一网格 到 第二网格"],
      ["MERGED", "与 #12 重复，已合并：同一盏灯"],
      ["MERGED", "与 #13 重复，已合并"],
      ["CLOSED", "超过 7 天未评价，自动完结（未评价）"],
      ["RATED", "2/3/4/5 灯还是\n不亮"],
      ["RATED", "5/5/5/5"],
      ["PROGRESS", "转派至别处：这是居民自己写的"],
      ["CLOSED", "回访后居民同意完结"],
    ] as const;
    await db.orderEvent.deleteMany({ where: { orderId: id } });
    for (const [i, [type, note]] of legacy.entries()) {
      await db.orderEvent.create({ data: { orderId: id, type, note, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) } });
    }
    const sql = fs.readFileSync("prisma/migrations/20261203100000_event_params/migration.sql", "utf8");
    const updates = sql
      .split(";")
      .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
      .filter((s) => s.startsWith("UPDATE"));
    expect(updates.length).toBe(6);
    for (const statement of updates) await db.$executeRawUnsafe(statement);

    expect(await eventsOf(id)).toEqual([
      ["PLACED", "", { kind: "placedOnBehalf" }],
      ["TRANSFERRED", "该楼栋属于第二网格：二期", { kind: "transferred", grid: "第二网格" }],
      ["TRANSFERRED", "", { kind: "courtyardMoved", from: "第一网格", to: "第二网格" }],
      ["MERGED", "同一盏灯", { kind: "merged", target: 12 }],
      ["MERGED", "", { kind: "merged", target: 13 }],
      ["CLOSED", "", { kind: "closedUnrated", days: 7 }],
      ["RATED", "灯还是\n不亮", { kind: "rated", goal: 2, timing: 3, form: 4, conduct: 5 }],
      ["RATED", "", { kind: "rated", goal: 5, timing: 5, form: 5, conduct: 5 }],
      ["PROGRESS", "转派至别处：这是居民自己写的", null],
      ["CLOSED", "回访后居民同意完结", null],
    ]);
  });
});
