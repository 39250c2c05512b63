import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) at 46 MiB, one pass: OWASP's second
// recommended setting (docs/security.md).
const OPTIONS = { memoryCost: 47_104, timeCost: 1, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

// A one-time password an administrator issues is random (≈ 79 bits, generateTemporaryPassword)
// and lives days, not years: a salted SHA-256 resists an offline search as well as argon2id
// does a chosen password, and 10,000 of them hash in milliseconds instead of minutes
// (docs/decisions/020-one-time-passwords.md). Stored in PHC-like form beside argon2id hashes.
const ONE_TIME = "$linli-otp-sha256$";

const digest = (salt: Buffer, secret: string) => crypto.createHash("sha256").update(salt).update(secret, "utf8").digest();

export function hashOneTimePassword(secret: string): string {
  const salt = crypto.randomBytes(16);
  return `${ONE_TIME}${salt.toString("base64url")}$${digest(salt, secret).toString("base64url")}`;
}

export const isOneTimeHash = (storedHash: string) => storedHash.startsWith(ONE_TIME);

function verifyOneTime(storedHash: string, password: string): boolean {
  const [salt, expected] = storedHash.slice(ONE_TIME.length).split("$");
  if (!salt || !expected) return false;
  const actual = digest(Buffer.from(salt, "base64url"), password);
  const wanted = Buffer.from(expected, "base64url");
  return wanted.length === actual.length && crypto.timingSafeEqual(wanted, actual);
}

// Checked against when the phone number is unknown, so that both answers take as long.
let dummy: Promise<string> | undefined;
async function spendLikeArgon2(password: string) {
  dummy ??= hashPassword("linli-unknown-account");
  await verify(await dummy, password).catch(() => false);
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    await spendLikeArgon2(password);
    return false;
  }
  if (isOneTimeHash(storedHash)) {
    // As slow as any other account's answer: the time must not tell whose account is new.
    await spendLikeArgon2(password);
    return verifyOneTime(storedHash, password);
  }
  return verify(storedHash, password).catch(() => false);
}
