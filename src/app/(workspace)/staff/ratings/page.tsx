import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import { listRatings } from "@/domain/metrics/ratings";
import { ExportLinks } from "@/features/staff/components/export-links";
import { RatingList } from "@/features/staff/components/rating-list";
import { RatingsFilters } from "@/features/staff/components/ratings-filters";
import { NoValue, Section } from "@/features/staff/components/ui";
import { ratingFilterOptions } from "@/features/staff/queries";
import { ratingsParams, ratingsQuery, toQueryString } from "@/features/staff/schemas";
import type { SearchParams } from "@/server/http/search-params";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("staffReview.ratings"))("title") };
}

const dimensions = ["goal", "timing", "form", "conduct"] as const;

// 评价审阅: every rating of the community, the poor ones first, filterable, with averages.
export default async function RatingsReview({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.staff");
  const { filters, page } = ratingsQuery(await searchParams);
  const [t, tScore, tValues, options, ratings] = await Promise.all([
    getTranslations("staffReview.ratings"),
    getTranslations("orderPage.rating"),
    getTranslations("staffReview.values"),
    ratingFilterOptions(actor),
    listRatings(actor, filters, page),
  ]);
  const params = ratingsParams(filters);
  const avg = ratings.averages;
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 mb-4 text-lg text-gray-800">{t("intro")}</p>
      <RatingsFilters filters={filters} options={options} />

      <Section id="averages-title" title={t("averagesTitle")} actions={<ExportLinks path="/api/staff/export/ratings" query={toQueryString(params)} />}>
        <p className="mb-2 text-lg">{t("count", { count: avg.count })}</p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {dimensions.map((d) => (
            <div key={d} className="rounded-xl bg-white p-3 ring-1 ring-gray-200">
              <dt className="text-gray-700">{tScore(d)}</dt>
              <dd className="text-2xl font-bold tabular-nums">{avg[d] === null ? <NoValue label={tValues("noneExplained")} /> : t("average", { value: avg[d]!.toFixed(2) })}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="ratings-title" title={t("listTitle")}>
        {ratings.items.length === 0 ? <EmptyState title={t("empty")} body={t("emptyBody")} /> : <RatingList items={ratings.items} />}
        <Pagination page={ratings.page} pages={ratings.pages} total={ratings.total} basePath="/staff/ratings" params={params} />
      </Section>
    </>
  );
}
