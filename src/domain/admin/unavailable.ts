// A number that has an account outside the administrator's communities (a resident
// elsewhere, a global administrator, a disabled or roleless account) "cannot be used here":
// one answer for all of them, with nothing about the account. That answer still tells that
// the number is taken, which no design can hide while a new number gets its account at once
// (docs/decisions/023-existing-accounts-outside-scope.md); so each such answer is logged
// and an administrator gets only a few of them a day. Once they are spent, creating and
// importing people pauses for that administrator whatever the number, so that the pause
// itself tells nothing.
import { maskPhone } from "@/domain/privacy/mask";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { budget, spend } from "@/server/throttle";
import { recordAudit } from "./audit";
import { userScope } from "./scope";

export const UNAVAILABLE_PER_DAY = 10;
const answers = budget("admin-unavailable-number", UNAVAILABLE_PER_DAY, 24 * 3600);

/** Throws "throttled" while the administrator's answers for today are spent. */
export async function assertAnswersLeft(actor: Actor) {
  const state = await answers.get(actor.userId);
  if (state && state.consumedPoints >= answers.points) throw new AppError("throttled", "admin.unavailableThrottled");
}

/** Which of these numbers belong to accounts the administrator may not reach. */
export async function unavailablePhones(actor: Actor, phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const taken = await db.user.findMany({ where: { phone: { in: phones } }, select: { phone: true } });
  if (taken.length === 0) return new Set();
  const reachable = await db.user.findMany({ where: { AND: [{ phone: { in: taken.map((t) => t.phone) } }, userScope(actor)] }, select: { phone: true } });
  const inside = new Set(reachable.map((r) => r.phone));
  return new Set(taken.map((t) => t.phone).filter((p) => !inside.has(p)));
}

/**
 * Spends the administrator's daily budget on telling that these numbers cannot be used,
 * and logs it; throws "throttled" (telling nothing about which) when it is spent.
 */
export async function discloseUnavailable(actor: Actor, communityId: string | null, phones: string[], source: "create" | "import") {
  if (phones.length === 0) return;
  if (!(await spend(answers, actor.userId, phones.length))) throw new AppError("throttled", "admin.unavailableThrottled");
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      ...(source === "create" ? { action: "user.createRefused", entityType: "user" } : { action: "import.numbersRefused", entityType: "import" }),
      communityId,
      after: { count: phones.length, phone: phones.slice(0, 20).map(maskPhone).join("、") },
    }),
  );
}
