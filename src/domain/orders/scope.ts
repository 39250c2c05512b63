// Which orders an actor may read for an operation, as a Prisma `where`. A resident reaches
// only the orders they requested; workers, secretaries and staff reach those in their scope.
// A resident whose order was merged into another does not reach that other order: they
// follow it from their own (src/features/orders/queries.ts, mergedInto).
import type { Prisma } from "@/generated/prisma/client";
import { permissions, type Actor, type Location, type Operation } from "@/server/authz/permissions";

export function orderScope(actor: Actor | null, operation: Operation): Prisma.OrderWhereInput {
  const allowed: readonly string[] = permissions[operation].roles;
  const or: Prisma.OrderWhereInput[] = [];
  for (const a of actor?.roles ?? []) {
    if (!allowed.includes(a.role)) continue;
    if (a.role === "RESIDENT" && a.courtyardId) or.push({ requesterId: actor!.userId });
    if (a.role === "GRID_WORKER" && a.gridId) or.push({ gridId: a.gridId });
    if (a.role === "BRANCH_SECRETARY" && a.courtyardId) or.push({ courtyardId: a.courtyardId });
    if (a.role === "STAFF" && a.communityId) or.push({ communityId: a.communityId });
  }
  return or.length ? { OR: or } : { id: { in: [] } };
}

/** Where an order sits: its courtyard, its community, and the grid responsible now. */
export const orderLocation = (order: { communityId: string; gridId: string; courtyardId: string }): Location => ({
  communityId: order.communityId,
  gridId: order.gridId,
  courtyardId: order.courtyardId,
});
