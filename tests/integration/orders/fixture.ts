// A community with two grids and the people of the loop, for the order tests.
import crypto from "node:crypto";
import type { Actor } from "@/server/authz/permissions";
import { placeOrder } from "@/domain/orders/place-order";
import type { PlaceOrderInput } from "@/domain/orders/schemas";
import { actorWithRole, buildMap, residentIn } from "../../support/factories";

export const WISH = "category_wish"; // needs the branch's dispatch
export const SERVICE = "category_service"; // handled straight after acceptance

export async function loopFixture() {
  const map = await buildMap();
  const people = {
    requester: await residentIn(map.a1.id, "王秀英"),
    neighbour: await residentIn(map.a1.id, "邻居甲"),
    residentOfA2: await residentIn(map.a2.id, "龙湖居民"),
    workerA1: await actorWithRole("GRID_WORKER", { gridId: map.A1.id }, "李建国"),
    workerA2: await actorWithRole("GRID_WORKER", { gridId: map.A2.id }, "赵敏"),
    workerB1: await actorWithRole("GRID_WORKER", { gridId: map.B1.id }, "乙网格员"),
    secretaryA1: await actorWithRole("BRANCH_SECRETARY", { courtyardId: map.a1.id }, "张志强"),
    secretaryA2: await actorWithRole("BRANCH_SECRETARY", { courtyardId: map.a2.id }, "龙湖书记"),
    staffA: await actorWithRole("STAFF", { communityId: map.A.id }, "陈丽"),
    staffB: await actorWithRole("STAFF", { communityId: map.B.id }, "乙社区工作人员"),
    admin: await actorWithRole("ADMIN", {}, "刘洋"),
  };
  const place = (actor: Actor = people.requester, input: Partial<PlaceOrderInput> = {}) =>
    placeOrder(actor, {
      categoryId: WISH,
      title: "楼道灯坏了",
      description: "三单元二楼的楼道灯不亮，晚上老人上下楼不安全。",
      isPublic: true,
      idempotencyKey: crypto.randomUUID(),
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    });
  return { map, people, place };
}

export const tomorrow = () => new Date(Date.now() + 86400_000).toISOString();
