// 办理记录: every event of the order, oldest first, with who did it, the status change, the
// note and the photos (each opening the full image).
import { useFormatter, useTranslations } from "next-intl";
import { Card, Section } from "@/components/ui/card";
import type { OrderDetail } from "@/features/orders/queries";

export function OrderTimeline({ timeline }: { timeline: OrderDetail["timeline"] }) {
  const t = useTranslations("orderPage.detail");
  const tEvent = useTranslations("orderPage.events");
  const tSays = useTranslations("orderPage.eventNotes");
  const tStatus = useTranslations("orders.status");
  const format = useFormatter();
  return (
    <Section id="order-timeline" title={t("timeline")}>
      {timeline.length === 0 ? (
        <p className="text-gray-700">{t("timelineEmpty")}</p>
      ) : (
        <ol className="space-y-0 border-l-4 border-gray-300 pl-0">
          {timeline.map((e) => {
            const who = e.actor ?? (e.byRequester ? t("resident") : t("system"));
            const change = e.to && e.from !== e.to ? (e.from ? `${tStatus(e.from)} → ${tStatus(e.to)}` : tStatus(e.to)) : null;
            // A rating's note repeats its scores and comment, shown under 满意度 to those who
            // may read them; a neighbour is not shown another resident's comment here.
            const note = e.type === "RATED" ? "" : e.note;
            // What the system said (转派至…, 代点单 …), in the reader's language.
            const says = e.says && tSays.has(e.says.kind) ? tSays(e.says.kind, e.says.params) : null;
            return (
              <li key={e.id} className="relative ml-0 pb-5 pl-5 last:pb-0">
                <span aria-hidden="true" className="absolute top-2 -left-[11px] h-4 w-4 rounded-full border-2 border-white bg-gray-500" />
                <p className="flex flex-wrap items-baseline gap-x-3">
                  <span className="text-lg font-semibold">{tEvent(e.type)}</span>
                  <time dateTime={e.at.toISOString()} className="text-gray-700">
                    {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </p>
                <p className="text-gray-800">{who}</p>
                {change && (
                  <p className="text-gray-800">
                    <span className="sr-only">{t("statusChange")}</span>
                    {change}
                  </p>
                )}
                {says && <p className="text-gray-800">{says}</p>}
                {note && <Card className="mt-1 whitespace-pre-wrap break-words">{note}</Card>}
                {e.photos.length > 0 && (
                  <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("photos")}>
                    {e.photos.map((id) => {
                      const src = `/api/photos/${encodeURIComponent(id)}`;
                      return (
                        <li key={id}>
                          <a href={src} className="block rounded-lg">
                            {/* eslint-disable-next-line @next/next/no-img-element -- a private photo served by scope */}
                            <img src={src} alt={t("photo")} loading="lazy" className="h-24 w-24 rounded-lg border border-gray-300 object-cover" />
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
