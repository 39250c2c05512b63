import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "./actions";

export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("app")]);
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={`${t("language")}: ${t("switchTo")}`}
        className="min-h-11 rounded-lg border border-gray-400 bg-white px-3 text-base hover:bg-gray-100"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
