// Who may do what, and over which scope. This map is the only place that grants access;
// reach() turns it into what an actor reaches on the community map for an operation, and
// can()/assertCan() and every scoped query (./scope.ts) derive from that one answer
// (docs/decisions/032-one-reach.md). A test walks every role × operation × scope cell.
import type { Role } from "@/generated/prisma/enums";

/**
 * What an operation's target must be for a scoped role to cover it:
 * - none: holding the role is enough (entering a workspace);
 * - courtyard / grid / community: the target's location must fall inside the role's scope;
 * - global: only an administrator with no scope limit.
 */
export type ScopeKind = "none" | "courtyard" | "grid" | "community" | "global";

/**
 * One operation's row: its scope kind and the roles it is granted to. `own` names roles that
 * reach, inside their scope, only the records they requested themselves (a resident and
 * their own orders), not everything there.
 */
type Rule = { scope: ScopeKind; roles: readonly Role[]; own?: readonly Role[]; ownAnywhere?: true };

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
  // The four-order loop: which roles may act and over which scope. Where `own` names the
  // resident, they reach only the orders they requested in their courtyards; `ownAnywhere`:
  // they read what they asked for wherever it is, after a move too (acting needs their home).
  "order.place": { scope: "courtyard", roles: ["RESIDENT"] },
  "order.placeOnBehalf": { scope: "courtyard", roles: ["GRID_WORKER"] },
  "order.view": { scope: "courtyard", roles: ["RESIDENT", "GRID_WORKER", "BRANCH_SECRETARY", "STAFF"], own: ["RESIDENT"], ownAnywhere: true },
  "order.manageOwn": { scope: "courtyard", roles: ["RESIDENT"], own: ["RESIDENT"] },
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
} as const satisfies Record<string, Rule>;

export type Operation = keyof typeof permissions;
export const operations = Object.keys(permissions) as Operation[];

/**
 * Where a record sits on the community map; the fields its scope kind needs. A record that
 * has a requester (an order) names it, so that a role that reaches only its own records can
 * be judged; a place alone (no requester) is reached when the actor reaches anything there.
 */
export type Location = { communityId: string; gridId?: string; courtyardId?: string; requesterId?: string };

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

/**
 * What an actor reaches on the community map for one operation: everything, or the union of
 * communities, grids and courtyards its role assignments cover. `own` holds courtyards where
 * the actor reaches only the records they requested (userId). Empty sets reach nothing.
 */
export type Reach = {
  everywhere: boolean;
  communities: ReadonlySet<string>;
  grids: ReadonlySet<string>;
  courtyards: ReadonlySet<string>;
  own: ReadonlySet<string>;
  /** The records the actor requested, wherever they are (`ownAnywhere`). */
  mine: boolean;
  userId: string | null;
};

type Place = { level: "everywhere" } | { level: "community" | "grid" | "courtyard"; id: string };

/** The one place a role assignment covers for an operation of this scope kind, if any. */
function placeOf(a: RoleScope, kind: ScopeKind): Place | null {
  if (kind === "none") return { level: "everywhere" };
  if (kind === "global") return a.role === "ADMIN" && a.communityId === null ? { level: "everywhere" } : null;
  switch (a.role) {
    case "RESIDENT":
    case "BRANCH_SECRETARY":
      return kind === "courtyard" && a.courtyardId ? { level: "courtyard", id: a.courtyardId } : null;
    case "GRID_WORKER":
      return kind !== "community" && a.gridId ? { level: "grid", id: a.gridId } : null;
    case "STAFF":
      return a.communityId ? { level: "community", id: a.communityId } : null;
    case "ADMIN":
      return a.communityId === null ? { level: "everywhere" } : { level: "community", id: a.communityId };
    // A community's volunteer: only what is about the community as a whole, never a grid or
    // a courtyard by implication. No operation grants it anything yet.
    case "VOLUNTEER":
      return kind === "community" && a.communityId ? { level: "community", id: a.communityId } : null;
    default:
      return null;
  }
}

/** The union of places; a courtyard granted to an own-only role goes to `own`. */
function gather(places: { place: Place; own: boolean }[], userId: string | null, mine = false): Reach {
  const sets = { community: new Set<string>(), grid: new Set<string>(), courtyard: new Set<string>(), own: new Set<string>() };
  let everywhere = false;
  for (const { place, own } of places) {
    if (place.level === "everywhere") everywhere = true;
    else if (place.level === "courtyard" && own) sets.own.add(place.id);
    else sets[place.level].add(place.id);
  }
  return { everywhere, communities: sets.community, grids: sets.grid, courtyards: sets.courtyard, own: sets.own, mine: mine && userId !== null, userId };
}

export function reach(actor: Actor | null, operation: Operation): Reach {
  const rule: Rule = permissions[operation];
  const places = (actor?.roles ?? []).flatMap((a) => {
    const place = rule.roles.includes(a.role) ? placeOf(a, rule.scope) : null;
    return place ? [{ place, own: !!rule.own?.includes(a.role) }] : [];
  });
  return gather(places, actor?.userId ?? null, !!rule.ownAnywhere && places.some((p) => p.own));
}

/** Whether the reach contains the location (the record's requester counts where only own ones are reached). */
export function within(r: Reach, target: Location): boolean {
  if (r.everywhere || r.communities.has(target.communityId)) return true;
  if (r.mine && target.requesterId !== undefined && target.requesterId === r.userId) return true;
  if (target.gridId && r.grids.has(target.gridId)) return true;
  if (!target.courtyardId) return false;
  if (r.courtyards.has(target.courtyardId)) return true;
  return r.own.has(target.courtyardId) && (target.requesterId === undefined || target.requesterId === r.userId);
}

/** Whether the reach is empty: a `where` built from it matches nothing. */
export const reachesNothing = (r: Reach) => !r.everywhere && r.communities.size + r.grids.size + r.courtyards.size + r.own.size === 0 && !r.mine;

/** Operations that need only the role (none) or an unscoped administrator (global) take no target. */
const unplaced = (kind: ScopeKind) => kind === "none" || kind === "global";

/** Whether one role assignment's scope contains the location: the reach of that assignment alone. */
export function covers(assignment: RoleScope, kind: ScopeKind, target?: Location): boolean {
  const place = placeOf(assignment, kind);
  if (!place) return false;
  if (place.level === "everywhere" && unplaced(kind)) return true;
  return !!target && within(gather([{ place, own: false }], null), target);
}

export function can(actor: Actor | null, operation: Operation, target?: Location): boolean {
  if (!actor) return false;
  const r = reach(actor, operation);
  if (unplaced(permissions[operation].scope)) return r.everywhere;
  return !!target && within(r, target);
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.roles.some((a) => a.role === role);
}
