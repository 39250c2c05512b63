import "server-only";
// People as the admin console lists them: scoped to the administrator's communities, phone
// numbers masked (the full number is a logged "reveal"), roles outside their reach hidden.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { assignableRoles, normalizePhone } from "@/domain/admin/schemas";
import { assignmentWithPlace, communityOfAssignment, isManageable, placeLabel } from "@/domain/admin/people-scope";
import { reachOf, reaches, userScope } from "@/domain/admin/scope";
import { maskPhone } from "@/domain/privacy/mask";
import { communityScope, courtyardScope, gridScope } from "@/server/authz/scope";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { paginate } from "@/lib/search-params";

export const PEOPLE_PAGE_SIZE = 20;

export const peopleStatuses = ["active", "disabled", "mustChange"] as const;
export type PeopleFilters = { q?: string; role?: Role; status?: (typeof peopleStatuses)[number]; page: number };

const isRole = (role: string | undefined): role is Role => !!role && (assignableRoles as readonly string[]).includes(role);

export function peopleWhere(actor: Actor, filters: PeopleFilters): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [userScope(actor)];
  const q = filters.q?.trim().slice(0, 30);
  if (q) {
    const digits = normalizePhone(q);
    and.push(/^\d{3,11}$/.test(digits) ? { phone: { contains: digits } } : { name: { contains: q, mode: "insensitive" } });
  }
  if (isRole(filters.role)) and.push({ roles: { some: { role: filters.role } } });
  if (filters.status === "disabled") and.push({ disabledAt: { not: null } });
  if (filters.status === "active") and.push({ disabledAt: null });
  if (filters.status === "mustChange") and.push({ mustChangePassword: true });
  return { AND: and };
}

export async function listPeople(actor: Actor, filters: PeopleFilters) {
  const where = peopleWhere(actor, filters);
  const reach = reachOf(actor, "users.manage");
  const list = await paginate(
    filters.page,
    PEOPLE_PAGE_SIZE,
    () => db.user.count({ where }),
    (window) =>
      db.user.findMany({
        where,
        select: { id: true, name: true, phone: true, disabledAt: true, mustChangePassword: true, roles: assignmentWithPlace },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...window,
      }),
  );
  return {
    ...list,
    items: list.items.map((u) => ({
      id: u.id,
      name: u.name,
      phone: maskPhone(u.phone),
      disabled: !!u.disabledAt,
      mustChangePassword: u.mustChangePassword,
      roles: u.roles.filter((r) => reaches(reach, communityOfAssignment(r))).map((r) => ({ role: r.role, place: placeLabel(r) })),
    })),
  };
}

export async function personDetail(actor: Actor, id: string) {
  const user = await db.user.findFirst({
    where: { AND: [{ id }, userScope(actor)] },
    select: {
      id: true,
      name: true,
      phone: true,
      disabledAt: true,
      mustChangePassword: true,
      passwordExpiresAt: true,
      createdAt: true,
      roles: { ...assignmentWithPlace, orderBy: { createdAt: "asc" } },
      residences: {
        select: {
          id: true,
          courtyardId: true,
          unit: true,
          room: true,
          building: { select: { number: true } },
          courtyard: { select: { name: true, grid: { select: { name: true, communityId: true, community: { select: { name: true } } } } } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user) return null;
  const reach = reachOf(actor, "users.manage");
  const visibleRoles = user.roles.filter((r) => reaches(reach, communityOfAssignment(r)));
  const visibleHomes = user.residences.filter((h) => reaches(reach, h.courtyard.grid.communityId));
  const manageable = isManageable(actor, user);
  return {
    id: user.id,
    name: user.name,
    phone: maskPhone(user.phone),
    disabled: !!user.disabledAt,
    mustChangePassword: user.mustChangePassword,
    /** When the one-time password the person has not used yet stops working. */
    oneTimeExpiresAt: user.mustChangePassword ? user.passwordExpiresAt : null,
    createdAt: user.createdAt,
    isSelf: user.id === actor.userId,
    manageable,
    hiddenRoles: user.roles.length - visibleRoles.length + (user.residences.length - visibleHomes.length),
    roles: visibleRoles.map((r) => ({ id: r.id, role: r.role, place: placeLabel(r), global: r.role === "ADMIN" && r.communityId === null })),
    homes: visibleHomes.map((h) => ({
      id: h.id,
      place: [h.courtyard.grid.community.name, h.courtyard.grid.name, h.courtyard.name].join(" · "),
      building: h.building?.number ?? "",
      unit: h.unit,
      room: h.room,
    })),
  };
}

/** What a role or home may be scoped to, within the administrator's reach (active only). */
export async function scopeOptions(actor: Actor) {
  const [communities, grids, courtyards] = await Promise.all([
    db.community.findMany({
      where: { AND: [{ active: true }, communityScope(actor, "users.manage")] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.grid.findMany({
      where: { AND: [{ active: true, community: { active: true } }, gridScope(actor, "users.manage")] },
      select: { id: true, name: true, community: { select: { name: true } } },
      orderBy: [{ community: { name: "asc" } }, { name: "asc" }],
    }),
    db.courtyard.findMany({
      where: { AND: [{ active: true, grid: { active: true } }, courtyardScope(actor, "users.manage")] },
      select: { id: true, name: true, grid: { select: { name: true, community: { select: { name: true } } } } },
      orderBy: [{ grid: { community: { name: "asc" } } }, { grid: { name: "asc" } }, { name: "asc" }],
    }),
  ]);
  return {
    global: can(actor, "admins.manageGlobal"),
    communities: communities.map((c) => ({ id: c.id, label: c.name })),
    grids: grids.map((g) => ({ id: g.id, label: `${g.community.name} · ${g.name}` })),
    courtyards: courtyards.map((y) => ({ id: y.id, label: `${y.grid.community.name} · ${y.grid.name} · ${y.name}` })),
  };
}
