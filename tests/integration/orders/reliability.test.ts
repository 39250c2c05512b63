import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { acceptOrder } from "@/domain/orders/commands";
import { placeOrder } from "@/domain/orders/place-order";
import { getOrderDetail, publicBoard } from "@/features/orders/queries";
import { db } from "@/server/db/client";
import { actorWithRole } from "../../support/factories";
import { loopFixture, WISH } from "./fixture";

describe("races, retries and privacy", () => {
  it("20 workers accepting at once: one wins, the others are told who took it", async () => {
    const { map, place } = await loopFixture();
    const { id } = await place();
    const workers = await Promise.all(Array.from({ length: 20 }, (_, i) => actorWithRole("GRID_WORKER", { gridId: map.A1.id }, `网格员${i}`)));
    const results = await Promise.allSettled(workers.map((w) => acceptOrder(w, id)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const order = await db.order.findUniqueOrThrow({ where: { id }, include: { acceptedBy: true } });
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict", message: "alreadyAccepted", params: { name: order.acceptedBy!.name } });
    }
    expect(await db.orderEvent.count({ where: { orderId: id, type: "ACCEPTED" } })).toBe(1);
  });

  it("a double click or a retried request creates one order", async () => {
    const { people } = await loopFixture();
    const input = { categoryId: WISH, title: "想要一张乒乓球桌", description: "院子里老人孩子都想打乒乓球。", idempotencyKey: crypto.randomUUID() };
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(people.requester, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const again = await placeOrder(people.requester, input);
    expect(again).toMatchObject({ id: results[0].id, duplicate: true });
    expect(await db.order.count({ where: { placedById: people.requester.userId, idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await db.orderEvent.count({ where: { orderId: results[0].id } })).toBe(1);
  });

  it("refuses the same key with different content", async () => {
    const { people } = await loopFixture();
    const key = crypto.randomUUID();
    await placeOrder(people.requester, { categoryId: WISH, title: "第一次", description: "第一次提交的内容。", idempotencyKey: key });
    await expect(
      placeOrder(people.requester, { categoryId: WISH, title: "第二次", description: "换了内容的提交。", idempotencyKey: key }),
    ).rejects.toMatchObject({ code: "conflict", message: "idempotencyMismatch" });
  });

  it("bad input is refused before anything is written", async () => {
    const { people } = await loopFixture();
    const before = await db.order.count();
    await expect(placeOrder(people.requester, { categoryId: WISH, title: "", description: "短", idempotencyKey: crypto.randomUUID() })).rejects.toThrow();
    await expect(
      placeOrder(people.requester, { categoryId: "no-such-category", title: "标题", description: "足够长的描述。", idempotencyKey: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      placeOrder(people.requester, {
        categoryId: WISH,
        title: "标题",
        description: "足够长的描述。",
        idempotencyKey: crypto.randomUUID(),
        photoIds: ["not-mine"],
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.order.count()).toBe(before);
  });

  it("the courtyard's public board and a neighbour's view carry no name, phone or room", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place();
    await acceptOrder(people.workerA1, id);
    const requester = await db.user.findUniqueOrThrow({ where: { id: people.requester.userId } });
    const board = JSON.stringify(await publicBoard(people.neighbour));
    const detail = JSON.stringify(await getOrderDetail(people.neighbour, id));
    for (const text of [board, detail]) {
      expect(text).toContain("楼道灯坏了");
      expect(text).not.toMatch(/1\d{10}/);
      expect(text).not.toContain(requester.phone);
      expect(text).not.toContain(requester.name);
      expect(text).not.toContain("302");
    }
    // Those who handle it see who asked.
    expect((await getOrderDetail(people.workerA1, id))?.requester?.phone).toBe(requester.phone);
    // Staff see the number masked.
    expect((await getOrderDetail(people.staffA, id))?.requester?.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("a private order never reaches the board", async () => {
    const { people, place } = await loopFixture();
    await place(people.requester, { isPublic: false, title: "家里的私事" });
    expect(JSON.stringify(await publicBoard(people.neighbour))).not.toContain("家里的私事");
  });
});
