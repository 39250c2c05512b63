import { describe, expect, it } from "vitest";
import { homePath, workspacesOf } from "./workspaces";

const scope = { communityId: null, gridId: null, courtyardId: null };

describe("workspaces", () => {
  it("lands each role on its own home", () => {
    expect(homePath({ roles: [{ role: "RESIDENT", ...scope }] })).toBe("/resident");
    expect(homePath({ roles: [{ role: "GRID_WORKER", ...scope }] })).toBe("/grid");
    expect(homePath({ roles: [{ role: "BRANCH_SECRETARY", ...scope }] })).toBe("/branch");
    expect(homePath({ roles: [{ role: "STAFF", ...scope }] })).toBe("/staff");
    expect(homePath({ roles: [{ role: "ADMIN", ...scope }] })).toBe("/admin");
  });

  it("lists one workspace per role held, even with several scopes of one role", () => {
    const roles = [
      { role: "GRID_WORKER" as const, ...scope, gridId: "a" },
      { role: "RESIDENT" as const, ...scope, courtyardId: "c" },
      { role: "GRID_WORKER" as const, ...scope, gridId: "b" },
    ];
    expect(workspacesOf({ roles }).map((w) => w.path)).toEqual(["/grid", "/resident"]);
    expect(homePath({ roles })).toBe("/grid");
  });

  it("sends a person without roles to an explanation, not a workspace", () => {
    expect(homePath({ roles: [] })).toBe("/no-role");
  });

  it("gives a volunteer no workspace of its own", () => {
    const volunteer = { role: "VOLUNTEER" as const, ...scope, communityId: "c" };
    expect(workspacesOf({ roles: [volunteer] })).toEqual([]);
    expect(homePath({ roles: [volunteer] })).toBe("/no-role");
    expect(homePath({ roles: [volunteer, { role: "RESIDENT", ...scope, courtyardId: "y" }] })).toBe("/resident");
  });
});
