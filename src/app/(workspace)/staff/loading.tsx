import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";

export default function StaffLoading() {
  const t = useTranslations("staffReview");
  return (
    <Card role="status" className="text-center text-xl">
      <span aria-hidden="true" className="mr-2 inline-block animate-spin motion-reduce:animate-none">
        ◌
      </span>
      {t("loading")}
    </Card>
  );
}
