import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./locales";
import { loadMessages } from "./messages";

// No locale in the URL: residents share links by chat, and a link must open in the
// reader's own language. The choice lives in a cookie (docs/decisions/006-i18n.md).
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" };
});
