import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/features/auth/login-form";
import { DEMO_PASSWORD, demoAccounts } from "@/features/auth/demo-accounts";
import { LocaleSwitch } from "@/features/i18n/locale-switch";
import { homePath } from "@/features/workspaces/workspaces";
import { currentActor } from "@/server/auth/session";
import { isDemo } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(homePath(actor));
  const [t, tApp, tRoles] = await Promise.all([getTranslations("login"), getTranslations("app"), getTranslations("roles")]);
  const { signedOut } = await searchParams;

  return (
    <main className="mx-auto max-w-md px-4 py-8">
      <div className="mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="text-3xl font-bold text-brand-700">{tApp("name")}</p>
          <p className="text-gray-700">{tApp("tagline")}</p>
        </div>
        <LocaleSwitch />
      </div>
      <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-5 text-gray-700">{t("intro")}</p>
        {signedOut && (
          <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-green-900">
            {t("signedOut")}
          </p>
        )}
        <LoginForm />
      </section>
      {isDemo() && (
        <section aria-labelledby="demo-title" className="mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
          <h2 id="demo-title" className="text-xl font-bold">
            {t("demoTitle")}
          </h2>
          <p className="mb-3 text-gray-700">{t("demoIntro", { password: DEMO_PASSWORD })}</p>
          {/* At large text sizes on a phone the table is wider than the screen: it scrolls in
              its own region (reachable by keyboard), not the whole page. */}
          <div role="region" aria-labelledby="demo-title" tabIndex={0} className="overflow-x-auto">
            <table className="w-full text-left">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-1 pr-2">{t("demoPhone")}</th>
                  <th scope="col" className="py-1 pr-2">{t("demoRole")}</th>
                  <th scope="col" className="py-1">{t("demoScope")}</th>
                </tr>
              </thead>
              <tbody>
                {demoAccounts.map((account) => (
                  <tr key={account.phone} className="border-b border-gray-100">
                    <td className="py-1 pr-2 font-mono">{account.phone}</td>
                    <td className="py-1 pr-2">{tRoles(account.role)}</td>
                    <td className="py-1">{account.scope}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </main>
  );
}
