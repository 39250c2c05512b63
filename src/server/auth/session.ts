import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./config";
import { loadActorOnce } from "./actor";
import type { Actor } from "@/server/authz/permissions";

/** The signed-in actor of this request, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return loadActorOnce(session?.sid);
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
