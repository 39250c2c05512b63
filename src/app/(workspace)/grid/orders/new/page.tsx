import Link from "next/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { OrderForm } from "@/features/orders/components/order-form";
import { activeCategories, residentsForOnBehalf } from "@/features/orders/queries";
import { residentForOnBehalf } from "@/features/orders/queue-options";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/server/http/search-params";

/** residentsForOnBehalf answers at most this many. */
const RESULT_LIMIT = 20;

const querySchema = z.object({ q: field.text(50), requesterId: field.id() });

export async function generateMetadata() {
  return { title: (await getTranslations("grid.onBehalf"))("title") };
}

export default async function PlaceOnBehalfPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.grid");
  const { q, requesterId } = parseSearchParams(querySchema, await searchParams);
  const t = await getTranslations("grid.onBehalf");

  const [requester, categories, results] = await Promise.all([
    requesterId ? residentForOnBehalf(actor, requesterId) : null,
    requesterId ? activeCategories() : [],
    // Once a resident is chosen the form takes the place of the results.
    requesterId ? [] : residentsForOnBehalf(actor, q),
  ]);
  const backToResults = q ? `/grid/orders/new?${new URLSearchParams({ q })}` : "/grid/orders/new";

  return (
    <>
      <p className="mb-2">
        <Link href="/grid" className="inline-flex min-h-11 items-center text-blue-800 underline">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-4 text-gray-700">{t("intro")}</p>

      <form method="get" action="/grid/orders/new" role="search" className="mb-6 rounded-2xl bg-white p-4 ring-1 ring-gray-200">
        <label htmlFor="resident-search" className="block font-medium">{t("searchLabel")}</label>
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id="resident-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={50}
            autoComplete="off"
            className="block min-h-12 min-w-0 flex-1 basis-48 rounded-lg border border-gray-400 px-3 text-lg"
          />
          <button type="submit" className="min-h-12 rounded-lg bg-gray-900 px-5 text-lg font-semibold text-white hover:bg-gray-700">
            {t("searchSubmit")}
          </button>
        </div>
      </form>

      {requesterId ? (
        requester ? (
          <section aria-labelledby="chosen-title">
            <div className="mb-6 rounded-xl bg-white p-4 ring-1 ring-gray-200">
              <h2 id="chosen-title" className="text-gray-700">{t("chosenTitle")}</h2>
              <p className="text-lg font-semibold">{requester.name}</p>
              <p className="text-gray-700">{t("phone", { phone: requester.phone })}</p>
              {requester.home && <p className="text-gray-700">{requester.home}</p>}
              <Link href={backToResults} className="mt-1 inline-flex min-h-11 items-center text-blue-800 underline">
                {t("change")}
              </Link>
            </div>
            <OrderForm
              categories={categories.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn }))}
              requester={{ id: requester.id, name: requester.name }}
            />
          </section>
        ) : (
          <EmptyState title={t("notFound")} body={t("notFoundBody")} />
        )
      ) : !q ? (
        <EmptyState title={t("prompt")} body={t("promptBody")} />
      ) : results.length === 0 ? (
        <EmptyState title={t("noMatch")} body={t("noMatchBody")} />
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="mb-2 text-lg font-semibold">{t("results", { count: results.length })}</h2>
          {results.length >= RESULT_LIMIT && <p className="mb-2 text-gray-700">{t("tooMany", { count: RESULT_LIMIT })}</p>}
          <ul className="space-y-3">
            {results.map((r) => (
              <li key={r.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
                <p id={`resident-${r.id}`}>
                  <span className="block text-lg font-semibold">{r.name}</span>
                  <span className="block text-gray-700">{t("phone", { phone: r.phone })}</span>
                  {r.home && <span className="block text-gray-700">{r.home}</span>}
                </p>
                <Link
                  href={`/grid/orders/new?${new URLSearchParams({ q, requesterId: r.id })}`}
                  aria-describedby={`resident-${r.id}`}
                  className="mt-2 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-4 text-lg font-semibold text-white hover:bg-brand-800"
                >
                  {t("choose")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
