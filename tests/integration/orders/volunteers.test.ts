// 下单's volunteers: a branch secretary assigns registered volunteers of the order's community,
// picked from a list searched by name — never a resident looked up by phone number. Searching
// is throttled and tells nobody; a volunteer hears of it when a saved dispatch first names them.
import { describe, expect, it } from "vitest";
import { acceptOrder, dispatchOrder } from "@/domain/orders/commands";
import { firstVolunteers, searchVolunteers, SEARCHES_PER_WINDOW } from "@/domain/orders/volunteers";
import { db } from "@/server/db/client";
import { actorWithRole, residentIn } from "../../support/factories";
import { loopFixture, tomorrow } from "./fixture";

async function withVolunteers() {
  const fixture = await loopFixture();
  const { map, people, place } = fixture;
  const volunteer = async (courtyardId: string, name: string, communityId = map.A.id) => {
    const actor = await residentIn(courtyardId, name);
    await db.roleAssignment.create({ data: { userId: actor.userId, role: "VOLUNTEER", communityId } });
    return actor;
  };
  const volunteers = {
    wang: await volunteer(map.a2.id, "王志愿"),
    li: await volunteer(map.a1.id, "李志愿"),
    // A volunteer of community B: not assignable in A.
    elsewhere: await volunteer(map.b1.id, "王乙社区", map.B.id),
  };
  // A resident of the community with a matching name who never registered.
  const plainResident = await residentIn(map.a1.id, "王大妈");
  const { id } = await place();
  await acceptOrder(people.workerA1, id);
  return { ...fixture, volunteers, plainResident, orderId: id };
}

const notified = async (userId: string) => db.notification.count({ where: { userId } });

describe("assigning volunteers in a dispatch", () => {
  it("does not look residents up by number: no name comes back, nobody is notified", async () => {
    const { people, plainResident, orderId } = await withVolunteers();
    const phone = (await db.user.findUniqueOrThrow({ where: { id: plainResident.userId } })).phone;
    const attempt = dispatchOrder(people.secretaryA1, orderId, { plan: "请协助", assignees: [{ kind: "VOLUNTEER", phone } as never], dueAt: tomorrow() });
    await expect(attempt).rejects.toBeTruthy();
    expect(await notified(plainResident.userId)).toBe(0);
    expect(await db.orderDispatch.count({ where: { orderId } })).toBe(0);
  });

  it("takes only the community's registered volunteers; anyone else gets one answer and hears nothing", async () => {
    const { people, volunteers, plainResident, orderId } = await withVolunteers();
    for (const someone of [plainResident.userId, volunteers.elsewhere.userId, people.workerB1.userId, "no-such-user"]) {
      const attempt = dispatchOrder(people.secretaryA1, orderId, { plan: "请协助", assignees: [{ kind: "VOLUNTEER", userId: someone }], dueAt: tomorrow() });
      await expect(attempt).rejects.toMatchObject({ code: "invalid_input", message: "assigneeInvalid" });
    }
    expect(await notified(plainResident.userId)).toBe(0);
    expect(await notified(volunteers.elsewhere.userId)).toBe(0);

    await dispatchOrder(people.secretaryA1, orderId, { plan: "请协助", assignees: [{ kind: "VOLUNTEER", userId: volunteers.wang.userId }], dueAt: tomorrow() });
    const plan = await db.orderDispatch.findFirstOrThrow({ where: { orderId } });
    expect(plan.assignees).toEqual([{ kind: "VOLUNTEER", userId: volunteers.wang.userId, name: "王志愿" }]);
    expect(await db.notification.findMany({ where: { userId: volunteers.wang.userId }, select: { kind: true, orderId: true } })).toEqual([
      { kind: "assigned", orderId },
    ]);
  });

  it("tells a volunteer once, when a saved dispatch first names them, not at every new plan", async () => {
    const { people, volunteers, orderId } = await withVolunteers();
    const dispatch = (ids: string[]) =>
      dispatchOrder(people.secretaryA1, orderId, {
        plan: "请协助",
        assignees: ids.map((userId) => ({ kind: "VOLUNTEER" as const, userId })),
        dueAt: tomorrow(),
      });
    await dispatch([volunteers.wang.userId]);
    await dispatch([volunteers.wang.userId, volunteers.li.userId]);
    expect(await notified(volunteers.wang.userId)).toBe(1);
    expect(await notified(volunteers.li.userId)).toBe(1);
  });
});

describe("finding volunteers for the dispatch form", () => {
  it("lists the community's volunteers by name, and nobody else, with masked numbers", async () => {
    const { people, volunteers, orderId } = await withVolunteers();
    const found = await searchVolunteers(people.secretaryA1, orderId, "王");
    expect(found.map((v) => v.name)).toEqual(["王志愿"]); // not 王大妈 (no volunteer), not 王乙社区 (community B)
    expect(found[0]).toMatchObject({ id: volunteers.wang.userId, phone: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });
    // Digits find no one: the list is searched by name, never by number.
    const phone = (await db.user.findUniqueOrThrow({ where: { id: volunteers.wang.userId } })).phone;
    expect(await searchVolunteers(people.secretaryA1, orderId, phone)).toEqual([]);
    expect((await firstVolunteers(people.secretaryA1, orderId)).map((v) => v.name).sort()).toEqual(["李志愿", "王志愿"]);
    // Searching tells nobody anything.
    expect(await notified(volunteers.wang.userId)).toBe(0);
  });

  it("is for the secretary of the order's courtyard only", async () => {
    const { people, orderId } = await withVolunteers();
    for (const outsider of [people.secretaryA2, people.workerA1, people.staffA, people.requester, people.admin]) {
      await expect(searchVolunteers(outsider, orderId, "王")).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("is throttled per secretary", async () => {
    const { map, people, orderId } = await withVolunteers();
    for (let i = 0; i < SEARCHES_PER_WINDOW; i++) await searchVolunteers(people.secretaryA1, orderId, "志愿");
    await expect(searchVolunteers(people.secretaryA1, orderId, "志愿")).rejects.toMatchObject({ code: "throttled" });
    // Another secretary of the courtyard is not held up by it.
    const colleague = await actorWithRole("BRANCH_SECRETARY", { courtyardId: map.a1.id }, "另一位书记");
    expect(await searchVolunteers(colleague, orderId, "志愿")).toHaveLength(2);
  });
});
