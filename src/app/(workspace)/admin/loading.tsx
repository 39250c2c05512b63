import { getTranslations } from "next-intl/server";

/** Shown while a console page loads (navigation between sections, filters, pages). */
export default async function Loading() {
  const t = await getTranslations("admin");
  return (
    <div role="status" className="flex min-h-32 items-center justify-center gap-3 text-lg text-gray-700">
      <span aria-hidden="true" className="h-6 w-6 animate-spin rounded-full border-4 border-gray-300 border-t-brand-700" />
      {t("loading")}
    </div>
  );
}
