// The courtyard's public board (院落公示): which public orders residents read there. Staff
// taking a post off it (and back) with a reason are the registry's hideFromBoard and
// restoreToBoard (./registry.ts): a change of the order's publicity with its timeline event,
// an audit row and a word to the requester; the order's own work goes on.
import type { Prisma } from "@/generated/prisma/client";
import { maskPublicText } from "@/domain/privacy/mask";
import { reach, type Actor } from "@/server/authz/permissions";
import { ordersIn } from "@/server/authz/scope";
import { boardStatuses } from "./machine";
import { orderScope } from "./scope";

/**
 * What the board of the courtyards where the actor lives shows, their own posts included:
 * the public orders on show inside reach(actor, "order.board").
 */
export function boardWhere(actor: Actor): Prisma.OrderWhereInput {
  return { AND: [ordersIn(reach(actor, "order.board"))], isPublic: true, boardHiddenAt: null, status: { in: [...boardStatuses] } };
}

/** The orders the actor may open: those in reach for order.view, and those on their board. */
export function openableWhere(actor: Actor): Prisma.OrderWhereInput {
  return { OR: [orderScope(actor, "order.view"), boardWhere(actor)] };
}

/** Neighbours' posts on the actor's board (同需, a neighbour's rating, an anonymised page). */
export function publicBoardWhere(actor: Actor): Prisma.OrderWhereInput {
  return { ...boardWhere(actor), requesterId: { not: actor.userId } };
}

/** A post's text as the board publishes it: phone, long and door numbers masked. */
export const asPublished = (order: { title: string; description: string }) => ({
  title: maskPublicText(order.title),
  description: maskPublicText(order.description),
});
