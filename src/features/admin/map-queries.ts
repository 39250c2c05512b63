import "server-only";
// Reads for the map pages of the admin console: scoped to the administrator's communities,
// deactivated records included (marked), returned as plain objects.
import { openOrdersMoving } from "@/domain/admin/courtyards";
import { reachOf } from "@/domain/admin/scope";
import { maskPhone } from "@/domain/privacy/mask";
import { communityScope, courtyardScope } from "@/server/authz/scope";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

/** Streets with the communities the administrator reaches (all streets for a global one). */
export async function mapOverview(actor: Actor) {
  const global = can(actor, "streets.configure");
  const communities = communityScope(actor, "map.configure");
  const streets = await db.street.findMany({
    where: global ? {} : { communities: { some: communities } },
    select: {
      id: true,
      name: true,
      active: true,
      communities: {
        where: communities,
        select: { id: true, name: true, active: true, _count: { select: { grids: { where: { active: true } } } } },
        orderBy: { name: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
  return { global, streets };
}

export async function communityDetail(actor: Actor, id: string) {
  return db.community.findFirst({
    where: { AND: [{ id }, communityScope(actor, "map.configure")] },
    select: {
      id: true,
      name: true,
      active: true,
      street: { select: { name: true } },
      grids: {
        select: {
          id: true,
          name: true,
          active: true,
          courtyards: {
            select: { id: true, name: true, active: true, address: true, _count: { select: { buildings: { where: { active: true } }, residences: true } } },
            orderBy: [{ active: "desc" }, { name: "asc" }],
          },
        },
        orderBy: [{ active: "desc" }, { name: "asc" }],
      },
    },
  });
}

export async function courtyardDetail(actor: Actor, id: string) {
  const courtyard = await db.courtyard.findFirst({
    where: { AND: [{ id }, courtyardScope(actor, "map.configure")] },
    select: {
      id: true,
      name: true,
      address: true,
      partyBranchName: true,
      active: true,
      grid: { select: { id: true, name: true, active: true, community: { select: { id: true, name: true } } } },
      buildings: {
        select: { id: true, number: true, units: true, floors: true, headName: true, active: true },
        orderBy: [{ active: "desc" }, { createdAt: "asc" }],
      },
      roles: { where: { role: "BRANCH_SECRETARY" }, select: { user: { select: { id: true, name: true, phone: true, disabledAt: true } } } },
      _count: { select: { residences: true } },
    },
  });
  if (!courtyard) return null;
  const [targets, openOrders] = await Promise.all([
    db.grid.findMany({
      where: { communityId: courtyard.grid.community.id, active: true, id: { not: courtyard.grid.id } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    openOrdersMoving(courtyard.id, courtyard.grid.id),
  ]);
  const { roles, ...rest } = courtyard;
  return {
    ...rest,
    secretaries: roles.map((r) => ({ id: r.user.id, name: r.user.name, phone: maskPhone(r.user.phone), disabled: !!r.user.disabledAt })),
    targetGrids: targets,
    openOrders,
  };
}

/** Counts for the console's home page, over what the administrator reaches. */
export async function adminOverview(actor: Actor) {
  const reach = reachOf(actor, "map.configure");
  const community = reach === "all" ? {} : { id: { in: reach } };
  const inCommunity = { grid: { community } };
  const [communities, grids, courtyards, buildings, residents] = await Promise.all([
    db.community.count({ where: { ...community, active: true } }),
    db.grid.count({ where: { community, active: true } }),
    db.courtyard.count({ where: { ...inCommunity, active: true } }),
    db.building.count({ where: { courtyard: inCommunity, active: true } }),
    db.residence.count({ where: { courtyard: inCommunity } }),
  ]);
  return { communities, grids, courtyards, buildings, residents, global: reach === "all" };
}

/** Active communities the administrator may import into or assign roles in. */
export function reachableCommunities(actor: Actor) {
  return db.community.findMany({
    where: { AND: [{ active: true }, communityScope(actor, "map.configure")] },
    select: { id: true, name: true, street: { select: { name: true } } },
    orderBy: [{ street: { name: "asc" } }, { name: "asc" }],
  });
}
