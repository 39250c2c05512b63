import "server-only";
import { courtyardScope, gridScope } from "@/server/authz/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

async function residentCounts(courtyardIds: string[]) {
  if (courtyardIds.length === 0) return new Map<string, number>();
  const rows = await db.roleAssignment.groupBy({
    by: ["courtyardId"],
    where: { role: "RESIDENT", courtyardId: { in: courtyardIds } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.courtyardId!, r._count._all]));
}

/** The grids a grid worker is assigned to: where they take orders (a worker who is also staff sees no more here). */
export async function listWorkerGrids(actor: Actor) {
  return db.grid.findMany({
    where: { AND: [gridScope(actor, "order.accept"), gridScope(actor, "grid.view")] },
    select: { id: true, name: true, community: { select: { name: true } }, _count: { select: { courtyards: true } } },
    orderBy: { name: "asc" },
  });
}

/** One grid with its courtyards, or null when the actor may not see it. */
export async function getGrid(actor: Actor, gridId: string) {
  const grid = await db.grid.findFirst({
    where: { AND: [{ id: gridId }, gridScope(actor, "grid.view")] },
    select: {
      id: true,
      name: true,
      community: { select: { name: true } },
      courtyards: {
        where: { active: true },
        select: { id: true, name: true, address: true, _count: { select: { buildings: true } } },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!grid) return null;
  const residents = await residentCounts(grid.courtyards.map((c) => c.id));
  return { ...grid, courtyards: grid.courtyards.map((c) => ({ ...c, residents: residents.get(c.id) ?? 0 })) };
}

/** The courtyards a branch secretary leads: where they dispatch orders. */
export async function listSecretaryCourtyards(actor: Actor) {
  return db.courtyard.findMany({
    where: { AND: [courtyardScope(actor, "order.dispatch"), courtyardScope(actor, "courtyard.view")] },
    select: { id: true, name: true, partyBranchName: true, grid: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
}

/** The signed-in resident's own homes. */
export async function listOwnHomes(actor: Actor) {
  return db.residence.findMany({
    where: { userId: actor.userId, courtyard: courtyardScope(actor, "courtyard.view") },
    select: { id: true, unit: true, room: true, courtyard: { select: { name: true } }, building: { select: { number: true } } },
    orderBy: { createdAt: "asc" },
  });
}
