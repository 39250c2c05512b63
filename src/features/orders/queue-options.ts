import "server-only";
import { reach, reachesNothing, type Actor } from "@/server/authz/permissions";
import { courtyardsIn } from "@/server/authz/scope";
import { db } from "@/server/db/client";

/** The residents the worker may place an order for: those with a home role in a courtyard in reach. */
export function onBehalfWhere(actor: Actor) {
  const r = reach(actor, "order.placeOnBehalf");
  return reachesNothing(r) ? null : { role: "RESIDENT" as const, courtyard: courtyardsIn(r) };
}

/** The active courtyards of the queue (the worker's grids), for its 小区 filter. */
export async function queueCourtyards(actor: Actor) {
  const r = reach(actor, "order.accept");
  if (reachesNothing(r)) return [];
  return db.courtyard.findMany({
    where: { AND: [courtyardsIn(r), { active: true }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * One resident the worker may place an order for (代点单): the user must hold RESIDENT in a
 * courtyard of the worker's grids, as in residentsForOnBehalf. Anything else is null.
 */
export async function residentForOnBehalf(actor: Actor, userId: string) {
  const resident = onBehalfWhere(actor);
  if (!resident || !userId) return null;
  const user = await db.user.findFirst({
    where: { id: userId, disabledAt: null, roles: { some: resident } },
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
