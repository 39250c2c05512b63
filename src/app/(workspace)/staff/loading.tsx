import { useTranslations } from "next-intl";

export default function StaffLoading() {
  const t = useTranslations("staffReview");
  return (
    <div role="status" className="rounded-2xl bg-white p-6 text-center text-xl ring-1 ring-gray-200">
      <span aria-hidden="true" className="mr-2 inline-block animate-spin motion-reduce:animate-none">
        ◌
      </span>
      {t("loading")}
    </div>
  );
}
