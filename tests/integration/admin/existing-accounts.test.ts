// "Creating" a person, one by one or by import, with the number of an account that exists:
// inside the administrator's communities it is the same as adding a role on the person's
// page; outside them, nothing changes and the answer says nothing about the account —
// the same for a global administrator, a resident elsewhere, a disabled account or one
// without any role (docs/decisions/023-existing-accounts-outside-scope.md).
import { describe, expect, it } from "vitest";
import { checkImport, commitImport, digestOf } from "@/domain/admin/import/run";
import { createUser, revealPhone } from "@/domain/admin/users";
import { db } from "@/server/db/client";
import { adminFixture } from "../../support/admin-factories";
import { residentsFile } from "../../support/import-files";
import { createUser as makeUser, residentIn, uniquePhone } from "../../support/factories";

type Admin = Awaited<ReturnType<typeof adminFixture>>["adminOfA"];

/** Accounts the administrator of A must not reach. */
async function outsiders(fixture: Awaited<ReturnType<typeof adminFixture>>) {
  const { map, adminOfAll } = fixture;
  const residentOfB = await residentIn(map.b1.id, "乙社区居民");
  return {
    globalAdmin: await db.user.findUniqueOrThrow({ where: { id: adminOfAll.userId } }),
    residentOfB: await db.user.findUniqueOrThrow({ where: { id: residentOfB.userId } }),
    disabledInB: await makeUser({ disabled: true, roles: [{ role: "GRID_WORKER", gridId: map.B1.id }] }),
    withoutRoles: await makeUser({}),
  };
}

async function footprint(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: true, residences: true } });
  return { name: user.name, passwordHash: user.passwordHash, roles: user.roles.map((r) => r.id).sort(), homes: user.residences.length };
}

const attempt = (admin: Admin, phone: string, scopeId: string) =>
  createUser(admin, { name: "新居民", phone, role: "RESIDENT", scopeId, unit: "1", room: "101" }).then(
    (value) => ({ ok: true as const, value }),
    (error: { code?: string; message?: string; params?: unknown }) => ({
      ok: false as const,
      error: { code: error.code, message: error.message, params: error.params },
    }),
  );

