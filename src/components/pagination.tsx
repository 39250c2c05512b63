import Link from "next/link";
import { useTranslations } from "next-intl";

/** Links to the neighbouring pages, keeping the other query parameters. */
export function Pagination({ page, pages, total, basePath, params = {} }: { page: number; pages: number; total: number; basePath: string; params?: Record<string, string | undefined> }) {
  const t = useTranslations("orders.pagination");
  if (pages <= 1) return null;
  const href = (p: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => !!e[1]));
    return `${basePath}?${query}`;
  };
  const link = "inline-flex min-h-11 items-center rounded-lg bg-white px-4 ring-1 ring-gray-300 hover:bg-gray-100";
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? <Link href={href(page - 1)} className={link}>{t("previous")}</Link> : <span />}
      <span className="text-gray-700">{t("page", { page, pages, total })}</span>
      {page < pages ? <Link href={href(page + 1)} className={link}>{t("next")}</Link> : <span />}
    </nav>
  );
}
