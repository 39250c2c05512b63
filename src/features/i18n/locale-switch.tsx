import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { setLocaleAction } from "./actions";

export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("app")]);
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <Button type="submit" tone="secondary" size="sm" lang={other} aria-label={`${t("language")}: ${t("switchTo")}`}>
        {t("switchTo")}
      </Button>
    </form>
  );
}
