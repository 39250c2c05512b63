// Loading people for the admin console and deciding what a scoped administrator may change.
// A community's administrator sees the people with a role or a home in the community,
// and changes an account (name, password, disablement) only when everything it holds lies
// inside their communities: a person who also works elsewhere is a global administrator's
// business.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { courtyardScope, communityScope, gridScope } from "@/server/authz/scope";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { reachOf, reaches, userScope } from "./scope";

export const assignmentWithPlace = {
  select: {
    id: true,
    role: true,
    communityId: true,
    gridId: true,
    courtyardId: true,
    community: { select: { name: true } },
    grid: { select: { name: true, communityId: true, community: { select: { name: true } } } },
    courtyard: { select: { name: true, grid: { select: { name: true, communityId: true, community: { select: { name: true } } } } } },
  },
} satisfies Prisma.RoleAssignmentDefaultArgs;
export type AssignmentWithPlace = Prisma.RoleAssignmentGetPayload<typeof assignmentWithPlace>;

/** The community a role assignment lies in; null for a global administrator. */
export const communityOfAssignment = (a: AssignmentWithPlace) => a.communityId ?? a.grid?.communityId ?? a.courtyard?.grid.communityId ?? null;

/** "柳江社区 · 第一网格 · 府河小区", as far down as the scope goes; "" when unscoped. */
export function placeLabel(a: AssignmentWithPlace): string {
  if (a.courtyard) return [a.courtyard.grid.community.name, a.courtyard.grid.name, a.courtyard.name].join(" · ");
  if (a.grid) return [a.grid.community.name, a.grid.name].join(" · ");
  return a.community?.name ?? "";
}

export async function loadUser(actor: Actor, userId: string) {
  const user = await db.user.findFirst({
    where: { AND: [{ id: userId }, userScope(actor)] },
    select: {
      id: true,
      name: true,
      phone: true,
      disabledAt: true,
      mustChangePassword: true,
      roles: assignmentWithPlace,
      residences: { select: { id: true, courtyardId: true, courtyard: { select: { grid: { select: { communityId: true } } } } } },
    },
  });
  if (!user) throw notFoundError();
  return user;
}
export type LoadedUser = Awaited<ReturnType<typeof loadUser>>;

type Holdings = { roles: AssignmentWithPlace[]; residences: { courtyard: { grid: { communityId: string } } }[] };

export function communitiesOf(user: Holdings): (string | null)[] {
  return [...user.roles.map(communityOfAssignment), ...user.residences.map((r) => r.courtyard.grid.communityId)];
}

/** Whether the administrator may change the account itself: all it holds lies in their reach. */
export function isManageable(actor: Actor, user: Holdings): boolean {
  const reach = reachOf(actor, "users.manage");
  return reach === "all" || communitiesOf(user).every((c) => reaches(reach, c));
}

/** Throws unless the administrator may change the account itself. */
export function assertManageable(actor: Actor, user: LoadedUser) {
  if (!isManageable(actor, user)) throw new AppError("forbidden", "admin.userOutsideScope");
}

/** The community an entry about this person belongs to, as this administrator sees it. */
export function auditCommunityOf(actor: Actor, user: LoadedUser): string | null {
  const reach = reachOf(actor, "users.manage");
  const communities = communitiesOf(user).filter((c): c is string => !!c);
  return communities.find((c) => reaches(reach, c)) ?? null;
}

export type ResolvedScope = {
  data: { role: Role; communityId: string | null; gridId: string | null; courtyardId: string | null };
  communityId: string | null;
  label: string;
};

const invalidScope = () => new AppError("invalid_input", "admin.scopeInvalid");

/** The scope value that makes an administrator global (chosen explicitly, never by default). */
export const GLOBAL_SCOPE = "*";

/** The place a new role covers, checked against what the administrator manages. */
export async function resolveScope(actor: Actor, role: Role, scopeId: string): Promise<ResolvedScope> {
  const none = { communityId: null, gridId: null, courtyardId: null };
  if (role === "ADMIN" && scopeId === GLOBAL_SCOPE) {
    if (!can(actor, "admins.manageGlobal")) throw invalidScope();
    return { data: { role, ...none }, communityId: null, label: "" };
  }
  if (!scopeId) throw new AppError("invalid_input", "admin.scopeRequired");
  if (role === "STAFF" || role === "VOLUNTEER" || role === "ADMIN") {
    const c = await db.community.findFirst({ where: { AND: [{ id: scopeId, active: true }, communityScope(actor, "users.manage")] } });
    if (!c) throw invalidScope();
    return { data: { role, ...none, communityId: c.id }, communityId: c.id, label: c.name };
  }
  if (role === "GRID_WORKER") {
    const g = await db.grid.findFirst({
      where: { AND: [{ id: scopeId, active: true }, gridScope(actor, "users.manage")] },
      include: { community: { select: { name: true } } },
    });
    if (!g) throw invalidScope();
    return { data: { role, ...none, gridId: g.id }, communityId: g.communityId, label: `${g.community.name} · ${g.name}` };
  }
  const y = await db.courtyard.findFirst({
    where: { AND: [{ id: scopeId, active: true }, courtyardScope(actor, "users.manage")] },
    include: { grid: { select: { name: true, communityId: true, community: { select: { name: true } } } } },
  });
  if (!y) throw invalidScope();
  return { data: { role, ...none, courtyardId: y.id }, communityId: y.grid.communityId, label: `${y.grid.community.name} · ${y.grid.name} · ${y.name}` };
}
