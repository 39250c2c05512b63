// Checking a phone number and password, with throttling. Kept apart from Auth.js so that
// integration tests can call it directly against the database.
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { z } from "zod";
import { db } from "@/server/db/client";
import { throttleKey } from "@/server/http/peer";
import { verifyPassword } from "./password";

export const SESSION_HOURS = 12;
const WINDOW_SECONDS = 15 * 60;

export const credentialsSchema = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/),
  password: z.string().min(1).max(200),
});

// Per number: ten guesses in all, from wherever they come (spreading them over many addresses
// buys nothing). Per address: one client trying many numbers. Addresses are the socket's or a
// trusted proxy's (src/server/http/peer.ts), an IPv6 client counted by its /64.
const limiter = (keyPrefix: string, points: number) =>
  new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix,
    points,
    duration: WINDOW_SECONDS,
    blockDuration: WINDOW_SECONDS,
    clearExpiredByTimeout: false,
  });
const perPhone = limiter("login-phone", 10);
const perAddress = limiter("login-address", 50);

export type SignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: "invalid" | "throttled" };

async function isBlocked(limiter: RateLimiterPrisma, key: string) {
  const state = await limiter.get(key);
  return !!state && state.consumedPoints >= limiter.points;
}

export async function checkCredentials(input: unknown, clientAddress: string): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  // A malformed number is answered like a wrong password: nothing hints at which accounts exist.
  const phone = parsed.success ? parsed.data.phone : String((input as { phone?: unknown })?.phone ?? "").slice(0, 32);
  const address = throttleKey(clientAddress);
  const blocked = await Promise.all([isBlocked(perPhone, phone), isBlocked(perAddress, address)]);
  if (blocked.some(Boolean)) {
    return { ok: false, reason: "throttled" };
  }
  const user = parsed.success
    ? await db.user.findUnique({ where: { phone }, select: { id: true, passwordHash: true, disabledAt: true, passwordExpiresAt: true } })
    : null;
  const valid = await verifyPassword(user?.passwordHash ?? null, parsed.success ? parsed.data.password : "");
  // An expired one-time password is answered like a wrong one: nothing tells which accounts exist.
  const expired = !!user?.passwordExpiresAt && user.passwordExpiresAt <= new Date();
  if (!user || !valid || expired || user.disabledAt) {
    await Promise.all([perPhone.penalty(phone, 1), perAddress.penalty(address, 1)]);
    return { ok: false, reason: "invalid" };
  }
  // The owner is in: their own earlier typos no longer count against the number.
  await perPhone.delete(phone);
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000) },
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

export async function endSession(sessionId: string) {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}
