import "server-only";
import { notFound, redirect } from "next/navigation";
import { can, type Actor, type Operation } from "@/server/authz/permissions";
import { requireActor } from "./session";

/** Where a person whose password an administrator set must choose their own first. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * For workspace pages: the signed-in actor holding the role, else 404 (never a hint). A
 * person still on a temporary password is sent to change it first.
 */
export async function requireWorkspace(operation: Operation): Promise<Actor> {
  const actor = await requireActor();
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!can(actor, operation)) notFound();
  return actor;
}
