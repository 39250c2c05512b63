import { getTranslations } from "next-intl/server";
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
        <button type="submit" className="min-h-11 rounded-lg border border-gray-400 px-4">{t("signOut")}</button>
      </form>
    </main>
  );
}
