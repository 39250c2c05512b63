// Bulk import: the dry run lists every row's problems and writes nothing; the commit is
// all or nothing; importing the same file again changes nothing; files that are not what
// they claim are refused.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkImport, commitImport, digestOf, type ImportRequest } from "@/domain/admin/import/run";
import { db } from "@/server/db/client";
import { adminFixture } from "../../support/admin-factories";
import { uniquePhone } from "../../support/factories";

const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
const request = (communityId: string, kind: string, bytes: Uint8Array): ImportRequest => ({ kind, communityId, fileName: `${kind}.csv`, bytes });
const commit = (actor: Parameters<typeof commitImport>[0], r: ImportRequest) => commitImport(actor, { ...r, digest: digestOf(r.bytes) });

async function counts(communityId: string) {
  const inCommunity = { grid: { communityId } };
  return {
    courtyards: await db.courtyard.count({ where: inCommunity }),
    buildings: await db.building.count({ where: { courtyard: inCommunity } }),
    residences: await db.residence.count({ where: { courtyard: inCommunity } }),
    roles: await db.roleAssignment.count({ where: { courtyard: inCommunity } }),
    audit: await db.auditLog.count({ where: { communityId, entityType: "import" } }),
  };
}

describe("the dry run", () => {
  it("reports each bad row with line, column and reason, and writes nothing", async () => {
    const { map, adminOfA } = await adminFixture();
    const before = await counts(map.A.id);
    const file = csv([
      "姓名,手机号,小区名称,楼栋号,单元,房号",
      `王一,${uniquePhone()},府河小区,,1,101`,
      "王二,1380000,府河小区,,,",
      `王三,${uniquePhone()},没有的小区,,,`,
      `,${uniquePhone()},龙湖上城,,,`,
    ]);
    const report = await checkImport(adminOfA, request(map.A.id, "residents", file));
    expect(report.problems).toEqual([
      { line: 3, column: "手机号", code: "phoneFormat" },
      { line: 4, column: "小区名称", code: "courtyardNotFound", params: { name: "没有的小区", grid: "" } },
      { line: 5, column: "姓名", code: "required", params: { column: "姓名" } },
    ]);
    expect(report.summary).toMatchObject({ rows: 4, created: 1, newAccounts: 1 });
    expect(await counts(map.A.id)).toEqual(before);

    // A commit of the same file refuses with the same problems and writes nothing either.
    const result = await commit(adminOfA, request(map.A.id, "residents", file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.report.problems).toHaveLength(3);
    expect(await counts(map.A.id)).toEqual(before);
  });
});

describe("the commit", () => {
  it("imports courtyards, then buildings, then residents, and a second import of each changes nothing", async () => {
    const { map, adminOfA } = await adminFixture();
    const courtyards = request(
      map.A.id,
      "courtyards",
      csv(["网格,小区名称,地址,党支部名称", "第一网格,导入小区甲,甲路1号,甲支部", "第二网格,导入小区乙,乙路2号,"]),
    );
    const buildings = request(
      map.A.id,
      "buildings",
      csv(["小区名称,楼栋号,单元数,层数,楼栋长", "导入小区甲,1栋,2,7,王建华", "导入小区甲,2栋,1,6,", "导入小区乙,1,3,18,"]),
    );
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    const residents = request(
      map.A.id,
      "residents",
      csv([
        "姓名,手机号,小区名称,楼栋号,单元,房号",
        `张一,${phones[0]},导入小区甲,1栋,1,101`,
        `张二,${phones[1]},导入小区甲,2,1单元,202`,
        `张三,${phones[2]},导入小区乙,1栋,3,1801`,
        `张一,${phones[0]},导入小区乙,,,`,
      ]),
    );

    expect(await commit(adminOfA, courtyards)).toMatchObject({ ok: true, changed: true, summary: { created: 2 } });
    expect(await commit(adminOfA, buildings)).toMatchObject({ ok: true, changed: true, summary: { created: 3 } });
    const first = await commit(adminOfA, residents);
    expect(first).toMatchObject({ ok: true, changed: true, summary: { created: 4, newAccounts: 3 } });
    // One slip per new account, each with its own one-time password.
    const slips = first.ok ? first.slips : [];
    expect(slips.map((s) => s.name).sort()).toEqual(["张一", "张三", "张二"]);
    expect(new Set(slips.map((s) => s.password)).size).toBe(3);

    const users = await db.user.findMany({ where: { phone: { in: phones } }, include: { residences: true, roles: true } });
    expect(users).toHaveLength(3);
    expect(users.every((u) => u.mustChangePassword)).toBe(true);
    // A hash of each person's own secret, salted: no two alike, none holding the secret.
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(3);
    for (const s of slips) expect(users.map((u) => u.passwordHash).join()).not.toContain(s.password);
    const zhang1 = users.find((u) => u.phone === phones[0])!;
    expect(zhang1.residences).toHaveLength(2);
    expect(zhang1.roles.map((r) => r.role)).toEqual(["RESIDENT", "RESIDENT"]);

    const after = await counts(map.A.id);
    for (const file of [courtyards, buildings, residents]) {
      expect(await commit(adminOfA, file)).toMatchObject({ ok: true, changed: false, summary: { created: 0, updated: 0 } });
    }
    expect(await counts(map.A.id)).toEqual(after);
    expect(await db.user.count({ where: { phone: { in: phones } } })).toBe(3);
  });

  it("updates what changed on a re-import, keeping what an empty cell leaves out", async () => {
    const { map, adminOfA } = await adminFixture();
    await commit(adminOfA, request(map.A.id, "courtyards", csv(["网格,小区名称,地址,党支部名称", "第一网格,更新小区,旧路1号,旧支部"])));
    const result = await commit(adminOfA, request(map.A.id, "courtyards", csv(["网格,小区名称,地址,党支部名称", "第一网格,更新小区,新路9号,"])));
    expect(result).toMatchObject({ ok: true, changed: true, summary: { updated: 1 } });
    expect(await db.courtyard.findFirstOrThrow({ where: { gridId: map.A1.id, name: "更新小区" } })).toMatchObject({
      address: "新路9号",
      partyBranchName: "旧支部",
    });
  });

  it("is all or nothing: a failure halfway through the writes leaves no row behind", async () => {
    const { map, adminOfA } = await adminFixture();
    const phones = Array.from({ length: 30 }, () => uniquePhone());
    const lines = ["姓名,手机号,小区名称,楼栋号,单元,房号", ...phones.map((p, i) => `居民${i},${p},府河小区,,1,${i === 29 ? "BOOM" : 100 + i}`)];
    const before = await counts(map.A.id);
    // The database refuses the last home, after the accounts and roles were written.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION linli_test_refuse_boom() RETURNS trigger AS $$
      BEGIN IF NEW."room" = 'BOOM' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER linli_test_refuse_boom BEFORE INSERT ON "Residence" FOR EACH ROW EXECUTE FUNCTION linli_test_refuse_boom()`);
    try {
      await expect(commit(adminOfA, request(map.A.id, "residents", csv(lines)))).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER linli_test_refuse_boom ON "Residence"`);
      await db.$executeRawUnsafe(`DROP FUNCTION linli_test_refuse_boom()`);
    }
    expect(await db.user.count({ where: { phone: { in: phones } } })).toBe(0);
    expect(await counts(map.A.id)).toEqual(before);
  });

  it("imports an .xlsx and more rows than one batch holds", async () => {
    const { map, adminOfA } = await adminFixture();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("居民");
    sheet.addRow(["姓名", "手机号", "小区名称", "楼栋号", "单元", "房号"]);
    const phones = Array.from({ length: 2_500 }, () => uniquePhone());
    phones.forEach((p, i) => sheet.addRow([`批量${i}`, Number(p), i % 2 ? "府河小区" : "龙湖上城", "", 1 + (i % 3), 101 + i]));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const r = { kind: "residents", communityId: map.A.id, fileName: "居民.xlsx", bytes };
    const report = await checkImport(adminOfA, r);
    expect(report.problems).toEqual([]);
    const result = await commitImport(adminOfA, { ...r, digest: report.digest });
    expect(result).toMatchObject({ ok: true, summary: { rows: 2_500, created: 2_500, newAccounts: 2_500 } });
    expect(await db.residence.count({ where: { user: { phone: { in: phones } } } })).toBe(2_500);
    // Written by raw batched statements: timestamps as Prisma writes them (UTC), ids shaped like cuid().
    const sample = await db.user.findUniqueOrThrow({ where: { phone: phones[0] }, include: { residences: true, roles: true } });
    expect(Math.abs(sample.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(sample.residences[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(sample.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(sample.roles).toEqual([expect.objectContaining({ role: "RESIDENT", courtyardId: map.a2.id })]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { communityId: map.A.id, action: "import.residents" }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ fileName: "居民.xlsx", rows: 2_500, created: 2_500 });
    expect(JSON.stringify(audit)).not.toContain(phones[0]);
  });

  it("refuses to commit a file other than the one checked", async () => {
    const { map, adminOfA } = await adminFixture();
    const r = request(map.A.id, "courtyards", csv(["网格,小区名称", "第一网格,换过的文件"]));
    await expect(commitImport(adminOfA, { ...r, digest: "0".repeat(64) })).rejects.toMatchObject({ code: "fileChanged" });
    expect(await db.courtyard.count({ where: { name: "换过的文件" } })).toBe(0);
  });
});

describe("files that are not what they claim", () => {
  it.each([
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "unsupported"],
    ["GBK text", new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa]), "notUtf8"],
    ["a broken workbook", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "notWorkbook"],
    ["a file without the required columns", new TextEncoder().encode("名字,电话号码\n张三,13800000000\n"), "missingColumns"],
  ])("refuses %s and imports nothing", async (_, bytes, code) => {
    const { map, adminOfA } = await adminFixture();
    const before = await counts(map.A.id);
    await expect(checkImport(adminOfA, request(map.A.id, "residents", bytes))).rejects.toMatchObject({ name: "ImportFileError", code });
    await expect(commitImport(adminOfA, { ...request(map.A.id, "residents", bytes), digest: digestOf(bytes) })).rejects.toMatchObject({ code });
    expect(await counts(map.A.id)).toEqual(before);
  });
});
