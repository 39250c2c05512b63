import "server-only";
import { cache } from "react";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/authz/permissions";

/**
 * The signed-in person for a session id, read from the database on every request so
 * that a disabled account, an ended session or a changed role takes effect at once.
 */
export async function loadActor(sessionId: string | undefined | null): Promise<Actor | null> {
  if (!sessionId) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          name: true,
          phone: true,
          disabledAt: true,
          mustChangePassword: true,
          roles: {
            select: { role: true, communityId: true, gridId: true, courtyardId: true },
            orderBy: { createdAt: "asc" },
          },
        },
      },
    },
  });
  if (!session || session.expiresAt < new Date() || session.user.disabledAt) return null;
  const { user } = session;
  return {
    userId: user.id,
    sessionId,
    name: user.name,
    phone: user.phone,
    mustChangePassword: user.mustChangePassword,
    roles: user.roles,
  };
}

export const loadActorOnce = cache(loadActor);
