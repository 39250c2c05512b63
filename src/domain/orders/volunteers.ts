// The volunteers a branch secretary may assign in a dispatch: the registered volunteers
// (role VOLUNTEER) of the order's community, found by name within that list — never by
// phone number, and never anyone else. Searching tells nobody anything (assignment is told
// when a dispatch is saved) and is throttled per secretary, so that the list cannot be used
// to go through the community's people (docs/decisions/024-volunteers-in-dispatch.md).
import { z } from "zod";
import { maskPhone } from "@/domain/privacy/mask";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { budget, spend } from "@/server/throttle";
import { orderLocation, orderScope } from "./scope";

export const VOLUNTEER_RESULTS = 10;
export const SEARCHES_PER_WINDOW = 30;
const searches = budget("volunteer-search", SEARCHES_PER_WINDOW, 5 * 60);

const query = z.string().trim().max(20, "volunteerQueryTooLong");

export type VolunteerOption = { id: string; name: string; phone: string };

async function dispatchableOrder(actor: Actor, orderId: string) {
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, orderScope(actor, "order.dispatch")] },
    select: { communityId: true, gridId: true, courtyardId: true },
  });
  if (!order || !can(actor, "order.dispatch", orderLocation(order))) throw notFoundError();
  return order;
}

async function listVolunteers(communityId: string, name: string): Promise<VolunteerOption[]> {
  const rows = await db.user.findMany({
    where: { disabledAt: null, roles: { some: { role: "VOLUNTEER", communityId } }, ...(name ? { name: { contains: name } } : {}) },
    select: { id: true, name: true, phone: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: VOLUNTEER_RESULTS,
  });
  // Two volunteers of one name are told apart by the number's ends, not by the number.
  return rows.map((r) => ({ id: r.id, name: r.name, phone: maskPhone(r.phone) }));
}

/** The first volunteers of the order's community, for the dispatch form as it opens. */
export async function firstVolunteers(actor: Actor, orderId: string): Promise<VolunteerOption[]> {
  const order = await dispatchableOrder(actor, orderId);
  return listVolunteers(order.communityId, "");
}

/** Volunteers of the order's community whose name holds the text; a search the secretary types. */
export async function searchVolunteers(actor: Actor, orderId: string, raw: unknown): Promise<VolunteerOption[]> {
  const name = query.parse(typeof raw === "string" ? raw : "");
  const order = await dispatchableOrder(actor, orderId);
  if (!(await spend(searches, actor.userId))) throw new AppError("throttled", "volunteerSearchThrottled");
  return listVolunteers(order.communityId, name);
}