describe("creating a person with a number that has an account", () => {
  it("outside the administrator's communities: nothing changes, the number stays hidden", async () => {
    const fixture = await adminFixture();
    const { map, adminOfA } = fixture;
    for (const account of Object.values(await outsiders(fixture))) {
      const before = await footprint(account.id);
      const answer = await attempt(adminOfA, account.phone, map.a1.id);
      expect(answer).toEqual({ ok: false, error: { code: "invalid_input", message: "admin.phoneUnavailable", params: {} } });
      expect(await footprint(account.id)).toEqual(before);
      await expect(revealPhone(adminOfA, account.id)).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("answers the same whoever the account belongs to, and never with its name", async () => {
    const fixture = await adminFixture();
    const { map, adminOfA } = fixture;
    const answers = [];
    for (const account of Object.values(await outsiders(fixture))) answers.push(JSON.stringify(await attempt(adminOfA, account.phone, map.a1.id)));
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toMatch(/乙社区|测试|全局|\*/);
  });

  it("logs each refusal, so that probing shows in the audit log", async () => {
    const fixture = await adminFixture();
    const { map, adminOfA } = fixture;
    const { residentOfB } = await outsiders(fixture);
    await attempt(adminOfA, residentOfB.phone, map.a1.id);
    const row = await db.auditLog.findFirstOrThrow({ where: { actorId: adminOfA.userId, action: "user.createRefused" } });
    expect(row).toMatchObject({ communityId: map.A.id, entityId: null });
    expect(JSON.stringify(row)).not.toContain(residentOfB.phone);
    expect(JSON.stringify(row)).not.toContain(residentOfB.id);
  });

  it("after a few refusals a day, pauses creating people whatever the number, so the pause tells nothing", async () => {
    const fixture = await adminFixture();
    const { map, adminOfA } = fixture;
    const phones = await Promise.all(Array.from({ length: 12 }, async () => (await makeUser({ roles: [{ role: "RESIDENT", courtyardId: map.b1.id }] })).phone));
    const answers = [];
    for (const phone of phones) answers.push((await attempt(adminOfA, phone, map.a1.id)) as { ok: false; error: { code: string } });
    expect(answers.slice(0, 10).every((a) => a.error.code === "invalid_input")).toBe(true);
    expect(answers.slice(10).map((a) => a.error.code)).toEqual(["throttled", "throttled"]);
    const free = uniquePhone();
    expect(await attempt(adminOfA, free, map.a1.id)).toMatchObject({ ok: false, error: { code: "throttled" } });
    expect(await db.user.count({ where: { phone: free } })).toBe(0);
    await expect(checkImport(adminOfA, residents(map.A.id, [`新住户,${free},府河小区,,,`]))).rejects.toMatchObject({
      code: "unavailableThrottled",
      status: 429,
    });
    // Another administrator is not held up.
    const other = (await adminFixture()).adminOfA;
    expect(
      await attempt(other, free, (await db.courtyard.findFirstOrThrow({ where: { grid: { communityId: other.roles[0].communityId! } } })).id),
    ).toMatchObject({ ok: true });
  });

  it("inside the administrator's communities: adds the role, as on the person's page", async () => {
    const { map, adminOfA } = await adminFixture();
    const neighbour = await residentIn(map.a2.id, "龙湖居民");
    const user = await db.user.findUniqueOrThrow({ where: { id: neighbour.userId } });
    const answer = await attempt(adminOfA, user.phone, map.a1.id);
    expect(answer).toMatchObject({ ok: true, value: { existing: true, userId: user.id } });
    expect(await db.roleAssignment.count({ where: { userId: user.id, role: "RESIDENT", courtyardId: map.a1.id } })).toBe(1);
  });
});

const residents = (communityId: string, rows: string[]) => residentsFile(communityId, "姓名,手机号,小区名称,楼栋号,单元,房号", rows);

describe("importing residents whose numbers have accounts", () => {
  it("outside the administrator's communities: the row is refused with one answer for all, and nothing is written", async () => {
    const fixture = await adminFixture();
    const { map, adminOfA } = fixture;
    const accounts = await outsiders(fixture);
    const before = await Promise.all(Object.values(accounts).map((a) => footprint(a.id)));
    // Names that do not match, and a disabled account: neither may be told apart from the others.
    const request = residents(map.A.id, [
      ...Object.values(accounts).map((a, i) => `别的名字${i},${a.phone},府河小区,,1,10${i}`),
      `新住户,${uniquePhone()},府河小区,,2,201`,
    ]);
    const report = await checkImport(adminOfA, request);
    expect(report.problems.map((p) => `${p.line}:${p.code}`)).toEqual(["2:phoneUnavailable", "3:phoneUnavailable", "4:phoneUnavailable", "5:phoneUnavailable"]);
    expect(JSON.stringify(report)).not.toMatch(/乙社区|测试用户|全局/);
    expect(await commitImport(adminOfA, { ...request, digest: digestOf(request.bytes) })).toMatchObject({ ok: false });
    expect(await Promise.all(Object.values(accounts).map((a) => footprint(a.id)))).toEqual(before);
  });

  it("inside them: adds the home and role as before, and still checks the name", async () => {
    const { map, adminOfA } = await adminFixture();
    const neighbour = await residentIn(map.a2.id, "龙湖居民");
    const user = await db.user.findUniqueOrThrow({ where: { id: neighbour.userId } });
    const wrongName = await checkImport(adminOfA, residents(map.A.id, [`别人,${user.phone},府河小区,,1,101`]));
    expect(wrongName.problems.map((p) => p.code)).toEqual(["existingNameMismatch"]);
    const request = residents(map.A.id, [`龙湖居民,${user.phone},府河小区,,1,101`]);
    expect(await commitImport(adminOfA, { ...request, digest: digestOf(request.bytes) })).toMatchObject({
      ok: true,
      changed: true,
      summary: { newAccounts: 0 },
    });
    expect(await db.roleAssignment.count({ where: { userId: user.id, courtyardId: map.a1.id } })).toBe(1);
  });
});
