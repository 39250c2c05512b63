// A person changes their own password — at will, and necessarily after an administrator
// issued a one-time one (mustChangePassword). The new one must pass the password rule
// (./passwords.ts); their other browsers are signed out.
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { recordAudit } from "./audit";
import { passwordProblem } from "./passwords";

const input = z.object({
  current: z.string().min(1, "account.currentRequired").max(200, "account.passwordWrong"),
  next: z.string().max(200, "account.passwordTooLong"),
  confirm: z.string(),
});

// A stolen session must not become a way to guess the password: 10 wrong current passwords
// per account in 15 minutes, then a 15-minute pause (like sign-in, docs/decisions/004).
const wrongCurrent = new RateLimiterPrisma({
  storeClient: db,
  tableName: "rateLimiterFlexible",
  keyPrefix: "password-change",
  points: 10,
  duration: 15 * 60,
  blockDuration: 15 * 60,
  clearExpiredByTimeout: false,
});

const fieldError = (field: string, message: string) => new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);

export async function changeOwnPassword(actor: Actor, raw: unknown) {
  const data = input.parse(raw);
  const problem = await passwordProblem(data.next, { phone: actor.phone, name: actor.name });
  if (problem) throw fieldError("next", problem);
  if (data.next !== data.confirm) throw fieldError("confirm", "account.passwordMismatch");
  if (data.next === data.current) throw fieldError("next", "account.passwordSameAsOld");

  const attempts = await wrongCurrent.get(actor.userId);
  if (attempts && attempts.consumedPoints >= wrongCurrent.points) throw new AppError("throttled", "account.throttled");
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, passwordExpiresAt: true } });
  if (!user || !(await verifyPassword(user.passwordHash, data.current))) {
    await wrongCurrent.penalty(actor.userId, 1);
    throw fieldError("current", "account.passwordWrong");
  }
  await wrongCurrent.delete(actor.userId);
  // Signed in before it expired: the person is who they say, but the secret is spent.
  if (user.passwordExpiresAt && user.passwordExpiresAt <= new Date()) throw fieldError("current", "account.oneTimeExpired");

  const passwordHash = await hashPassword(data.next);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: actor.userId, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, passwordExpiresAt: null },
    });
    if (count === 0) throw new AppError("conflict", "account.passwordChangedElsewhere");
    await tx.userSession.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } });
    await recordAudit(tx, actor, { action: "password.change", entityType: "user", entityId: actor.userId, communityId: null, after: { name: actor.name } });
  });
}
