"use client";
import { useTranslations } from "next-intl";
import { buttonClass } from "./ui";

export function PrintButton() {
  const t = useTranslations("staffReview.report");
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass} print:hidden`}>
      {t("print")}
    </button>
  );
}
