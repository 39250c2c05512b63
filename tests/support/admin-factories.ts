// Builders for the admin console's integration tests: administrators of one community or
// of all, and orders in a given status written straight to the database (the order domain
// has its own tests; here they only need to exist).
import type { OrderStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";
import { actorWithRole, buildMap, createUser } from "./factories";
import { orderRow } from "./order-row";

export const globalAdmin = (name = "全局管理员") => actorWithRole("ADMIN", {}, name);
export const communityAdmin = (communityId: string, name = "社区管理员") => actorWithRole("ADMIN", { communityId }, name);

/** The demo-style map plus an administrator for each community and a global one. */
export async function adminFixture() {
  const map = await buildMap();
  return {
    map,
    adminOfAll: await globalAdmin(),
    adminOfA: await communityAdmin(map.A.id, "甲社区管理员"),
    adminOfB: await communityAdmin(map.B.id, "乙社区管理员"),
  };
}

export async function orderIn(courtyard: { id: string; gridId: string }, status: OrderStatus, communityId: string) {
  const requester = await createUser({ roles: [{ role: "RESIDENT", courtyardId: courtyard.id }] });
  return db.order.create({ data: orderRow({ courtyardId: courtyard.id, gridId: courtyard.gridId, communityId }, requester.id, status) });
}

export async function auditRows(entityId: string) {
  return db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });
}
