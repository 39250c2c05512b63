import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) at 46 MiB, one pass: OWASP's second
// recommended setting and QUALITY.md §3.
const OPTIONS = { memoryCost: 47_104, timeCost: 1, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Checked against when the phone number is unknown, so that both answers take as long.
let dummy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummy ??= hashPassword("linli-unknown-account");
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
