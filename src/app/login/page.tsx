import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import { LoginForm } from "@/features/auth/login-form";
import { DEMO_PASSWORD, demoAccounts } from "@/features/auth/demo-accounts";
import { LocaleSwitch } from "@/features/i18n/locale-switch";
import { homePath } from "@/features/workspaces/workspaces";
import { currentActor } from "@/server/auth/session";
import { isDemo } from "@/server/env";
import { field, parseSearchParams, type SearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

const querySchema = z.object({ signedOut: field.text(1) });

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (actor) redirect(homePath(actor));
  const [t, tApp, tRoles] = await Promise.all([getTranslations("login"), getTranslations("app"), getTranslations("roles")]);
  const { signedOut } = parseSearchParams(querySchema, await searchParams);

  return (
    <main className="mx-auto max-w-md px-4 py-8">
      <div className="mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="text-3xl font-bold text-brand-700">{tApp("name")}</p>
          <p className="text-gray-700">{tApp("tagline")}</p>
        </div>
        <LocaleSwitch />
      </div>
      <Card as="section">
        <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-5 text-gray-700">{t("intro")}</p>
        {signedOut && (
          <Notice tone="success" role="status" className="mb-4">
            {t("signedOut")}
          </Notice>
        )}
        <LoginForm />
      </Card>
      {isDemo() && (
        <Card as="section" aria-labelledby="demo-title" className="mt-6">
          <h2 id="demo-title" className="text-xl font-bold">
            {t("demoTitle")}
          </h2>
          <p className="mb-3 text-gray-700">{t("demoIntro", { password: DEMO_PASSWORD })}</p>
          <Table label={t("demoTitle")}>
            <thead>
              <tr>
                <Th>{t("demoPhone")}</Th>
                <Th>{t("demoRole")}</Th>
                <Th>{t("demoScope")}</Th>
              </tr>
            </thead>
            <tbody>
              {demoAccounts.map((account) => (
                <tr key={account.phone}>
                  <Td className="font-mono">{account.phone}</Td>
                  <Td>{tRoles(account.role)}</Td>
                  <Td>{account.scope}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </main>
  );
}
