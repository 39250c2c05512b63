// The policy table: every operation × every role × own / sibling / foreign scope.
// A new operation without a row here fails the first test.
import { describe, expect, it } from "vitest";
import { can, covers, operations, permissions, type Actor, type Location, type Operation, type RoleScope } from "./permissions";

type Who = "RESIDENT" | "GRID_WORKER" | "BRANCH_SECRETARY" | "STAFF" | "VOLUNTEER" | "ADMIN_OF_COMMUNITY" | "ADMIN_OF_ALL";
type Cells = `${"Y" | "N"}${"Y" | "N"}${"Y" | "N"}`; // own, sibling (same community), foreign (other community)

const Y1: Location = { communityId: "C1", gridId: "G1", courtyardId: "Y1" };
const Y2: Location = { communityId: "C1", gridId: "G2", courtyardId: "Y2" };
const Y3: Location = { communityId: "C2", gridId: "G3", courtyardId: "Y3" };
const targets: Record<string, [Location, Location, Location]> = {
  courtyard: [Y1, Y2, Y3],
  grid: [
    { communityId: "C1", gridId: "G1" },
    { communityId: "C1", gridId: "G2" },
    { communityId: "C2", gridId: "G3" },
  ],
  community: [{ communityId: "C1" }, { communityId: "C1" }, { communityId: "C2" }],
  none: [Y1, Y2, Y3],
  global: [Y1, Y2, Y3],
};

const scope = (role: RoleScope["role"], s: Partial<RoleScope>): RoleScope => ({ role, communityId: null, gridId: null, courtyardId: null, ...s });
const actors: Record<Who, RoleScope> = {
  RESIDENT: scope("RESIDENT", { courtyardId: "Y1" }),
  GRID_WORKER: scope("GRID_WORKER", { gridId: "G1" }),
  BRANCH_SECRETARY: scope("BRANCH_SECRETARY", { courtyardId: "Y1" }),
  STAFF: scope("STAFF", { communityId: "C1" }),
  VOLUNTEER: scope("VOLUNTEER", { communityId: "C1" }),
  ADMIN_OF_COMMUNITY: scope("ADMIN", { communityId: "C1" }),
  ADMIN_OF_ALL: scope("ADMIN", {}),
};

// prettier-ignore
const policy: Record<Operation, Record<Who, Cells>> = {
  "workspace.resident": { RESIDENT: "YYY", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "workspace.grid": { RESIDENT: "NNN", GRID_WORKER: "YYY", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "workspace.branch": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "YYY", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "workspace.staff": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "YYY", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "workspace.admin": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYY", ADMIN_OF_ALL: "YYY" },
  "courtyard.view": { RESIDENT: "YNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "YNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYN", ADMIN_OF_ALL: "YYY" },
  "grid.view": { RESIDENT: "NNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "NNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYN", ADMIN_OF_ALL: "YYY" },
  "community.view": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYN", ADMIN_OF_ALL: "YYY" },
  "resident.viewContact": { RESIDENT: "NNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "YNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "map.configure": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYN", ADMIN_OF_ALL: "YYY" },
  "users.manage": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYN", ADMIN_OF_ALL: "YYY" },
  "streets.configure": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "YYY" },
  "communities.configure": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "YYY" },
  "categories.configure": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "YYY" },
  "settings.configure": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "YYY" },
  "admins.manageGlobal": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "YYY" },
  "audit.view": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "YYN", ADMIN_OF_ALL: "YYY" },
  "order.place": { RESIDENT: "YNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.placeOnBehalf": { RESIDENT: "NNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.view": { RESIDENT: "YNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "YNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.manageOwn": { RESIDENT: "YNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.board": { RESIDENT: "YNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.accept": { RESIDENT: "NNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.dispatch": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "YNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.progress": { RESIDENT: "NNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "YNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.complete": { RESIDENT: "NNN", GRID_WORKER: "YNN", BRANCH_SECRETARY: "NNN", STAFF: "NNN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.followUp": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "order.moderate": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "metrics.view": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
  "resident.revealContact": { RESIDENT: "NNN", GRID_WORKER: "NNN", BRANCH_SECRETARY: "NNN", STAFF: "YYN", VOLUNTEER: "NNN", ADMIN_OF_COMMUNITY: "NNN", ADMIN_OF_ALL: "NNN" },
};

const actorWith = (role: RoleScope): Actor => ({ userId: "u", sessionId: "s", name: "n", phone: "p", mustChangePassword: false, roles: [role] });

describe("policy table", () => {
  it("has a row for every operation and no row for an unknown one", () => {
    expect(Object.keys(policy).sort()).toEqual([...operations].sort());
  });

  const cells = operations.flatMap((op) =>
    (Object.keys(actors) as Who[]).flatMap((who) =>
      (["own", "sibling", "foreign"] as const).map((where, i) => ({ op, who, where, i, expected: policy[op][who][i] === "Y" })),
    ),
  );

  it.each(cells)("$op · $who · $where scope → $expected", ({ op, who, i, expected }) => {
    const target = targets[permissions[op].scope][i];
    expect(can(actorWith(actors[who]), op, target)).toBe(expected);
  });

  it("refuses everything to the anonymous and to a person without roles", () => {
    for (const op of operations) {
      expect(can(null, op, Y1)).toBe(false);
      expect(can({ ...actorWith(actors.STAFF), roles: [] }, op, Y1)).toBe(false);
    }
  });

  it("refuses scoped operations when no target is given", () => {
    for (const op of operations.filter((o) => !["none", "global"].includes(permissions[o].scope))) {
      for (const who of Object.keys(actors) as Who[]) expect(can(actorWith(actors[who]), op)).toBe(false);
    }
  });

  it("fails closed for a role it does not know, and gives a volunteer nothing below its community", () => {
    const unknown = scope("SOMEONE" as RoleScope["role"], { communityId: "C1", gridId: "G1", courtyardId: "Y1" });
    for (const kind of ["courtyard", "grid", "community", "global"] as const) expect(covers(unknown, kind, Y1)).toBe(false);
    const volunteer = actors.VOLUNTEER;
    expect(covers(volunteer, "community", { communityId: "C1" })).toBe(true);
    expect(covers(volunteer, "community", { communityId: "C2" })).toBe(false);
    expect(covers(volunteer, "grid", Y1)).toBe(false);
    expect(covers(volunteer, "courtyard", Y1)).toBe(false);
    expect(covers(volunteer, "global", Y1)).toBe(false);
  });

  it("lets a person with several roles act within the union of their scopes", () => {
    const actor = { ...actorWith(actors.GRID_WORKER), roles: [actors.GRID_WORKER, scope("GRID_WORKER", { gridId: "G2" })] };
    expect(can(actor, "grid.view", targets.grid[1])).toBe(true);
    expect(can(actor, "grid.view", targets.grid[2])).toBe(false);
  });
});
