// A small rated history for the staff-review tests: community A (grids A1, A2) and B, with
// ratings of every band, a neighbour's rating, and text that looks like formulas and phones.
import { acceptOrder, completeOrder, rateOrder } from "@/domain/orders/commands";
import type { Actor } from "@/server/authz/permissions";
import { residentIn } from "../../support/factories";
import { loopFixture, SERVICE } from "../orders/fixture";

type Scores = [number, number, number, number];
const scores = ([goal, timing, form, conduct]: Scores, comment: string) => ({ goal, timing, form, conduct, comment });

export async function reviewFixture() {
  const { map, people, place } = await loopFixture();
  const residentOfB = await residentIn(map.b1.id, "乙居民");

  /** Placed by `requester`, handled by `worker`, rated by the requester. */
  async function ratedOrder(requester: Actor, worker: Actor, title: string, s: Scores, comment: string) {
    const { id, number } = await place(requester, { categoryId: SERVICE, title });
    await acceptOrder(worker, id);
    await completeOrder(worker, id, { note: "已办结。" });
    await rateOrder(requester, id, scores(s, comment));
    return { id, number, title };
  }

  const poor = await ratedOrder(people.requester, people.workerA1, "=1+1 楼道灯不亮", [1, 3, 4, 4], "@SUM(A1) 请回电13912345678");
  const good = await ratedOrder(people.requester, people.workerA1, "修剪小区树枝", [5, 5, 5, 5], "-非常及时");
  const neutral = await ratedOrder(people.residentOfA2, people.workerA2, "代办社保卡年审", [3, 4, 4, 5], "+还可以");
  // A neighbour of 府河小区 rates the public order `good` poorly: shown, but not in the rates.
  await rateOrder(people.neighbour, good.id, scores([2, 2, 2, 2], "邻居觉得树枝没剪完"));
  const other = await ratedOrder(residentOfB, people.workerB1, "乙社区的单", [1, 1, 1, 1], "乙社区差评");

  return { map, people: { ...people, residentOfB }, orders: { poor, good, neutral, other } };
}

/** Anything that looks like a full mainland mobile number. */
export const FULL_PHONE = /(?<!\d)1\d{10}(?!\d)/;
