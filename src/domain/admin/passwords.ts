// Temporary passwords an administrator hands over, and the rule for a person's own new
// password. Pure: the hashing lives in src/server/auth/password.ts.
import crypto from "node:crypto";

// No 0/o, 1/l/i: a temporary password is read out over the phone or written on paper.
const LETTERS = "abcdefghjkmnpqrstuvwxyz";
const DIGITS = "23456789";
const ALPHABET = LETTERS + DIGITS;

/** e.g. `k7pm-3xqe-9tfa`: 12 random characters (≈ 61 bits), at least one letter and one digit. */
export function generateTemporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
    const value = chars.join("");
    if (/[a-z]/.test(value) && /\d/.test(value)) return `${value.slice(0, 4)}-${value.slice(4, 8)}-${value.slice(8)}`;
  }
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 64;

/** Why a new password is refused (a key of errors.account), or null when it is acceptable. */
export function passwordProblem(password: string, context: { phone: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "account.passwordTooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "account.passwordTooLong";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "account.passwordWeak";
  if (password.includes(context.phone) || password.includes(context.phone.slice(-8))) return "account.passwordIsPhone";
  return null;
}
