// Temporary passwords an administrator hands over, and the rule for a person's own new
// password. The hashing lives in src/server/auth/password.ts.
import crypto from "node:crypto";
import { nameForms, weakness } from "./password-estimator";

// No 0/o, 1/l/i: a temporary password is read out over the phone or written on paper.
const LETTERS = "abcdefghjkmnpqrstuvwxyz";
const DIGITS = "23456789";
const ALPHABET = LETTERS + DIGITS;

const GROUPS = 4;
const GROUP = 4;

/**
 * A one-time password, e.g. `k7pm-3xqe-9tfa-2hwr`: 16 random characters of 31 (≈ 79 bits), at
 * least one letter and one digit. That much chance is what lets it be stored under a fast
 * salted hash (docs/decisions/020-one-time-passwords.md); four groups of four read well aloud.
 */
export function generateTemporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: GROUPS * GROUP }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    if (/[a-z]/.test(chars) && /\d/.test(chars)) return chars.match(new RegExp(`.{${GROUP}}`, "g"))!.join("-");
  }
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 64;

const weaknessKey = {
  common: "account.passwordCommon",
  pattern: "account.passwordPattern",
  personal: "account.passwordPersonal",
  weak: "account.passwordWeak",
} as const;

/**
 * Why a password a person chooses is refused (a key of errors.account), or null when it is
 * acceptable: too short or long, the phone number or the name (in characters or pinyin) in
 * it, or guessable by the estimator. No rule on character classes: length and unguessability
 * matter, and a sentence of plain words is a good password (NIST SP 800-63B §3.1.1.2).
 */
export async function passwordProblem(password: string, person: { phone: string; name: string }): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return "account.passwordTooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "account.passwordTooLong";
  const lower = password.toLowerCase();
  if (lower.includes(person.phone) || lower.includes(person.phone.slice(-8))) return "account.passwordIsPhone";
  const name = nameForms(person.name);
  if (name.whole.some((form) => lower.replace(/[^\p{L}]/gu, "").includes(form))) return "account.passwordHasName";
  const found = await weakness(password, [person.phone, person.phone.slice(-4), ...name.whole, ...name.parts]);
  return found ? weaknessKey[found] : null;
}
