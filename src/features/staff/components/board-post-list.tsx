// The community's public posts as neighbours read them: hidden ones marked, and those whose
// text held a phone or door number flagged, each with the way to its order's page.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StatusBadge } from "@/features/orders/components/status-badge";
import type { BoardPost } from "../queries";
import { linkClass } from "./ui";

const badge = "inline-block rounded-full px-2.5 py-0.5 text-base font-semibold";

export function BoardPostList({ items }: { items: BoardPost[] }) {
  const t = useTranslations("staffReview.board");
  const format = useFormatter();
  return (
    <ul className="space-y-4">
      {items.map((p) => (
        <li key={p.id} className={`rounded-2xl bg-white p-4 ${p.holds.phone || p.holds.room ? "ring-2 ring-amber-500" : "ring-1 ring-gray-200"}`}>
          <p className="flex flex-wrap items-center gap-2">
            <StatusBadge status={p.status} />
            {p.hidden && <span className={`${badge} bg-gray-800 text-white`}>{t("hidden")}</span>}
            {p.holds.phone && (
              <span className={`${badge} bg-amber-100 text-amber-950 ring-1 ring-amber-600`}>
                <span aria-hidden="true">⚠ </span>
                {t("holdsPhone")}
              </span>
            )}
            {p.holds.room && (
              <span className={`${badge} bg-amber-100 text-amber-950 ring-1 ring-amber-600`}>
                <span aria-hidden="true">⚠ </span>
                {t("holdsRoom")}
              </span>
            )}
          </p>
          <h3 className="mt-2 text-lg font-semibold break-all">{t("heading", { number: p.number, title: p.title })}</h3>
          <p className="text-gray-800">
            {p.courtyard} · <time dateTime={p.createdAt.toISOString()}>{format.dateTime(p.createdAt, { dateStyle: "medium" })}</time>
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{p.description}</p>
          <p className="mt-3 border-t border-gray-200 pt-3">
            <Link href={`/orders/${p.id}`} className={linkClass}>
              {p.hidden ? t("openToRestore", { number: p.number }) : t("openToHide", { number: p.number })}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
