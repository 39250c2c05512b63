import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { FollowUpList } from "@/features/staff/components/follow-up-list";
import { followUpQueue } from "@/features/staff/queries";
import { pageOf, type SearchParams } from "@/lib/search-params";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("staffReview.followUps"))("title") };
}

// 回访: orders reopened by a poor rating, the nearest deadline first.
export default async function FollowUps({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.staff");
  const page = pageOf(await searchParams);
  const [t, queue] = await Promise.all([getTranslations("staffReview.followUps"), followUpQueue(actor, page)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 mb-4 text-lg text-gray-800">{t("intro")}</p>
      <p className="mb-3 text-lg font-medium">{t("count", { count: queue.total })}</p>
      {queue.items.length === 0 ? <EmptyState title={t("empty")} body={t("emptyBody")} /> : <FollowUpList items={queue.items} />}
      <Pagination list={queue} basePath="/staff/follow-ups" />
    </>
  );
}
