import { describe, expect, it } from "vitest";
import { mapOverview } from "@/features/admin/map-queries";
import { getGrid, listSecretaryCourtyards } from "@/features/map/queries";
import type { Actor, RoleScope } from "@/server/authz/permissions";
import { buildMap } from "../support/factories";

const actor = (...roles: Partial<RoleScope>[]): Actor => ({
  userId: "nobody",
  sessionId: "none",
  name: "测试",
  phone: "13900000000",
  mustChangePassword: false,
  roles: roles.map((r) => ({ role: "RESIDENT", communityId: null, gridId: null, courtyardId: null, ...r })),
});

describe("scoped reads on the community map", () => {
  it("shows a grid to its own worker and not to the worker of a sibling grid", async () => {
    const map = await buildMap();
    const own = actor({ role: "GRID_WORKER", gridId: map.A1.id });
    const sibling = actor({ role: "GRID_WORKER", gridId: map.A2.id });
    expect((await getGrid(own, map.A1.id))?.courtyards.map((c) => c.name)).toEqual(["府河小区"]);
    expect(await getGrid(sibling, map.A1.id)).toBeNull();
  });

  it("lets staff see their community's grids but not another community's", async () => {
    const map = await buildMap();
    const staff = actor({ role: "STAFF", communityId: map.A.id });
    expect(await getGrid(staff, map.A2.id)).not.toBeNull();
    expect(await getGrid(staff, map.B1.id)).toBeNull();
  });

  it("shows residents and secretaries no grid at all", async () => {
    const map = await buildMap();
    expect(await getGrid(actor({ role: "RESIDENT", courtyardId: map.a1.id }), map.A1.id)).toBeNull();
    expect(await getGrid(actor({ role: "BRANCH_SECRETARY", courtyardId: map.a1.id }), map.A1.id)).toBeNull();
  });

  it("lists only the secretary's own courtyards", async () => {
    const map = await buildMap();
    const secretary = actor({ role: "BRANCH_SECRETARY", courtyardId: map.a2.id });
    expect((await listSecretaryCourtyards(secretary)).map((c) => c.id)).toEqual([map.a2.id]);
  });

  it("limits a community administrator's map to that community and shows the global one all", async () => {
    const map = await buildMap();
    const communitiesOn = async (who: Actor) => (await mapOverview(who)).streets.flatMap((s) => s.communities.map((c) => c.id));
    expect(await communitiesOn(actor({ role: "ADMIN", communityId: map.A.id }))).toEqual([map.A.id]);
    expect(await communitiesOn(actor({ role: "ADMIN" }))).toEqual(expect.arrayContaining([map.A.id, map.B.id]));
    expect(await communitiesOn(actor({ role: "STAFF", communityId: map.A.id }))).toEqual([]);
  });
});
