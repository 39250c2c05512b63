"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/locales";
import { isFormInput } from "@/server/action";

export async function setLocaleAction(form: FormData) {
  if (!isFormInput(form)) return;
  const locale = resolveLocale(String(form.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86400 });
}
