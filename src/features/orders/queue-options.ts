import "server-only";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

/** The grids the actor works as a grid worker. */
const workerGridIds = (actor: Actor) => actor.roles.filter((r) => r.role === "GRID_WORKER" && r.gridId).map((r) => r.gridId!);

/** The active courtyards of the worker's grids, for the queue's 小区 filter. */
export async function queueCourtyards(actor: Actor) {
  const gridIds = workerGridIds(actor);
  if (gridIds.length === 0) return [];
  return db.courtyard.findMany({
    where: { gridId: { in: gridIds }, active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * One resident the worker may place an order for (代点单): the user must hold RESIDENT in a
 * courtyard of the worker's grids, as in residentsForOnBehalf. Anything else is null.
 */
export async function residentForOnBehalf(actor: Actor, userId: string) {
  const gridIds = workerGridIds(actor);
  if (gridIds.length === 0 || !userId) return null;
  const user = await db.user.findFirst({
    where: {
      id: userId,
      disabledAt: null,
      roles: { some: { role: "RESIDENT", courtyard: { gridId: { in: gridIds } } } },
    },
    select: {
      id: true,
      name: true,
      phone: true,
      residences: {
        orderBy: { createdAt: "asc" },
        select: { unit: true, room: true, courtyard: { select: { name: true } }, building: { select: { number: true } } },
      },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    phone: user.phone,
    home: user.residences.map((h) => [h.courtyard.name, h.building?.number, h.unit, h.room].filter(Boolean).join(" "))[0] ?? "",
  };
}
