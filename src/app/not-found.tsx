import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mb-6 text-gray-700">{t("notFoundBody")}</p>
      <Link href="/" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 text-white">
        {t("home")}
      </Link>
    </main>
  );
}
