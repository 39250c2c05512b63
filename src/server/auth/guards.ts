import "server-only";
import { notFound } from "next/navigation";
import { can, type Actor, type Operation } from "@/server/authz/permissions";
import { requireActor } from "./session";

/** For workspace pages: the signed-in actor holding the role, else 404 (never a hint). */
export async function requireWorkspace(operation: Operation): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, operation)) notFound();
  return actor;
}
