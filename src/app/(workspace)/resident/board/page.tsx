import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { BackLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { BoardList } from "@/features/orders/components/board-list";
import { publicBoard } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";
import { pageOf, type SearchParams } from "@/lib/search-params";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orderPage.board");
  return { title: t("title") };
}

export default async function BoardPage({ searchParams }: Props) {
  const actor = await requireWorkspace("workspace.resident");
  const [t, board] = await Promise.all([getTranslations("orderPage.board"), publicBoard(actor, pageOf(await searchParams))]);
  return (
    <>
      <BackLink href="/resident" label={t("back")} />
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-5 text-gray-800">{t("intro")}</p>
      {board.items.length === 0 ? <EmptyState title={t("emptyTitle")} body={t("emptyBody")} /> : <BoardList items={board.items} />}
      <Pagination list={board} basePath="/resident/board" />
    </>
  );
}
