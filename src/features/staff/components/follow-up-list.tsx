// 回访中: whom to call about which poor rating, by when; the follow-up itself (记录回访, 完结,
// 退回网格) is recorded on the order's page, in its timeline.
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { FollowUpItem } from "../queries";
import { BandBadge } from "./rating-list";
import { RevealPhone } from "./reveal-phone";
import { linkClass } from "./ui";

const dimensions = ["goal", "timing", "form", "conduct"] as const;

export function FollowUpList({ items }: { items: FollowUpItem[] }) {
  const t = useTranslations("staffReview");
  const tScore = useTranslations("orderPage.rating");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ul className="space-y-4">
      {items.map((o) => (
        <li key={o.id} className={`rounded-2xl bg-white p-4 ${o.overdue ? "ring-2 ring-red-400" : "ring-1 ring-gray-200"}`}>
          <p className="flex flex-wrap items-center gap-2">
            {o.rating && <BandBadge minScore={o.rating.minScore} />}
            {o.overdue && (
              <span className="inline-block rounded-full bg-red-700 px-2.5 py-0.5 text-base font-semibold text-white">
                <span aria-hidden="true">⚠ </span>
                {t("followUps.overdue")}
              </span>
            )}
          </p>
          <h3 className="mt-2 text-lg font-semibold break-all">{t("ratings.orderLink", { number: o.number, title: o.title })}</h3>
          <p className="text-gray-800">
            {locale === "en" ? o.category.en : o.category.zh} · {o.grid} · {o.courtyard} · {t("followUps.due")}{" "}
            <time dateTime={o.dueAt.toISOString()}>{format.dateTime(o.dueAt, { dateStyle: "medium", timeStyle: "short" })}</time>
          </p>
          {o.rating && (
            <div className="mt-2">
              <p className="text-gray-700">{t("followUps.rating")}：</p>
              <p>
                {dimensions.map((d) => `${tScore(d)} ${o.rating![d]}`).join(" · ")}
              </p>
              {o.rating.comment && <p className="whitespace-pre-wrap break-words">“{o.rating.comment}”</p>}
            </div>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-x-3 border-t border-gray-200 pt-3">
            <span className="text-gray-700">{t("ratings.requester")}：</span>
            <span className="font-medium">{o.requester.name}</span>
            <RevealPhone orderId={o.id} masked={o.requester.maskedPhone} name={o.requester.name} />
          </div>
          <p className="mt-2">
            <Link href={`/orders/${o.id}`} className={linkClass}>
              {t("followUps.record", { number: o.number })}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
