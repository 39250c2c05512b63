import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
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
        <p role="note" className="mb-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          {t("mustChange")}
        </p>
      ) : (
        <p className="mb-4 text-gray-700">{t("intro")}</p>
      )}
      <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
        <ChangePasswordForm />
      </div>
    </div>
  );
}
