// Each working role has one workspace; navigation lists only those of the roles a person
// holds. A volunteer has none of their own: what they are assigned reaches them as a resident.
import type { Role } from "@/generated/prisma/enums";
import type { Actor, Operation } from "@/server/authz/permissions";

export type Workspace = { role: Role; path: string; operation: Operation };

export const workspaces: readonly Workspace[] = [
  { role: "RESIDENT", path: "/resident", operation: "workspace.resident" },
  { role: "GRID_WORKER", path: "/grid", operation: "workspace.grid" },
  { role: "BRANCH_SECRETARY", path: "/branch", operation: "workspace.branch" },
  { role: "STAFF", path: "/staff", operation: "workspace.staff" },
  { role: "ADMIN", path: "/admin", operation: "workspace.admin" },
];

/** The workspaces of the actor's roles, in the order the roles were given. */
export function workspacesOf(actor: Pick<Actor, "roles">): Workspace[] {
  const held = [...new Set(actor.roles.map((r) => r.role))];
  return held.flatMap((role) => workspaces.filter((w) => w.role === role));
}

/** Where a person lands after signing in. */
export function homePath(actor: Pick<Actor, "roles">): string {
  return workspacesOf(actor)[0]?.path ?? "/no-role";
}
