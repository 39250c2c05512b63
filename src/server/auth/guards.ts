import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor, Operation } from "@/server/authz/permissions";
import { CHANGE_PASSWORD_PATH, refusalOf, type Need } from "./access";
import { currentActor } from "./session";

export { CHANGE_PASSWORD_PATH };

/**
 * For pages: the signed-in actor, else the sign-in page. A person still on a one-time password
 * is sent to change it first, from every page but that one (docs/decisions/022-entry-guard.md).
 */
export async function requireActor(need: Omit<Need, "operation"> = {}): Promise<Actor> {
  const actor = await currentActor();
  const refused = refusalOf(actor, need);
  if (refused === "unauthenticated") redirect("/login");
  if (refused === "mustChangePassword") redirect(CHANGE_PASSWORD_PATH);
  return actor!;
}

/** For workspace pages: as requireActor, and holding the role, else 404 (never a hint). */
export async function requireWorkspace(operation: Operation): Promise<Actor> {
  const actor = await requireActor();
  if (refusalOf(actor, { operation })) notFound();
  return actor;
}
