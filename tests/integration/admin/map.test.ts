// The community map: names unique within their parent (with a clear message), deactivation
// instead of deletion, and the rules that keep the map whole; every change audited.
import { describe, expect, it } from "vitest";
import { createBuilding, setBuildingActive, updateBuilding } from "@/domain/admin/buildings";
import { createCourtyard, setCourtyardActive, updateCourtyard } from "@/domain/admin/courtyards";
import { createGrid, renameGrid, setGridActive } from "@/domain/admin/grids";
import { createCommunity, createStreet, setCommunityActive, setStreetActive } from "@/domain/admin/streets";
import { db } from "@/server/db/client";
import { adminFixture, auditRows, orderIn } from "../../support/admin-factories";

const conflict = (key: string) => expect.objectContaining({ name: "AppError", message: key });

describe("names are unique within their parent", () => {
  it("refuses a second courtyard of the same name in a grid, but allows it in another grid", async () => {
    const { map, adminOfA } = await adminFixture();
    await expect(createCourtyard(adminOfA, { gridId: map.A1.id, name: "府河小区" })).rejects.toEqual(conflict("admin.courtyardNameTaken"));
    await expect(createCourtyard(adminOfA, { gridId: map.A2.id, name: "府河小区" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("says when the name belongs to a deactivated record", async () => {
    const { map, adminOfA } = await adminFixture();
    const { id } = await createCourtyard(adminOfA, { gridId: map.A1.id, name: "旧院子" });
    await setCourtyardActive(adminOfA, id, false);
    await expect(createCourtyard(adminOfA, { gridId: map.A1.id, name: "旧院子" })).rejects.toEqual(conflict("admin.courtyardNameTakenInactive"));
  });

  it("checks renames, buildings, grids, communities and streets too", async () => {
    const { map, adminOfA, adminOfAll } = await adminFixture();
    const other = await createCourtyard(adminOfA, { gridId: map.A1.id, name: "另一个小区" });
    await expect(updateCourtyard(adminOfA, other.id, { name: "府河小区" })).rejects.toEqual(conflict("admin.courtyardNameTaken"));
    await createBuilding(adminOfA, { courtyardId: map.a1.id, number: "1栋", units: "2", floors: "7" });
    const second = await createBuilding(adminOfA, { courtyardId: map.a1.id, number: "2栋", units: "2", floors: "7" });
    await expect(createBuilding(adminOfA, { courtyardId: map.a1.id, number: "1栋", units: "1", floors: "6" })).rejects.toEqual(
      conflict("admin.buildingNumberTaken"),
    );
    await expect(updateBuilding(adminOfA, second.id, { number: "1栋", units: "2", floors: "7" })).rejects.toEqual(conflict("admin.buildingNumberTaken"));
    await expect(createGrid(adminOfA, { communityId: map.A.id, name: "第一网格" })).rejects.toEqual(conflict("admin.gridNameTaken"));
    const grid = await createGrid(adminOfA, { communityId: map.A.id, name: "第三网格" });
    await expect(renameGrid(adminOfA, grid.id, { name: "第二网格" })).rejects.toEqual(conflict("admin.gridNameTaken"));
    await expect(createCommunity(adminOfAll, { streetId: map.street.id, name: map.A.name })).rejects.toEqual(conflict("admin.communityNameTaken"));
    await expect(createStreet(adminOfAll, { name: map.street.name })).rejects.toEqual(conflict("admin.streetNameTaken"));
  });

  it("answers bad input with field messages, not a crash", async () => {
    const { map, adminOfA } = await adminFixture();
    await expect(createCourtyard(adminOfA, { gridId: map.A1.id, name: "  " })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createBuilding(adminOfA, { courtyardId: map.a1.id, number: "9栋", units: "0", floors: "abc" })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["units"], message: "admin.unitsRange" }),
        expect.objectContaining({ path: ["floors"], message: "admin.floorsRange" }),
      ]),
    });
  });
});

describe("deactivation", () => {
  it("keeps a courtyard with an open order active, and deactivates it once the order is closed", async () => {
    const { map, adminOfA } = await adminFixture();
    const order = await orderIn(map.a2, "ACCEPTED", map.A.id);
    await expect(setCourtyardActive(adminOfA, map.a2.id, false)).rejects.toEqual(conflict("admin.courtyardHasOpenOrders"));
    await db.order.update({ where: { id: order.id }, data: { status: "CLOSED" } });
    await setCourtyardActive(adminOfA, map.a2.id, false);
    const courtyard = await db.courtyard.findUniqueOrThrow({ where: { id: map.a2.id } });
    expect(courtyard.active).toBe(false);
    // Never deleted: the order still points at it.
    expect(await db.order.count({ where: { courtyardId: map.a2.id } })).toBe(1);
  });

  it("refuses to deactivate a parent with active children, and to reactivate under a deactivated parent", async () => {
    const { map, adminOfA, adminOfAll } = await adminFixture();
    await expect(setGridActive(adminOfA, map.A1.id, false)).rejects.toEqual(conflict("admin.gridHasActiveCourtyards"));
    await expect(setCommunityActive(adminOfAll, map.A.id, false)).rejects.toEqual(conflict("admin.communityHasActiveGrids"));
    await expect(setStreetActive(adminOfAll, map.street.id, false)).rejects.toEqual(conflict("admin.streetHasActiveCommunities"));

    await setCourtyardActive(adminOfA, map.a1.id, false);
    await setGridActive(adminOfA, map.A1.id, false);
    await expect(setCourtyardActive(adminOfA, map.a1.id, true)).rejects.toEqual(conflict("admin.parentInactive"));
    await expect(createCourtyard(adminOfA, { gridId: map.A1.id, name: "停用网格里的新小区" })).rejects.toEqual(conflict("admin.parentInactive"));
    await setGridActive(adminOfA, map.A1.id, true);
    await setCourtyardActive(adminOfA, map.a1.id, true);
    expect((await db.courtyard.findUniqueOrThrow({ where: { id: map.a1.id } })).active).toBe(true);
  });

  it("keeps a grid that still holds open orders (transferred in) active", async () => {
    const { map, adminOfA } = await adminFixture();
    const grid = await createGrid(adminOfA, { communityId: map.A.id, name: "临时网格" });
    const order = await orderIn(map.a1, "PLACED", map.A.id);
    await db.order.update({ where: { id: order.id }, data: { gridId: grid.id } });
    await expect(setGridActive(adminOfA, grid.id, false)).rejects.toEqual(conflict("admin.gridHasOpenOrders"));
  });

  it("audits each change with before and after", async () => {
    const { map, adminOfA } = await adminFixture();
    const b = await createBuilding(adminOfA, { courtyardId: map.a1.id, number: "8栋", units: "2", floors: "11", headName: "王建华" });
    await updateBuilding(adminOfA, b.id, { number: "8栋", units: "3", floors: "11", headName: "王建华" });
    await setBuildingActive(adminOfA, b.id, false);
    const rows = await auditRows(b.id);
    expect(rows.map((r) => r.action)).toEqual(["building.create", "building.update", "building.deactivate"]);
    expect(rows[1]).toMatchObject({ actorId: adminOfA.userId, communityId: map.A.id, before: { units: 2 }, after: { units: 3 } });
  });
});
