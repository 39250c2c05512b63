"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/locales";

export async function setLocaleAction(form: FormData) {
  const locale = resolveLocale(String(form.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86400 });
}
