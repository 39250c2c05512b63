// 导出: links to the export route handlers with the page's own filters; the handlers check
// the role and scope again.
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export function ExportLinks({ path, query, hint }: { path: string; query: string; hint?: string }) {
  const t = useTranslations("staffReview.overview");
  const href = (format: string) => `${path}?${query}${query ? "&" : ""}format=${format}`;
  return (
    <div className="print:hidden">
      <div className="flex flex-wrap gap-2">
        <a href={href("xlsx")} download className={buttonClass({ tone: "secondary" })}>
          {t("exportXlsx")}
        </a>
        <a href={href("csv")} download className={buttonClass({ tone: "secondary" })}>
          {t("exportCsv")}
        </a>
      </div>
      {hint && <p className="mt-1 text-base text-gray-700">{hint}</p>}
    </div>
  );
}
