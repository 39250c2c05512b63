import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import { BoardList } from "@/features/orders/components/board-list";
import { publicBoard } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";
import { pageOf, type SearchParams } from "@/server/http/search-params";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orderPage.board");
  return { title: t("title") };
}

export default async function BoardPage({ searchParams }: Props) {
  const actor = await requireWorkspace("workspace.resident");
  const [t, board] = await Promise.all([
    getTranslations("orderPage.board"),
    publicBoard(actor, pageOf(await searchParams)),
  ]);
  return (
    <>
      <p className="mb-2">
        <Link href="/resident" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4">
          <span aria-hidden="true">←&nbsp;</span>
          {t("back")}
        </Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-5 text-gray-800">{t("intro")}</p>
      {board.items.length === 0 ? <EmptyState title={t("emptyTitle")} body={t("emptyBody")} /> : <BoardList items={board.items} />}
      <Pagination page={board.page} pages={board.pages} total={board.total} basePath="/resident/board" />
    </>
  );
}
