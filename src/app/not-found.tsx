import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mb-6 text-gray-700">{t("notFoundBody")}</p>
      <ButtonLink href="/">{t("home")}</ButtonLink>
    </main>
  );
}
