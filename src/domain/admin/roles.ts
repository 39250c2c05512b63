// Roles with their scopes. A resident's role follows their homes: adding a RESIDENT role
// records a home in the courtyard, removing it removes the homes there.
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { recordAudit, type Tx } from "./audit";
import { assertAnotherGlobalAdmin, lockAdmins } from "./admins";
import { staleRecord } from "./load";
import { assignmentWithPlace, loadUser, placeLabel, resolveScope, type ResolvedScope } from "./people-scope";
import { homeFor, type HomeInput } from "./residences";
import { roleInput } from "./schemas";
import { assignmentScope } from "./scope";

export async function assignRole(actor: Actor, userId: string, input: unknown) {
  const { role, scopeId } = roleInput.parse(input);
  await loadUser(actor, userId);
  const scope = await resolveScope(actor, role, scopeId);
  return addRole(actor, userId, scope);
}

/** Adds the role (and, for a resident, a home) unless the person already holds it. */
export async function addRole(actor: Actor, userId: string, scope: ResolvedScope, home?: HomeInput) {
  const residence = scope.data.role === "RESIDENT" && scope.data.courtyardId ? await homeFor(scope.data.courtyardId, home ?? {}) : null;
  return db.$transaction(async (tx) => {
    if (scope.data.role === "ADMIN") await lockAdmins(tx);
    const { role, communityId, gridId, courtyardId } = scope.data;
    const held = await tx.roleAssignment.findFirst({ where: { userId, role, communityId, gridId, courtyardId } });
    if (held) throw new AppError("conflict", "admin.roleExists");
    const assignment = await tx.roleAssignment.create({ data: { userId, ...scope.data } });
    if (residence && !(await tx.residence.findFirst({ where: { userId, courtyardId: residence.courtyardId } }))) {
      await tx.residence.create({ data: { userId, ...residence } });
    }
    await recordAudit(tx, actor, {
      action: "role.assign",
      entityType: "role",
      entityId: assignment.id,
      communityId: scope.communityId,
      after: { name: await nameOf(tx, userId), role, scope: scope.label },
    });
    return { id: assignment.id };
  });
}

const nameOf = async (tx: Tx, userId: string) => (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } })).name;

export async function removeRole(actor: Actor, assignmentId: string) {
  const assignment = await db.roleAssignment.findFirst({
    where: { AND: [{ id: assignmentId }, assignmentScope(actor)] },
    select: { ...assignmentWithPlace.select, userId: true, user: { select: { name: true } } },
  });
  if (!assignment) throw notFoundError();
  const communityId = assignment.communityId ?? assignment.grid?.communityId ?? assignment.courtyard?.grid.communityId ?? null;
  await db.$transaction(async (tx) => {
    if (assignment.role === "ADMIN" && assignment.communityId === null) await assertAnotherGlobalAdmin(tx, { assignmentId });
    const { count } = await tx.roleAssignment.deleteMany({ where: { id: assignmentId } });
    if (count === 0) throw staleRecord();
    if (assignment.role === "RESIDENT" && assignment.courtyardId) {
      await tx.residence.deleteMany({ where: { userId: assignment.userId, courtyardId: assignment.courtyardId } });
    }
    await recordAudit(tx, actor, {
      action: "role.remove",
      entityType: "role",
      entityId: assignmentId,
      communityId,
      before: { name: assignment.user.name, role: assignment.role, scope: placeLabel(assignment) },
    });
  });
  return { userId: assignment.userId };
}
