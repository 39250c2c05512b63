// Who may do what, and over which scope. This map is the only place that grants access;
// every page, server action and route handler asks it through can()/assertCan() or the
// scoped queries in ./scope.ts. A test walks every role × operation × scope cell.
import type { Role } from "@/generated/prisma/enums";

/**
 * What an operation's target must be for a scoped role to cover it:
 * - none: holding the role is enough (entering a workspace);
 * - courtyard / grid / community: the target's location must fall inside the role's scope;
 * - global: only an administrator with no scope limit.
 */
export type ScopeKind = "none" | "courtyard" | "grid" | "community" | "global";

export const permissions = {
  "workspace.resident": { scope: "none", roles: ["RESIDENT"] },
  "workspace.grid": { scope: "none", roles: ["GRID_WORKER"] },
  "workspace.branch": { scope: "none", roles: ["BRANCH_SECRETARY"] },
  "workspace.staff": { scope: "none", roles: ["STAFF"] },
  "workspace.admin": { scope: "none", roles: ["ADMIN"] },
  "courtyard.view": { scope: "courtyard", roles: ["RESIDENT", "GRID_WORKER", "BRANCH_SECRETARY", "STAFF", "ADMIN"] },
  "grid.view": { scope: "grid", roles: ["GRID_WORKER", "STAFF", "ADMIN"] },
  "community.view": { scope: "community", roles: ["STAFF", "ADMIN"] },
  // Those who must call the resident back see the number; everyone else sees it masked.
  "resident.viewContact": { scope: "courtyard", roles: ["GRID_WORKER", "BRANCH_SECRETARY"] },
  "map.configure": { scope: "community", roles: ["ADMIN"] },
  "users.manage": { scope: "community", roles: ["ADMIN"] },
  "streets.configure": { scope: "global", roles: ["ADMIN"] },
  // The admin console (docs/decisions/011-admin-console.md). Categories and settings apply
  // to every community, so only an administrator without scope limit changes them.
  "communities.configure": { scope: "global", roles: ["ADMIN"] },
  "categories.configure": { scope: "global", roles: ["ADMIN"] },
  "settings.configure": { scope: "global", roles: ["ADMIN"] },
  "admins.manageGlobal": { scope: "global", roles: ["ADMIN"] },
  "audit.view": { scope: "community", roles: ["ADMIN"] },
  // The four-order loop. A resident's own orders are further limited to those they requested
  // (src/domain/orders/scope.ts); these rows say which roles may act and over which scope.
  "order.place": { scope: "courtyard", roles: ["RESIDENT"] },
  "order.placeOnBehalf": { scope: "courtyard", roles: ["GRID_WORKER"] },
  "order.view": { scope: "courtyard", roles: ["RESIDENT", "GRID_WORKER", "BRANCH_SECRETARY", "STAFF"] },
  "order.manageOwn": { scope: "courtyard", roles: ["RESIDENT"] },
  "order.board": { scope: "courtyard", roles: ["RESIDENT"] },
  "order.accept": { scope: "grid", roles: ["GRID_WORKER"] },
  "order.dispatch": { scope: "courtyard", roles: ["BRANCH_SECRETARY"] },
  "order.progress": { scope: "courtyard", roles: ["GRID_WORKER", "BRANCH_SECRETARY"] },
  "order.complete": { scope: "grid", roles: ["GRID_WORKER"] },
  "order.followUp": { scope: "community", roles: ["STAFF"] },
  // Taking a public order off the courtyard's board, and back (src/domain/orders/board.ts).
  "order.moderate": { scope: "community", roles: ["STAFF"] },
  // Staff review: rates, ratings, exports; revealing a resident's number is logged.
  "metrics.view": { scope: "community", roles: ["STAFF"] },
  "resident.revealContact": { scope: "community", roles: ["STAFF"] },
} as const satisfies Record<string, { scope: ScopeKind; roles: readonly Role[] }>;

export type Operation = keyof typeof permissions;
export const operations = Object.keys(permissions) as Operation[];

/** Where a record sits on the community map; the fields its scope kind needs. */
export type Location = { communityId: string; gridId?: string; courtyardId?: string };

export type RoleScope = {
  role: Role;
  communityId: string | null;
  gridId: string | null;
  courtyardId: string | null;
};

export type Actor = {
  userId: string;
  sessionId: string;
  name: string;
  phone: string;
  mustChangePassword: boolean;
  roles: RoleScope[];
};

/** Whether one role assignment's scope contains the location. */
export function covers(assignment: RoleScope, kind: ScopeKind, target?: Location): boolean {
  if (kind === "none") return true;
  if (kind === "global") return assignment.role === "ADMIN" && assignment.communityId === null;
  if (!target) return false;
  switch (assignment.role) {
    case "RESIDENT":
    case "BRANCH_SECRETARY":
      return kind === "courtyard" && !!target.courtyardId && assignment.courtyardId === target.courtyardId;
    case "GRID_WORKER":
      return kind !== "community" && !!target.gridId && assignment.gridId === target.gridId;
    case "STAFF":
      return assignment.communityId === target.communityId;
    case "ADMIN":
      return assignment.communityId === null || assignment.communityId === target.communityId;
    // A community's volunteer: only what is about the community as a whole, never a grid or
    // a courtyard by implication. No operation grants it anything yet.
    case "VOLUNTEER":
      return kind === "community" && assignment.communityId === target.communityId;
    default:
      return false;
  }
}

export function can(actor: Actor | null, operation: Operation, target?: Location): boolean {
  if (!actor) return false;
  const rule = permissions[operation];
  const allowed: readonly Role[] = rule.roles;
  return actor.roles.some((a) => allowed.includes(a.role) && covers(a, rule.scope, target));
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.roles.some((a) => a.role === role);
}
