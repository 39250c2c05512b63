// Which orders an actor may read for an operation, as a Prisma `where`: the orders inside
// reach(actor, operation) (src/server/authz/permissions.ts). A resident reaches only the orders
// they requested in their courtyards; workers, secretaries and staff reach those in their scope.
// A resident whose order was merged into another does not reach that other order: they
// follow it from their own (src/features/orders/queries.ts, mergedInto).
import type { Prisma } from "@/generated/prisma/client";
import { reach, type Actor, type Location, type Operation } from "@/server/authz/permissions";
import { ordersIn } from "@/server/authz/scope";

export function orderScope(actor: Actor | null, operation: Operation): Prisma.OrderWhereInput {
  return ordersIn(reach(actor, operation));
}

/** Where an order sits: its courtyard, its community, the grid responsible now, and who asked. */
export const orderLocation = (order: { communityId: string; gridId: string; courtyardId: string; requesterId?: string }): Location => ({
  communityId: order.communityId,
  gridId: order.gridId,
  courtyardId: order.courtyardId,
  ...(order.requesterId === undefined ? {} : { requesterId: order.requesterId }),
});
