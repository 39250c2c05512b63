// One-time passwords (issue 10, item 1): every person an import, a new account or a reset
// creates gets a secret of their own; a neighbour's does not open their account; the first
// sign-in must replace it; an unused one expires and is then answered like a wrong password;
// the slips and the .xlsx carry each person's own secret beside a masked number.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/domain/admin/change-password";
import { commitImport, digestOf, type ImportRequest } from "@/domain/admin/import/run";
import { oneTimePasswordDays, setOneTimePasswordDays, type Slip } from "@/domain/admin/one-time-passwords";
import { slipsWorkbook } from "@/domain/admin/slips-workbook";
import { reissueOneTimePasswords } from "@/domain/admin/reissue";
import { createUser, resetPassword } from "@/domain/admin/users";
import { loadActor } from "@/server/auth/actor";
import { checkCredentials } from "@/server/auth/sign-in";
import { db } from "@/server/db/client";
import { adminFixture, communityAdmin, globalAdmin } from "../../support/admin-factories";
import { createUser as makeUser, uniquePhone } from "../../support/factories";

const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
const DAY = 86_400_000;
let address = 0;
/** A new address per attempt, so that these tests never meet the per-address throttle. */
const signIn = (phone: string, password: string) => checkCredentials({ phone, password }, `10.20.${Math.floor(address / 250)}.${(address++ % 250) + 1}`);

async function importResidents(count: number) {
  const { map, adminOfA } = await adminFixture();
  const people = Array.from({ length: count }, (_, i) => ({ name: `邻居${"甲乙丙丁戊"[i]}`, phone: uniquePhone() }));
  const bytes = csv(["姓名,手机号,小区名称,楼栋号,单元,房号", ...people.map((p, i) => `${p.name},${p.phone},府河小区,,1,${101 + i}`)]);
  const request: ImportRequest = { kind: "residents", communityId: map.A.id, fileName: "residents.csv", bytes };
  const result = await commitImport(adminOfA, { ...request, digest: digestOf(bytes) });
  if (!result.ok) throw new Error("import refused");
  const slipOf = (name: string) => result.slips.find((s) => s.name === name)!;
  return { map, adminOfA, people, slips: result.slips, secretOf: (p: { name: string }) => slipOf(p.name).password };
}

describe("an import", () => {
  it("gives each new resident a secret of their own: a neighbour's does not open the account", async () => {
    const { people, slips, secretOf } = await importResidents(2);
    const [a, b] = people;
    expect(slips).toHaveLength(2);
    expect(secretOf(a)).not.toBe(secretOf(b));

    expect(await signIn(b.phone, secretOf(a))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(a.phone, secretOf(b))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(a.phone, secretOf(a))).toMatchObject({ ok: true });
    expect(await signIn(b.phone, secretOf(b))).toMatchObject({ ok: true });

    // Nothing of the secrets is stored or logged; each expires after the default 14 days.
    const users = await db.user.findMany({ where: { phone: { in: people.map((p) => p.phone) } } });
    const stored = JSON.stringify([users, await db.auditLog.findMany({ where: { entityType: "import" }, orderBy: { createdAt: "desc" }, take: 5 })]);
    for (const p of people) expect(stored).not.toContain(secretOf(p));
    for (const u of users) {
      expect(u.mustChangePassword).toBe(true);
      expect(Math.abs(u.passwordExpiresAt!.getTime() - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    }
  });

  it("the first sign-in must replace the secret, which then no longer works", async () => {
    const { people, secretOf } = await importResidents(1);
    const [a] = people;
    const session = await signIn(a.phone, secretOf(a));
    if (!session.ok) throw new Error("refused");
    const actor = (await loadActor(session.sessionId))!;
    expect(actor.mustChangePassword).toBe(true);

    // The new password must pass the rule: a common one is refused and nothing changes.
    await expect(changeOwnPassword(actor, { current: secretOf(a), next: "password1", confirm: "password1" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["next"], message: "account.passwordCommon" })],
    });
    expect((await db.user.findUniqueOrThrow({ where: { phone: a.phone } })).mustChangePassword).toBe(true);

    await changeOwnPassword(actor, { current: secretOf(a), next: "Yangtai lvluo 3 pen", confirm: "Yangtai lvluo 3 pen" });
    const user = await db.user.findUniqueOrThrow({ where: { phone: a.phone } });
    expect(user).toMatchObject({ mustChangePassword: false, passwordExpiresAt: null });
    expect(await signIn(a.phone, secretOf(a))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(a.phone, "Yangtai lvluo 3 pen")).toMatchObject({ ok: true });
  });

  it("an expired secret is answered like a wrong password, and the administrator can issue a new one", async () => {
    const { adminOfA, people, secretOf } = await importResidents(1);
    const [a] = people;
    const user = await db.user.update({ where: { phone: a.phone }, data: { passwordExpiresAt: new Date(Date.now() - 1000) } });

    const expired = await signIn(a.phone, secretOf(a));
    expect(expired).toEqual(await signIn(a.phone, "wrong-password-1"));
    expect(expired).toEqual(await signIn(uniquePhone(), secretOf(a)));
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);

    const { slip } = await resetPassword(adminOfA, user.id);
    expect(slip).toMatchObject({ name: a.name, maskedPhone: `${a.phone.slice(0, 3)}****${a.phone.slice(-4)}` });
    expect(slip.password).not.toBe(secretOf(a));
    expect(await signIn(a.phone, slip.password)).toMatchObject({ ok: true });
  });

  it("a session begun just before expiry cannot spend the expired secret on a new password", async () => {
    const { people, secretOf } = await importResidents(1);
    const [a] = people;
    const session = await signIn(a.phone, secretOf(a));
    if (!session.ok) throw new Error("refused");
    await db.user.update({ where: { phone: a.phone }, data: { passwordExpiresAt: new Date(Date.now() - 1000) } });
    const actor = (await loadActor(session.sessionId))!;
    await expect(changeOwnPassword(actor, { current: secretOf(a), next: "Yangtai lvluo 3 pen", confirm: "Yangtai lvluo 3 pen" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["current"], message: "account.oneTimeExpired" })],
    });
  });
});

