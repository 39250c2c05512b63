import "server-only";
import { cache } from "react";
import { auth } from "./config";
import { loadActorOnce } from "./actor";
import type { Actor } from "@/server/authz/permissions";

/** The signed-in actor of this request, or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return loadActorOnce(session?.sid);
});
