import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
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
      <BackLink href="/resident" label={t("back")} />
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-5 text-gray-800">{t("intro")}</p>
      <Card>
        <OrderForm categories={categories.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn }))} />
      </Card>
    </>
  );
}
