import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { ChangePasswordForm } from "@/features/admin/components/change-password-form";
import { requireActor } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** Anyone signed in; the only page open to a person still on a temporary password. */
export default async function ChangePasswordPage() {
  const actor = await requireActor({ allowPendingPasswordChange: true });
  const t = await getTranslations("account");
  return (
    <div className="mx-auto max-w-lg">
      <PageTitle>{t("title")}</PageTitle>
      {actor.mustChangePassword ? (
        <Notice tone="warn" role="note" className="mb-4">
          {t("mustChange")}
        </Notice>
      ) : (
        <p className="mb-4 text-gray-700">{t("intro")}</p>
      )}
      <Card>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
