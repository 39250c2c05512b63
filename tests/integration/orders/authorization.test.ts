// Each role × each transition, inside and outside its scope. A refused attempt leaves the
// order and its timeline exactly as they were.
import { describe, expect, it } from "vitest";
import { acceptOrder, completeOrder, declineOrder, dispatchOrder, rateOrder, recordProgress, sendBackToGrid, withdrawOrder } from "@/domain/orders/commands";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { loopFixture, SERVICE, tomorrow } from "./fixture";

type Fixture = Awaited<ReturnType<typeof loopFixture>>;
type Who = keyof Fixture["people"];

const snapshot = async (id: string) => ({
  order: await db.order.findUniqueOrThrow({ where: { id } }),
  events: await db.orderEvent.count({ where: { orderId: id } }),
  ratings: await db.orderRating.count({ where: { orderId: id } }),
  dispatches: await db.orderDispatch.count({ where: { orderId: id } }),
});

const poor = { goal: 1, timing: 2, form: 2, conduct: 1, comment: "没有解决" };

const cases: {
  command: string;
  setup: (f: Fixture, id: string) => Promise<void>;
  run: (actor: Actor, id: string) => Promise<unknown>;
  allowed: Who[];
  refused: Who[];
  category?: string;
}[] = [
  {
    command: "accept",
    setup: async () => {},
    run: (a, id) => acceptOrder(a, id),
    allowed: ["workerA1"],
    refused: ["workerA2", "workerB1", "secretaryA1", "staffA", "staffB", "requester", "neighbour", "admin"],
  },
  {
    command: "decline",
    setup: async () => {},
    run: (a, id) => declineOrder(a, id, { note: "不属于社区职责" }),
    allowed: ["workerA1"],
    refused: ["workerA2", "workerB1", "secretaryA1", "staffA", "requester", "admin"],
  },
  {
    command: "withdraw",
    setup: async () => {},
    run: (a, id) => withdrawOrder(a, id),
    allowed: ["requester"],
    refused: ["neighbour", "residentOfA2", "workerA1", "secretaryA1", "staffA", "admin"],
  },
  {
    command: "dispatch",
    setup: async (f, id) => void (await acceptOrder(f.people.workerA1, id)),
    run: (a, id) => dispatchOrder(a, id, { plan: "方案", assignees: [{ kind: "OUTSIDE", name: "物业公司" }], dueAt: tomorrow() }),
    allowed: ["secretaryA1"],
    refused: ["secretaryA2", "workerA1", "workerA2", "staffA", "staffB", "requester", "admin"],
  },
  {
    command: "progress",
    category: SERVICE,
    setup: async (f, id) => void (await acceptOrder(f.people.workerA1, id)),
    run: (a, id) => recordProgress(a, id, { note: "进展" }),
    allowed: ["workerA1", "secretaryA1"],
    refused: ["workerA2", "secretaryA2", "staffA", "requester", "neighbour", "admin"],
  },
  {
    command: "complete",
    category: SERVICE,
    setup: async (f, id) => void (await acceptOrder(f.people.workerA1, id)),
    run: (a, id) => completeOrder(a, id, { note: "办结" }),
    allowed: ["workerA1"],
    refused: ["secretaryA1", "workerA2", "staffA", "requester", "admin"],
  },
  {
    command: "rate",
    category: SERVICE,
    setup: async (f, id) => {
      await acceptOrder(f.people.workerA1, id);
      await completeOrder(f.people.workerA1, id, { note: "办结" });
    },
    run: (a, id) => rateOrder(a, id, poor),
    allowed: ["requester"],
    refused: ["workerA1", "secretaryA1", "staffA", "residentOfA2", "admin"],
  },
  {
    command: "sendBack",
    category: SERVICE,
    setup: async (f, id) => {
      await acceptOrder(f.people.workerA1, id);
      await completeOrder(f.people.workerA1, id, { note: "办结" });
      await rateOrder(f.people.requester, id, poor);
    },
    run: (a, id) => sendBackToGrid(a, id, { note: "退回重办" }),
    allowed: ["staffA"],
    refused: ["staffB", "workerA1", "secretaryA1", "requester", "admin"],
  },
];

describe("who may move an order", () => {
  for (const c of cases) {
    it(`${c.command}: refused to ${c.refused.join(", ")}; done by ${c.allowed.join(" or ")}`, async () => {
      const fixture = await loopFixture();
      for (const who of c.allowed) {
        const { id } = await fixture.place(fixture.people.requester, { categoryId: c.category });
        await c.setup(fixture, id);
        const before = await snapshot(id);
        for (const outsider of c.refused) {
          const attempt = c.run(fixture.people[outsider], id);
          await expect(attempt, `${outsider} must be refused`).rejects.toMatchObject({ code: expect.stringMatching(/not_found|conflict/) });
          expect(await snapshot(id), `${outsider} changed something`).toEqual(before);
        }
        await c.run(fixture.people[who], id);
        const after = await snapshot(id);
        expect(after.events, `${who} should have acted`).toBe(before.events + 1);
      }
    });
  }

  it("answers an order of another grid as if it did not exist", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place();
    await expect(acceptOrder(people.workerA2, id)).rejects.toMatchObject({ code: "not_found" });
    const { getOrderDetail } = await import("@/features/orders/queries");
    expect(await getOrderDetail(people.workerA2, id)).toBeNull();
    expect(await getOrderDetail(people.staffB, id)).toBeNull();
    expect(await getOrderDetail(people.residentOfA2, id)).toBeNull();
    expect(await getOrderDetail(people.admin, id)).toBeNull();
    expect((await getOrderDetail(people.staffA, id))?.id).toBe(id);
  });
});
