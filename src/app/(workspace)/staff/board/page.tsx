import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { BoardPostList } from "@/features/staff/components/board-post-list";
import { boardPosts } from "@/features/staff/queries";
import { requireWorkspace } from "@/server/auth/guards";
import { pageOf, type SearchParams } from "@/lib/search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("staffReview.board"))("title") };
}

// 院落公示: what the community's residents published, as neighbours read it; hiding a post
// (with a reason) and restoring it happen on the order's page.
export default async function BoardPosts({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.staff");
  const page = pageOf(await searchParams);
  const [t, posts] = await Promise.all([getTranslations("staffReview.board"), boardPosts(actor, page)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="-mt-2 mb-4 text-lg text-gray-800">{t("intro")}</p>
      <p className="mb-3 text-lg font-medium">{t("count", { count: posts.total })}</p>
      {posts.items.length === 0 ? <EmptyState title={t("empty")} body={t("emptyBody")} /> : <BoardPostList items={posts.items} />}
      <Pagination list={posts} basePath="/staff/board" />
    </>
  );
}
