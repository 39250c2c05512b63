// The order as a process of the workflow core (src/domain/workflow): where an order is
// reached and where it sits, who stands in which relation to it, why a command lost its
// race, and what every status change tells. Its commands are ./registry.ts.
import type { NotificationMessage } from "@/domain/notifications/notify";
import { actorIdOf, type Process, type ReadClient } from "@/domain/workflow/types";
import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums";
import { orderCommands, orderInclude, type LoadedOrder, type OrderCommand } from "./registry";
import { orderLocation, orderScope } from "./scope";

export const statusMessage = (order: { id: string; number: number; title: string; requesterId: string }, status: OrderStatus): NotificationMessage => ({
  userId: order.requesterId,
  orderId: order.id,
  kind: "statusChanged",
  params: { number: order.number, title: order.title, status },
});

/**
 * The requesters of orders merged into this one follow it from their own order's page: they
 * hear of its status under their own order, never with this one's title.
 */
async function followersOf(db: ReadClient, order: LoadedOrder, to: OrderStatus): Promise<NotificationMessage[]> {
  const merged = await db.order.findMany({ where: { mergedIntoId: order.id }, select: { id: true, number: true, title: true, requesterId: true } });
  return merged
    .filter((m) => m.requesterId !== order.requesterId)
    .map((m) => ({
      userId: m.requesterId,
      orderId: m.id,
      kind: "mergedProgress",
      params: { number: m.number, title: m.title, target: order.number, status: to },
    }));
}

export const orderProcess: Process<OrderCommand, OrderStatus, OrderEventType, LoadedOrder> = {
  name: "order",
  model: "order",
  eventModel: "orderEvent",
  eventOwner: "orderId",
  include: orderInclude,
  scope: (actor) => orderScope(actor, "order.view"),
  // A courtyard move or a transfer changes the grid: a worker racing it in the old grid loses.
  stable: (order) => ({ gridId: order.gridId }),
  stamp: (now) => ({ updatedAt: now }),
  location: orderLocation,
  relations: (actor, order) => {
    const mine = order.requesterId === actor.userId;
    return [mine ? "requester" : "neighbour", ...(order.acceptedById === actor.userId ? (["handler"] as const) : [])];
  },
  // Someone else accepted it first: say who, rather than "the status changed".
  conflict: async (client, { name, id, raced }) => {
    const now = await client.order.findUnique({ where: { id }, select: { status: true, acceptedBy: { select: { name: true } } } });
    if ((raced || name === "accept") && now?.acceptedBy && now.status !== "PLACED") return { key: "alreadyAccepted", params: { name: now.acceptedBy.name } };
    return undefined;
  },
  // The requester hears of every status change (unless the step already told them), and so do
  // the requesters of the orders merged into this one.
  effects: async ({ db, actor, record, from, to, told }) => {
    if (to === from) return [];
    const toRequester = record.requesterId !== actorIdOf(actor) && !told.some((m) => m.userId === record.requesterId);
    return [...(toRequester ? [statusMessage(record, to)] : []), ...(await followersOf(db, record, to))];
  },
  commands: orderCommands,
};
