import Link from "next/link";
import { useTranslations } from "next-intl";
import { queryString, type Paged } from "@/lib/search-params";
import { buttonClass } from "./button";

/** Links to the neighbouring pages of a list from paginate(), keeping the page's other query parameters. */
export function Pagination({
  list,
  basePath,
  params = {},
}: {
  list: Pick<Paged<unknown>, "page" | "pages" | "total">;
  basePath: string;
  params?: Record<string, string | undefined>;
}) {
  const t = useTranslations("ui.pagination");
  const { page, pages, total } = list;
  if (pages <= 1) return null;
  const href = (p: number) => `${basePath}?${queryString({ ...params, page: String(p) })}`;
  const link = buttonClass({ tone: "secondary", size: "sm" });
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-gray-700">{t("page", { page, pages, total })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
