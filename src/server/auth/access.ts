// The one rule every entry point applies before doing anything for a caller — pages
// (requireWorkspace, requireActor), server actions (runAction) and route handlers
// (withActor): no session, or a disabled account (loadActor answers null for both) → signed
// out; a password an administrator set and the person has not replaced yet → nothing but
// changing it (and signing out); without the operation's role → not found.
import { can, type Actor, type Operation } from "@/server/authz/permissions";

/** Where a person whose password an administrator set must choose their own first. */
export const CHANGE_PASSWORD_PATH = "/account/password";

export type Refusal = "unauthenticated" | "mustChangePassword" | "notFound";

export type Need = {
  /** The operation whose role the caller must hold (scope is checked by the data layer). */
  operation?: Operation;
  /** Only for changing one's own password: open to a person still on a one-time password. */
  allowPendingPasswordChange?: boolean;
};

export function refusalOf(actor: Actor | null, need: Need = {}): Refusal | null {
  if (!actor) return "unauthenticated";
  if (actor.mustChangePassword && !need.allowPendingPasswordChange) return "mustChangePassword";
  if (need.operation && !can(actor, need.operation)) return "notFound";
  return null;
}
