// One-time passwords: what an administrator hands each person who has no password of their
// own yet (a new account, an import, a reset). Each person gets their own, it works until the
// person chooses a password at the first sign-in or until it expires, and only a salted hash
// is stored. The secrets themselves leave the server once, in the answer to the administrator
// who issued them, as slips to print and an .xlsx (docs/decisions/020-one-time-passwords.md).
import { maskPhone } from "@/domain/privacy/mask";
import { readNumberSetting, writeNumberSetting, type NumberSetting } from "@/domain/settings";
import { hashOneTimePassword } from "@/server/auth/password";
import type { Actor } from "@/server/authz/permissions";
import type { Tx } from "./audit";
import { generateTemporaryPassword } from "./passwords";

/** Days an unused one-time password keeps working. */
export const oneTimePasswordDaysSetting: NumberSetting = {
  key: "accounts.oneTimePasswordDays",
  fallback: 14,
  min: 1,
  max: 90,
  message: "admin.oneTimeDaysRange",
};

export const oneTimePasswordDays = (client?: Pick<Tx, "setting">) => readNumberSetting(oneTimePasswordDaysSetting, client);

export async function setOneTimePasswordDays(actor: Actor, input: unknown) {
  return { days: await writeNumberSetting(actor, oneTimePasswordDaysSetting, input, "days") };
}

/** A fresh secret and what is stored of it. */
export function issueOneTimePassword(): { password: string; passwordHash: string } {
  const password = generateTemporaryPassword();
  return { password, passwordHash: hashOneTimePassword(password) };
}

export const expiryAfter = (days: number, now = new Date()) => new Date(now.getTime() + days * 86_400_000);

/** One person's slip: enough to recognise whose it is and to sign in, nothing more. */
export type Slip = { name: string; maskedPhone: string; place: string; password: string; expiresAt: string };

export function slipOf(person: { name: string; phone: string; place?: string }, password: string, expiresAt: Date): Slip {
  return { name: person.name, maskedPhone: maskPhone(person.phone), place: person.place ?? "", password, expiresAt: expiresAt.toISOString() };
}

/** "府河小区 3栋 2单元 501": where a slip is to be delivered. */
export const placeOf = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" ");

/** Slips in the order a grid worker walks them: by place, then name. */
export const byPlace = (a: Slip, b: Slip) => a.place.localeCompare(b.place, "zh-CN", { numeric: true }) || a.name.localeCompare(b.name, "zh-CN");
