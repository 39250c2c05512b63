// People: accounts, roles with scopes, homes; disabling ends sessions at once; a reset
// password must be changed; the last global administrator stays; the log holds no numbers.
import { afterEach, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/domain/admin/change-password";
import { addResidence, removeResidence } from "@/domain/admin/residences";
import { assignRole, removeRole } from "@/domain/admin/roles";
import { createUser, resetPassword, revealPhone, setUserDisabled } from "@/domain/admin/users";
import { loadActor } from "@/server/auth/actor";
import { checkCredentials } from "@/server/auth/sign-in";
import { db } from "@/server/db/client";
import { adminFixture, globalAdmin } from "../../support/admin-factories";
import { actorOf, createUser as makeUser, uniquePhone } from "../../support/factories";

const sessionOf = async (userId: string) => (await db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3600_000) } })).id;

describe("creating people", () => {
  it("creates an account with a first role and a temporary password that must be changed", async () => {
    const { map, adminOfA } = await adminFixture();
    const phone = uniquePhone();
    const created = await createUser(adminOfA, { name: "新网格员", phone, role: "GRID_WORKER", scopeId: map.A1.id });
    if (created.existing) throw new Error("expected a new account");
    const user = await db.user.findUniqueOrThrow({ where: { phone }, include: { roles: true } });
    expect(user).toMatchObject({ name: "新网格员", mustChangePassword: true });
    expect(user.roles).toEqual([expect.objectContaining({ role: "GRID_WORKER", gridId: map.A1.id })]);

    const signedIn = await checkCredentials({ phone, password: created.slip.password }, "10.0.0.1");
    if (!signedIn.ok) throw new Error("temporary password refused");
    const actor = await loadActor(signedIn.sessionId);
    expect(actor?.mustChangePassword).toBe(true);
    await changeOwnPassword(actor!, { current: created.slip.password, next: "Fuhe2026road", confirm: "Fuhe2026road" });
    expect((await db.user.findUniqueOrThrow({ where: { phone } })).mustChangePassword).toBe(false);
  });

  it("adds the role to the account a number already has, without touching its name or password", async () => {
    const { map, adminOfA } = await adminFixture();
    // An account of the administrator's community (one outside it: ./existing-accounts.test.ts).
    const existing = await makeUser({ roles: [{ role: "RESIDENT", courtyardId: map.a1.id }] });
    const created = await createUser(adminOfA, { name: "别的名字", phone: existing.phone, role: "STAFF", scopeId: map.A.id });
    expect(created).toEqual({ userId: existing.id, existing: true, maskedName: "测**户" });
    const now = await db.user.findUniqueOrThrow({ where: { id: existing.id }, include: { roles: true } });
    expect(now.name).toBe("测试用户");
    expect(now.passwordHash).toBe(existing.passwordHash);
    expect(now.roles.map((r) => r.role).sort()).toEqual(["RESIDENT", "STAFF"]);
    await expect(createUser(adminOfA, { name: "x", phone: existing.phone, role: "STAFF", scopeId: map.A.id })).rejects.toMatchObject({
      message: "admin.roleExists",
    });
  });

  it("records a home with the resident role, and removes the role with the last home", async () => {
    const { map, adminOfA } = await adminFixture();
    const created = await createUser(adminOfA, { name: "居民甲", phone: uniquePhone(), role: "STAFF", scopeId: map.A.id });
    await db.building.create({ data: { courtyardId: map.a1.id, number: "3栋" } });
    const home = await addResidence(adminOfA, created.userId, { courtyardId: map.a1.id, buildingNumber: "3", unit: "2", room: "501" });
    expect(await db.residence.findUniqueOrThrow({ where: { id: home.id } })).toMatchObject({ unit: "2单元", room: "501" });
    expect(await db.roleAssignment.count({ where: { userId: created.userId, role: "RESIDENT", courtyardId: map.a1.id } })).toBe(1);
    await expect(addResidence(adminOfA, created.userId, { courtyardId: map.a1.id })).rejects.toMatchObject({ message: "admin.homeExists" });
    await removeResidence(adminOfA, home.id);
    expect(await db.roleAssignment.count({ where: { userId: created.userId, role: "RESIDENT" } })).toBe(0);
  });
});

