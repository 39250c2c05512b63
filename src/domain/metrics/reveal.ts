// 显示号码: staff see residents' numbers masked; showing one in full is a deliberate act of a
// permitted role (docs/decisions/015-staff-review.md). The number is read and the audit row written in one
// transaction, so a number never leaves without its log entry. The log names who looked at
// whose number and for which order — never the number itself.
import { orderLocation } from "@/domain/orders/scope";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { notFoundError } from "@/server/errors";

export const REVEAL_ACTION = "resident.revealContact";

/** The full number of the order's requester, for staff of the order's community; else not found. */
export async function revealRequesterPhone(actor: Actor, orderId: string): Promise<{ phone: string }> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: { id: true, number: true, communityId: true, gridId: true, courtyardId: true, requester: { select: { id: true, phone: true } } },
    });
    if (!order || !can(actor, "resident.revealContact", orderLocation(order))) throw notFoundError();
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: REVEAL_ACTION,
        entityType: "User",
        entityId: order.requester.id,
        communityId: order.communityId,
        after: { orderId: order.id, orderNumber: order.number },
      },
    });
    return { phone: order.requester.phone };
  });
}
