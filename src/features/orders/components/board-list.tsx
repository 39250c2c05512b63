"use client";
// 院落公示: the courtyard's public orders, anonymised by the query (no name, phone or room;
// none may be added here). Neighbours say 同需 ("me too") once per order.
import { useActionState, useId } from "react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ActionResult } from "@/server/action";
import { meTooAction } from "@/features/orders/actions";
import type { BoardItem } from "@/features/orders/queries";
import { ResultAlert } from "./order-detail/fields";
import { StatusBadge } from "./status-badge";

function MeTooButton({ orderId }: { orderId: string }) {
  const t = useTranslations("orderPage.board");
  const tPage = useTranslations("orderPage");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(
    (previous, form) => meTooAction(previous, form).catch((): ActionResult => ({ ok: false, error: tPage("networkError") })),
    null,
  );
  if (state?.ok) {
    return (
      <p role="status" className="inline-flex min-h-11 items-center font-semibold text-green-900">
        <span aria-hidden="true">✓&nbsp;</span>
        {t("meTooDone")}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 items-center rounded-lg border-2 border-brand-700 bg-white px-5 text-lg font-semibold text-brand-700 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? tPage("submitting") : t("meToo")}
      </button>
      <ResultAlert label={t("resultLabel")} message={state && !state.ok ? state.error : null} />
    </form>
  );
}

function BoardCard({ item }: { item: BoardItem }) {
  const t = useTranslations("orderPage.board");
  const tOrders = useTranslations("orders");
  const format = useFormatter();
  const locale = useLocale();
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={item.status} />
        <span className="text-gray-700">{tOrders("number", { number: item.number })}</span>
        {item.mine && <span className="rounded-full bg-gray-100 px-2.5 py-0.5 text-base font-medium ring-1 ring-gray-300">{t("mine")}</span>}
      </p>
      <h2 id={titleId} className="mt-2 text-xl font-bold">
        {item.title}
      </h2>
      <p className="text-gray-700">
        {locale === "en" ? item.category.en : item.category.zh} · {item.courtyard} ·{" "}
        <time dateTime={new Date(item.createdAt).toISOString()}>{format.dateTime(new Date(item.createdAt), { dateStyle: "medium" })}</time>
      </p>
      <p className="mt-2 whitespace-pre-wrap break-words">{item.description}</p>
      <p className="mt-2 font-medium">{t("meTooCount", { count: item.meTooCount })}</p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {item.canMeToo ? (
          <MeTooButton orderId={item.id} />
        ) : (
          item.meTooByMe && (
            <p className="inline-flex min-h-11 items-center font-semibold text-green-900">
              <span aria-hidden="true">✓&nbsp;</span>
              {t("meTooDone")}
            </p>
          )
        )}
        <Link
          href={`/orders/${item.id}`}
          className="inline-flex min-h-11 items-center rounded-lg bg-white px-5 text-lg font-medium ring-1 ring-gray-400 hover:bg-gray-100"
        >
          {t("view")}
        </Link>
      </div>
    </article>
  );
}

export function BoardList({ items }: { items: BoardItem[] }) {
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id}>
          <BoardCard item={item} />
        </li>
      ))}
    </ul>
  );
}
