// Accounts: create (with a first role, or add the role to the account the number already
// has, when that account lies within the administrator's communities), rename, disable
// (their sessions end at once), reset the password, reveal the number (a logged act). A
// one-time password of the person's own is shown once to the administrator, expires
// unused, and must be changed at the next sign-in.
import { maskPhone } from "@/domain/privacy/mask";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { changes, recordAudit } from "./audit";
import { assertAnotherGlobalAdmin } from "./admins";
import { uniquely } from "./load";
import { maskName } from "./names";
import { assertManageable, auditCommunityOf, loadUser, resolveScope } from "./people-scope";
import { expiryAfter, issueOneTimePassword, oneTimePasswordDays, placeOf, slipOf, type Slip } from "./one-time-passwords";
import { addRole } from "./roles";
import { userScope } from "./scope";
import { assertAnswersLeft, discloseUnavailable, unavailablePhones } from "./unavailable";
import { homeFields, newUserInput, userNameInput } from "./schemas";
import { homeFor } from "./residences";

const unavailable = () => new AppError("invalid_input", "admin.phoneUnavailable");

export type CreatedUser = { userId: string; existing: false; slip: Slip } | { userId: string; existing: true; maskedName: string };

export async function createUser(actor: Actor, input: unknown): Promise<CreatedUser> {
  const data = newUserInput.parse(input);
  const home = data.role === "RESIDENT" ? homeFields.omit({ courtyardId: true }).parse(input) : null;
  const scope = await resolveScope(actor, data.role, data.scopeId);
  await assertAnswersLeft(actor);
  if ((await unavailablePhones(actor, [data.phone])).size > 0) {
    await discloseUnavailable(actor, scope.communityId, [data.phone], "create");
    throw unavailable();
  }
  const existing = await db.user.findFirst({ where: { AND: [{ phone: data.phone }, userScope(actor)] }, select: { id: true, name: true } });
  if (existing) {
    // The same as assigning a role on the person's page.
    await addRole(actor, existing.id, scope, home ?? undefined);
    return { userId: existing.id, existing: true, maskedName: maskName(existing.name) };
  }

  const residence = home && scope.data.courtyardId ? await homeFor(scope.data.courtyardId, home) : null;
  const { password, passwordHash } = issueOneTimePassword();
  const passwordExpiresAt = expiryAfter(await oneTimePasswordDays());
  // A number taken meanwhile, wherever: the same answer as above (without spending a disclosure).
  const user = await uniquely("admin.phoneUnavailable", {}, () =>
    db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          phone: data.phone,
          name: data.name,
          passwordHash,
          mustChangePassword: true,
          passwordExpiresAt,
          roles: { create: [{ role: scope.data.role, communityId: scope.data.communityId, gridId: scope.data.gridId, courtyardId: scope.data.courtyardId }] },
          ...(residence ? { residences: { create: [residence] } } : {}),
        },
      });
      await recordAudit(tx, actor, {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        communityId: scope.communityId,
        after: { name: data.name, phone: maskPhone(data.phone), role: data.role, scope: scope.label },
      });
      return user;
    }),
  );
  return { userId: user.id, existing: false, slip: slipOf({ ...data, place: placeOf([scope.label]) }, password, passwordExpiresAt) };
}

export async function renameUser(actor: Actor, userId: string, input: unknown) {
  const { name } = userNameInput.parse(input);
  const user = await loadUser(actor, userId);
  assertManageable(actor, user);
  const diff = changes({ name: user.name }, { name });
  if (!diff.changed) return { id: userId };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name } });
    await recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: userId, communityId: auditCommunityOf(actor, user), ...diff });
  });
  return { id: userId };
}

export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  const user = await loadUser(actor, userId);
  assertManageable(actor, user);
  if (disabled && userId === actor.userId) throw new AppError("conflict", "admin.cannotDisableSelf");
  if (!!user.disabledAt === disabled) return { id: userId };
  const isGlobalAdmin = user.roles.some((r) => r.role === "ADMIN" && r.communityId === null);
  await db.$transaction(async (tx) => {
    if (disabled && isGlobalAdmin) await assertAnotherGlobalAdmin(tx, { userId });
    const { count } = await tx.user.updateMany({
      where: { id: userId, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? new Date() : null },
    });
    if (count === 0) return;
    // The session cookie only names a row: without it the next request is anonymous.
    if (disabled) await tx.userSession.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      communityId: auditCommunityOf(actor, user),
      before: { name: user.name, disabled: !disabled },
      after: { name: user.name, disabled },
    });
  });
  return { id: userId };
}

/** A new one-time password of the person's own (also when the last one expired unused). */
export async function resetPassword(actor: Actor, userId: string): Promise<{ slip: Slip }> {
  const user = await loadUser(actor, userId);
  assertManageable(actor, user);
  if (userId === actor.userId) throw new AppError("conflict", "admin.resetOwnPassword");
  const { password, passwordHash } = issueOneTimePassword();
  const passwordExpiresAt = expiryAfter(await oneTimePasswordDays());
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, passwordExpiresAt } });
    await tx.userSession.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: "user.resetPassword",
      entityType: "user",
      entityId: userId,
      communityId: auditCommunityOf(actor, user),
      after: { name: user.name, mustChangePassword: true },
    });
  });
  return { slip: slipOf(user, password, passwordExpiresAt) };
}

/** The full number, for calling the person; the unmasking itself is logged (docs/security.md). */
export async function revealPhone(actor: Actor, userId: string): Promise<{ phone: string }> {
  const user = await loadUser(actor, userId);
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "user.revealPhone",
      entityType: "user",
      entityId: userId,
      communityId: auditCommunityOf(actor, user),
      after: { name: user.name },
    }),
  );
  return { phone: user.phone };
}
