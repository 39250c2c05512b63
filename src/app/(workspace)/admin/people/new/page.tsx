import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { BackLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { peopleAction } from "@/features/admin/actions";
import { AdminForm } from "@/features/admin/components/form";
import { RoleScopeFields } from "@/features/admin/components/role-fields";
import { scopeOptions } from "@/features/admin/people-queries";
import { assignableRoles } from "@/domain/admin/schemas";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/lib/search-params";

const querySchema = z.object({ role: field.oneOf(assignableRoles, undefined), scope: field.id() });

export async function generateMetadata() {
  return { title: (await getTranslations("admin.people"))("newTitle") };
}

export default async function NewPersonPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.admin");
  const query = parseSearchParams(querySchema, await searchParams);
  const [t, options] = await Promise.all([getTranslations("admin"), scopeOptions(actor)]);
  return (
    <>
      <BackLink href="/admin/people" label={t("nav.people")} />
      <PageTitle>{t("people.newTitle")}</PageTitle>
      <p className="mb-4 text-gray-700">{t("people.newIntro")}</p>
      <Card>
        <AdminForm
          action={peopleAction}
          intent="user.create"
          submitLabel={t("people.create")}
          resetOnSuccess
          resultLink={{ href: "/admin/people/:id", label: t("people.openPerson") }}
        >
          <TextField label={t("people.name")} name="name" required maxLength={30} />
          <TextField label={t("people.phone")} name="phone" type="tel" inputMode="numeric" required maxLength={13} hint={t("people.phoneHint")} />
          <RoleScopeFields options={options} defaultRole={query.role ?? ""} defaultScope={query.scope ?? ""} />
        </AdminForm>
      </Card>
    </>
  );
}
