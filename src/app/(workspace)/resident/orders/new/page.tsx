import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { OrderForm } from "@/features/orders/components/order-form";
import { activeCategories } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orderPage.form");
  return { title: t("title") };
}

export default async function NewOrderPage() {
  await requireWorkspace("workspace.resident");
  const [t, categories] = await Promise.all([getTranslations("orderPage.form"), activeCategories()]);
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
      <div className="rounded-2xl bg-white p-4 ring-1 ring-gray-200 sm:p-6">
        <OrderForm categories={categories.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn }))} />
      </div>
    </>
  );
}