describe("the expiry setting", () => {
  it("is the global administrator's to change (1–90 days), and applies to the next secrets issued", async () => {
    const { map, adminOfA } = await adminFixture();
    const global = await globalAdmin();
    await expect(setOneTimePasswordDays(adminOfA, { days: "3" })).rejects.toMatchObject({ message: "notFound" });
    await expect(setOneTimePasswordDays(global, { days: "0" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "admin.oneTimeDaysRange" })],
    });
    const before = await oneTimePasswordDays();
    try {
      await setOneTimePasswordDays(global, { days: "3" });
      expect(await oneTimePasswordDays()).toBe(3);
      const created = await createUser(adminOfA, { name: "新网格员", phone: uniquePhone(), role: "GRID_WORKER", scopeId: map.A1.id });
      if (created.existing) throw new Error("expected a new account");
      expect(Math.abs(new Date(created.slip.expiresAt).getTime() - (Date.now() + 3 * DAY))).toBeLessThan(60_000);
    } finally {
      await setOneTimePasswordDays(global, { days: String(before) });
    }
  });
});

describe("an administrator's reset and a new account", () => {
  it("give each person a secret of their own, which opens no one else's account", async () => {
    const { map, adminOfA } = await adminFixture();
    const worker = await makeUser({ roles: [{ role: "GRID_WORKER", gridId: map.A1.id }] });
    const colleague = await makeUser({ roles: [{ role: "GRID_WORKER", gridId: map.A1.id }] });
    const created = await createUser(adminOfA, { name: "新人", phone: uniquePhone(), role: "GRID_WORKER", scopeId: map.A1.id });
    if (created.existing) throw new Error("expected a new account");
    const [w, c] = [(await resetPassword(adminOfA, worker.id)).slip, (await resetPassword(adminOfA, colleague.id)).slip];
    expect(new Set([w.password, c.password, created.slip.password]).size).toBe(3);
    expect(await signIn(colleague.phone, w.password)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(worker.phone, c.password)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(worker.phone, w.password)).toMatchObject({ ok: true });
    const stored = await db.user.findMany({ where: { id: { in: [worker.id, colleague.id, created.userId] } } });
    expect(stored.every((u) => u.mustChangePassword && u.passwordExpiresAt && u.passwordExpiresAt.getTime() > Date.now())).toBe(true);
  });
});

describe("reissuing a community's unused one-time passwords", () => {
  it("renews every resident still waiting, in the administrator's reach only; the old secrets stop working", async () => {
    const { map, adminOfA, people, secretOf } = await importResidents(3);
    const [waiting, started, elsewhere] = people;
    // One has chosen their own password already; one also works in community B.
    const session = await signIn(started.phone, secretOf(started));
    if (!session.ok) throw new Error("refused");
    await changeOwnPassword((await loadActor(session.sessionId))!, { current: secretOf(started), next: "Yangtai lvluo 3 pen", confirm: "Yangtai lvluo 3 pen" });
    const other = await db.user.findUniqueOrThrow({ where: { phone: elsewhere.phone } });
    await db.roleAssignment.create({ data: { userId: other.id, role: "STAFF", communityId: map.B.id } });

    await expect(reissueOneTimePasswords(await communityAdmin(map.B.id), { communityId: map.A.id })).rejects.toMatchObject({ message: "notFound" });
    const { slips } = await reissueOneTimePasswords(adminOfA, { communityId: map.A.id });
    expect(slips.map((s) => s.name)).toEqual([waiting.name]);
    expect(slips[0].place).toContain("府河小区");
    expect(await signIn(waiting.phone, secretOf(waiting))).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(waiting.phone, slips[0].password)).toMatchObject({ ok: true });
    // The one who started keeps their own password; the one outside the reach keeps theirs.
    expect(await signIn(started.phone, "Yangtai lvluo 3 pen")).toMatchObject({ ok: true });
    expect(await signIn(elsewhere.phone, secretOf(elsewhere))).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.reissueOneTimePasswords", communityId: map.A.id } });
    expect(JSON.stringify(audit)).not.toContain(slips[0].password);
  });
});

describe("the .xlsx of a batch", () => {
  it("holds each person's own secret beside their masked number, and no full number", async () => {
    const { people, slips } = await importResidents(3);
    const file = await slipsWorkbook(slips, {
      sheet: "临时密码",
      notesSheet: "使用说明",
      columns: { name: "姓名", phone: "手机号", place: "住址", password: "临时密码", expiresAt: "有效期至" },
      notes: ["说明"],
      date: (iso) => iso.slice(0, 10),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet("临时密码")!.getSheetValues() as unknown[][]).slice(2).map((r) => r.slice(1, 5));
    const bySlip = (s: Slip) => [s.name, s.maskedPhone, s.place, s.password];
    expect(rows).toEqual(slips.map(bySlip));
    for (const p of people) {
      const row = rows.find((r) => r[0] === p.name)!;
      expect(row[1]).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`);
    }
    const text = JSON.stringify(workbook.getWorksheet("临时密码")!.getSheetValues());
    for (const p of people) expect(text).not.toContain(p.phone);
  });
});
