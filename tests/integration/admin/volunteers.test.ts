// Registering volunteers (志愿者): a role over one community, given on the people pages or by
// the 志愿者 column of a residents import, within the administrator's communities only.
import { describe, expect, it } from "vitest";
import { checkImport, commitImport, digestOf } from "@/domain/admin/import/run";
import { assignRole } from "@/domain/admin/roles";
import { createUser } from "@/domain/admin/users";
import { db } from "@/server/db/client";
import { adminFixture } from "../../support/admin-factories";
import { residentsFile } from "../../support/import-files";
import { actorOf, residentIn, uniquePhone } from "../../support/factories";

const residents = (communityId: string, rows: string[]) => residentsFile(communityId, "姓名,手机号,小区名称,单元,房号,志愿者", rows);
const volunteerRoles = (userId: string) =>
  db.roleAssignment.findMany({ where: { userId, role: "VOLUNTEER" }, select: { communityId: true, gridId: true, courtyardId: true } });

describe("registering volunteers", () => {
  it("on the people pages: a community's volunteer, within the administrator's communities", async () => {
    const { map, adminOfA } = await adminFixture();
    const created = await createUser(adminOfA, { name: "新志愿者", phone: uniquePhone(), role: "VOLUNTEER", scopeId: map.A.id });
    expect(await volunteerRoles(created.userId)).toEqual([{ communityId: map.A.id, gridId: null, courtyardId: null }]);

    const resident = await residentIn(map.a1.id, "热心居民");
    await assignRole(adminOfA, resident.userId, { role: "VOLUNTEER", scopeId: map.A.id });
    await expect(assignRole(adminOfA, resident.userId, { role: "VOLUNTEER", scopeId: map.B.id })).rejects.toMatchObject({ message: "admin.scopeInvalid" });
    await expect(assignRole(adminOfA, resident.userId, { role: "VOLUNTEER", scopeId: map.a1.id })).rejects.toMatchObject({ message: "admin.scopeInvalid" });
    expect(await volunteerRoles(resident.userId)).toEqual([{ communityId: map.A.id, gridId: null, courtyardId: null }]);
    // The role opens no workspace: the volunteer still lands on the resident's.
    const { homePath } = await import("@/features/workspaces/workspaces");
    expect(homePath(await actorOf(resident.userId))).toBe("/resident");
  });

  it("by import: 志愿者 = 是 registers, 否 or nothing leaves as is, anything else is a problem", async () => {
    const { map, adminOfA } = await adminFixture();
    const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
    const bad = await checkImport(adminOfA, residents(map.A.id, [`甲,${a},府河小区,1,101,可能`]));
    expect(bad.problems.map((p) => p.code)).toEqual(["yesNo"]);
    const request = residents(map.A.id, [`甲,${a},府河小区,1,101,是`, `乙,${b},府河小区,1,102,否`, `丙,${c},龙湖上城,1,103,`]);
    expect(await commitImport(adminOfA, { ...request, digest: digestOf(request.bytes) })).toMatchObject({ ok: true, changed: true });
    const idOf = async (phone: string) => (await db.user.findUniqueOrThrow({ where: { phone } })).id;
    expect(await volunteerRoles(await idOf(a))).toEqual([{ communityId: map.A.id, gridId: null, courtyardId: null }]);
    expect(await volunteerRoles(await idOf(b))).toEqual([]);
    expect(await volunteerRoles(await idOf(c))).toEqual([]);
    // Importing the same file again changes nothing.
    expect(await commitImport(adminOfA, { ...request, digest: digestOf(request.bytes) })).toMatchObject({ ok: true, changed: false });
  });
});