describe("disabling and passwords", () => {
  it("disabling a user ends their sessions at once", async () => {
    const { map, adminOfA } = await adminFixture();
    const worker = await makeUser({ roles: [{ role: "GRID_WORKER", gridId: map.A1.id }] });
    const session = await sessionOf(worker.id);
    expect(await loadActor(session)).not.toBeNull();
    await setUserDisabled(adminOfA, worker.id, true);
    expect(await loadActor(session)).toBeNull();
    expect(await db.userSession.count({ where: { userId: worker.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: worker.id, action: "user.disable" } });
    expect(audit.communityId).toBe(map.A.id);
    await setUserDisabled(adminOfA, worker.id, false);
    expect((await db.user.findUniqueOrThrow({ where: { id: worker.id } })).disabledAt).toBeNull();
  });

  it("an administrator cannot disable their own account", async () => {
    const { adminOfA } = await adminFixture();
    await expect(setUserDisabled(adminOfA, adminOfA.userId, true)).rejects.toMatchObject({ message: "admin.cannotDisableSelf" });
  });

  it("a reset password signs the person out and must be changed at the next sign-in", async () => {
    const { map, adminOfA } = await adminFixture();
    const worker = await makeUser({ roles: [{ role: "GRID_WORKER", gridId: map.A1.id }] });
    const session = await sessionOf(worker.id);
    const { slip } = await resetPassword(adminOfA, worker.id);
    const temporaryPassword = slip.password;
    expect(await loadActor(session)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: worker.id } });
    expect(user.mustChangePassword).toBe(true);
    expect(user.passwordHash).not.toContain(temporaryPassword);
    expect((await checkCredentials({ phone: worker.phone, password: temporaryPassword }, "10.0.0.2")).ok).toBe(true);
  });

  it("keeps phone numbers and passwords out of the audit log", async () => {
    const { map, adminOfA } = await adminFixture();
    const phone = uniquePhone();
    const created = await createUser(adminOfA, { name: "隐私测试", phone, role: "GRID_WORKER", scopeId: map.A1.id });
    const temporaryPassword = (await resetPassword(adminOfA, created.userId)).slip.password;
    expect((await revealPhone(adminOfA, created.userId)).phone).toBe(phone);
    const rows = await db.auditLog.findMany({ where: { entityId: created.userId } });
    expect(rows.map((r) => r.action).sort()).toEqual(["user.create", "user.resetPassword", "user.revealPhone"]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(temporaryPassword);
    expect(text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  });
});

describe("the last administrator", () => {
  // The suite shares one database: other files' global administrators are set aside for
  // these tests and restored afterwards.
  let parked: string[] = [];
  const parkOtherGlobalAdmins = async (keep: string[]) => {
    const others = await db.user.findMany({
      where: { id: { notIn: keep }, disabledAt: null, roles: { some: { role: "ADMIN", communityId: null } } },
      select: { id: true },
    });
    parked = others.map((u) => u.id);
    await db.user.updateMany({ where: { id: { in: parked } }, data: { disabledAt: new Date() } });
  };
  afterEach(async () => {
    await db.user.updateMany({ where: { id: { in: parked } }, data: { disabledAt: null } });
    parked = [];
  });

  it("cannot remove the last global administrator's role, nor disable them", async () => {
    const first = await globalAdmin("最后的管理员");
    const second = await globalAdmin("第二位管理员");
    await parkOtherGlobalAdmins([first.userId, second.userId]);
    const firstRole = await db.roleAssignment.findFirstOrThrow({ where: { userId: first.userId, role: "ADMIN" } });
    const secondRole = await db.roleAssignment.findFirstOrThrow({ where: { userId: second.userId, role: "ADMIN" } });

    await removeRole(first, secondRole.id); // two → one: allowed
    await expect(removeRole(first, firstRole.id)).rejects.toMatchObject({ message: "admin.lastAdmin" });
    const other = await actorOf((await makeUser({ roles: [{ role: "ADMIN" }] })).id);
    await setUserDisabled(other, first.userId, true); // another global admin exists: allowed
    await setUserDisabled(other, first.userId, false);
    await expect(setUserDisabled(first, other.userId, true)).resolves.toBeTruthy();
    // Now `first` is the only enabled global administrator.
    await expect(removeRole(first, firstRole.id)).rejects.toMatchObject({ message: "admin.lastAdmin" });
    expect(await db.roleAssignment.count({ where: { id: firstRole.id } })).toBe(1);
    await setUserDisabled(first, other.userId, false);
  });

  it("two administrators removing each other at once: one of them stays", async () => {
    const a = await globalAdmin("管理员甲");
    const b = await globalAdmin("管理员乙");
    await parkOtherGlobalAdmins([a.userId, b.userId]);
    const roleOfA = await db.roleAssignment.findFirstOrThrow({ where: { userId: a.userId, role: "ADMIN" } });
    const roleOfB = await db.roleAssignment.findFirstOrThrow({ where: { userId: b.userId, role: "ADMIN" } });
    const results = await Promise.allSettled([removeRole(a, roleOfB.id), removeRole(b, roleOfA.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.roleAssignment.count({ where: { id: { in: [roleOfA.id, roleOfB.id] } } })).toBe(1);
  });
});

describe("roles and scopes", () => {
  it("a community administrator assigns roles only inside their community, and never a global one", async () => {
    const { map, adminOfA } = await adminFixture();
    const user = await createUser(adminOfA, { name: "多角色", phone: uniquePhone(), role: "GRID_WORKER", scopeId: map.A1.id });
    await assignRole(adminOfA, user.userId, { role: "BRANCH_SECRETARY", scopeId: map.a2.id });
    await expect(assignRole(adminOfA, user.userId, { role: "GRID_WORKER", scopeId: map.B1.id })).rejects.toMatchObject({ message: "admin.scopeInvalid" });
    await expect(assignRole(adminOfA, user.userId, { role: "ADMIN", scopeId: "*" })).rejects.toMatchObject({ message: "admin.scopeInvalid" });
    await expect(assignRole(adminOfA, user.userId, { role: "STAFF", scopeId: "" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["scopeId"], message: "admin.scopeRequired" })],
    });
    const roles = await db.roleAssignment.findMany({ where: { userId: user.userId } });
    expect(roles.map((r) => r.role).sort()).toEqual(["BRANCH_SECRETARY", "GRID_WORKER"]);
    const actor = await actorOf(user.userId);
    expect(actor.roles).toHaveLength(2); // takes effect on the next request
  });
});
