import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { BackLink, TextLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { OrderForm } from "@/features/orders/components/order-form";
import { activeCategories, residentsForOnBehalf } from "@/features/orders/queries";
import { residentForOnBehalf } from "@/features/orders/queue-options";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, queryString, type SearchParams } from "@/lib/search-params";

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
  const backToResults = q ? `/grid/orders/new?${queryString({ q })}` : "/grid/orders/new";

  return (
    <>
      <BackLink href="/grid" label={t("back")} />
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-4 text-gray-700">{t("intro")}</p>

      <FilterForm action="/grid/orders/new" search columns={1} submitLabel={t("searchSubmit")}>
        <TextField label={t("searchLabel")} name="q" type="search" defaultValue={q} maxLength={50} />
      </FilterForm>

      {requesterId ? (
        requester ? (
          <section aria-labelledby="chosen-title">
            <Card className="mb-6">
              <h2 id="chosen-title" className="text-gray-700">
                {t("chosenTitle")}
              </h2>
              <p className="text-lg font-semibold">{requester.name}</p>
              <p className="text-gray-700">{t("phone", { phone: requester.phone })}</p>
              {requester.home && <p className="text-gray-700">{requester.home}</p>}
              <TextLink href={backToResults} className="mt-1">
                {t("change")}
              </TextLink>
            </Card>
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
          <h2 id="results-title" className="mb-2 text-lg font-semibold">
            {t("results", { count: results.length })}
          </h2>
          {results.length >= RESULT_LIMIT && <p className="mb-2 text-gray-700">{t("tooMany", { count: RESULT_LIMIT })}</p>}
          <ul className="space-y-3">
            {results.map((r) => (
              <Card as="li" key={r.id}>
                <p id={`resident-${r.id}`}>
                  <span className="block text-lg font-semibold">{r.name}</span>
                  <span className="block text-gray-700">{t("phone", { phone: r.phone })}</span>
                  {r.home && <span className="block text-gray-700">{r.home}</span>}
                </p>
                <ButtonLink href={`/grid/orders/new?${queryString({ q, requesterId: r.id })}`} aria-describedby={`resident-${r.id}`} className="mt-2">
                  {t("choose")}
                </ButtonLink>
              </Card>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
