import { getTranslations } from "next-intl/server";
import { Section, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { NoValue } from "@/components/ui/table";
import { listRatings } from "@/domain/metrics/ratings";
import { ExportLinks } from "@/features/staff/components/export-links";
import { RatingList } from "@/features/staff/components/rating-list";
import { RatingsFilters } from "@/features/staff/components/ratings-filters";
import { ratingFilterOptions } from "@/features/staff/queries";
import { ratingsParams, ratingsQuery } from "@/features/staff/schemas";
import { queryString, type SearchParams } from "@/lib/search-params";
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

      <Section id="averages-title" title={t("averagesTitle")} actions={<ExportLinks path="/api/staff/export/ratings" query={queryString(params)} />}>
        <p className="mb-2 text-lg">{t("count", { count: avg.count })}</p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {dimensions.map((d) => (
            <Stat key={d} label={tScore(d)}>
              {avg[d] === null ? <NoValue label={tValues("noneExplained")} /> : t("average", { value: avg[d]!.toFixed(2) })}
            </Stat>
          ))}
        </dl>
      </Section>

      <Section id="ratings-title" title={t("listTitle")}>
        {ratings.items.length === 0 ? <EmptyState title={t("empty")} body={t("emptyBody")} /> : <RatingList items={ratings.items} />}
        <Pagination list={ratings} basePath="/staff/ratings" params={params} />
      </Section>
    </>
  );
}
