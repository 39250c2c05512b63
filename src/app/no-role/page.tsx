import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/features/auth/actions";
import { requireActor } from "@/server/auth/guards";

export default async function NoRole() {
  await requireActor();
  const t = await getTranslations("noRole");
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-gray-700">{t("body")}</p>
      <form action={signOutAction}>
        <Button type="submit" tone="secondary">
          {t("signOut")}
        </Button>
      </form>
    </main>
  );
}
