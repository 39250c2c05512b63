// New one-time passwords, at once, for every resident of a community still waiting to sign in
// for the first time: for the administrator who closed an import's page before printing its
// slips (the secrets are never kept, docs/decisions/020-one-time-passwords.md), or whose
// residents let theirs expire. Only accounts the administrator may change are included.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/authz/permissions";
import { communityScope } from "@/server/authz/scope";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { recordAudit } from "./audit";
import { byPlace, expiryAfter, issueOneTimePassword, oneTimePasswordDays, placeOf, slipOf, type Slip } from "./one-time-passwords";
import { assignmentWithPlace, isManageable } from "./people-scope";
import { id } from "./schemas";

/** As many as one import may create. */
export const MAX_REISSUE = 20_000;
const BATCH = 5_000;

const input = z.object({ communityId: id });

export async function reissueOneTimePasswords(actor: Actor, raw: unknown): Promise<{ slips: Slip[] }> {
  const { communityId } = input.parse(raw);
  const community = await db.community.findFirst({
    where: { AND: [{ id: communityId }, communityScope(actor, "users.manage")] },
    select: { id: true, name: true },
  });
  if (!community) throw notFoundError();
  const home = { courtyard: { grid: { communityId } } };
  const waiting = await db.user.findMany({
    where: { mustChangePassword: true, disabledAt: null, id: { not: actor.userId }, residences: { some: home } },
    select: {
      id: true,
      name: true,
      phone: true,
      roles: assignmentWithPlace,
      residences: {
        select: {
          unit: true,
          room: true,
          building: { select: { number: true } },
          courtyard: { select: { name: true, grid: { select: { communityId: true } } } },
        },
      },
    },
    orderBy: { id: "asc" },
    take: MAX_REISSUE + 1,
  });
  if (waiting.length > MAX_REISSUE) throw new AppError("invalid_input", "admin.reissueTooMany", { max: MAX_REISSUE });
  const people = waiting.filter((u) => isManageable(actor, u));
  if (people.length === 0) return { slips: [] };

  const secrets = new Map(people.map((u) => [u.id, issueOneTimePassword()]));
  const expiresAt = expiryAfter(await oneTimePasswordDays());
  const expires = Prisma.sql`(${expiresAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const renewed = await db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < people.length; i += BATCH) {
      const batch = people.slice(i, i + BATCH);
      // Still waiting: someone who chose their own password meanwhile keeps it, and gets no slip.
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "User" AS u SET "passwordHash" = v.hash, "passwordExpiresAt" = ${expires}, "updatedAt" = (now() AT TIME ZONE 'UTC')
        FROM unnest(${batch.map((u) => u.id)}::text[], ${batch.map((u) => secrets.get(u.id)!.passwordHash)}::text[]) AS v(id, hash)
        WHERE u."id" = v.id AND u."mustChangePassword"
        RETURNING u."id"`;
      ids.push(...rows.map((r) => r.id));
    }
    await tx.userSession.deleteMany({ where: { userId: { in: ids } } });
    await recordAudit(tx, actor, {
      action: "user.reissueOneTimePasswords",
      entityType: "user",
      communityId: community.id,
      after: { community: community.name, count: ids.length },
    });
    return new Set(ids);
  });

  const slips = people
    .filter((u) => renewed.has(u.id))
    .map((u) => {
      const h = u.residences.find((r) => r.courtyard.grid.communityId === communityId);
      return slipOf({ ...u, place: placeOf([h?.courtyard.name, h?.building?.number, h?.unit, h?.room]) }, secrets.get(u.id)!.password, expiresAt);
    });
  return { slips: slips.sort(byPlace) };
}
