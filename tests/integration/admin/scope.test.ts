// An administrator of one community sees and changes only that community: everything of
// another community answers "not found" and stays as it was.
import { describe, expect, it } from "vitest";
import { createBuilding } from "@/domain/admin/buildings";
import { createCategory, setUnratedCloseDays } from "@/domain/admin/categories";
import { createCourtyard, moveCourtyard, setCourtyardActive, updateCourtyard } from "@/domain/admin/courtyards";
import { createGrid, setGridActive } from "@/domain/admin/grids";
import { checkImport } from "@/domain/admin/import/run";
import { addResidence } from "@/domain/admin/residences";
import { assignRole, removeRole } from "@/domain/admin/roles";
import { createCommunity, createStreet } from "@/domain/admin/streets";
import { renameUser, resetPassword, setUserDisabled } from "@/domain/admin/users";
import { db } from "@/server/db/client";
import { adminFixture } from "../../support/admin-factories";
import { createUser } from "../../support/factories";

const notFound = expect.objectContaining({ name: "AppError", code: "not_found" });

describe("a community administrator", () => {
  it("gets 404 for the map of another community, which stays unchanged", async () => {
    const { map, adminOfA } = await adminFixture();
    const before = await db.courtyard.findUniqueOrThrow({ where: { id: map.b1.id } });
    await expect(updateCourtyard(adminOfA, map.b1.id, { name: "改名" })).rejects.toEqual(notFound);
    await expect(setCourtyardActive(adminOfA, map.b1.id, false)).rejects.toEqual(notFound);
    await expect(moveCourtyard(adminOfA, map.b1.id, { gridId: map.A1.id })).rejects.toEqual(notFound);
    await expect(createCourtyard(adminOfA, { gridId: map.B1.id, name: "越界小区" })).rejects.toEqual(notFound);
    await expect(createBuilding(adminOfA, { courtyardId: map.b1.id, number: "1栋", units: "1", floors: "6" })).rejects.toEqual(notFound);
    await expect(createGrid(adminOfA, { communityId: map.B.id, name: "越界网格" })).rejects.toEqual(notFound);
    await expect(setGridActive(adminOfA, map.B1.id, false)).rejects.toEqual(notFound);
    expect(await db.courtyard.findUniqueOrThrow({ where: { id: map.b1.id } })).toEqual(before);
    expect(await db.courtyard.count({ where: { name: "越界小区" } })).toBe(0);
  });

  it("gets 404 for the people of another community and cannot change an account that also works elsewhere", async () => {
    const { map, adminOfA } = await adminFixture();
    const outsider = await createUser({ roles: [{ role: "GRID_WORKER", gridId: map.B1.id }] });
    await expect(setUserDisabled(adminOfA, outsider.id, true)).rejects.toEqual(notFound);
    await expect(resetPassword(adminOfA, outsider.id)).rejects.toEqual(notFound);
    await expect(renameUser(adminOfA, outsider.id, { name: "改名" })).rejects.toEqual(notFound);
    await expect(assignRole(adminOfA, outsider.id, { role: "STAFF", scopeId: map.A.id })).rejects.toEqual(notFound);
    const role = await db.roleAssignment.findFirstOrThrow({ where: { userId: outsider.id } });
    await expect(removeRole(adminOfA, role.id)).rejects.toEqual(notFound);

    const both = await createUser({
      roles: [
        { role: "GRID_WORKER", gridId: map.A1.id },
        { role: "GRID_WORKER", gridId: map.B1.id },
      ],
    });
    await expect(setUserDisabled(adminOfA, both.id, true)).rejects.toMatchObject({ message: "admin.userOutsideScope" });
    await expect(resetPassword(adminOfA, both.id)).rejects.toMatchObject({ message: "admin.userOutsideScope" });
    const bRole = await db.roleAssignment.findFirstOrThrow({ where: { userId: both.id, gridId: map.B1.id } });
    await expect(removeRole(adminOfA, bRole.id)).rejects.toEqual(notFound);
    await expect(addResidence(adminOfA, both.id, { courtyardId: map.b1.id })).rejects.toMatchObject({ message: "admin.scopeInvalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: both.id } })).disabledAt).toBeNull();
    expect(await db.roleAssignment.count({ where: { userId: both.id } })).toBe(2);
  });

  it("cannot configure what belongs to every community, nor import into another community", async () => {
    const { map, adminOfA } = await adminFixture();
    await expect(createStreet(adminOfA, { name: "越界街道" })).rejects.toEqual(notFound);
    await expect(createCommunity(adminOfA, { streetId: map.street.id, name: "越界社区" })).rejects.toEqual(notFound);
    await expect(
      createCategory(adminOfA, {
        nameZh: "越界类别",
        nameEn: "x",
        responseHours: "1",
        resolutionDays: "1",
        requiresDispatch: true,
        active: true,
        sortOrder: "1",
      }),
    ).rejects.toEqual(notFound);
    await expect(setUnratedCloseDays(adminOfA, { days: "3" })).rejects.toEqual(notFound);
    const file = new TextEncoder().encode("网格,小区名称\n第一网格,越界导入小区\n");
    await expect(checkImport(adminOfA, { kind: "courtyards", communityId: map.B.id, fileName: "a.csv", bytes: file })).rejects.toEqual(notFound);
  });

  it("sees only their own community's audit entries", async () => {
    const { map, adminOfA, adminOfB } = await adminFixture();
    await createCourtyard(adminOfB, { gridId: map.B1.id, name: "乙社区新小区" });
    const { listAudit } = await import("@/features/admin/audit-queries");
    const seen = await listAudit(adminOfA, { page: 1 });
    expect(seen.items.every((e) => e.communityId === map.A.id)).toBe(true);
    const own = await listAudit(adminOfB, { page: 1 });
    expect(own.items.some((e) => e.action === "courtyard.create")).toBe(true);
  });
});
