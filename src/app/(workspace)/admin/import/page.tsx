import { getTranslations } from "next-intl/server";
import { Card, Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageTitle } from "@/components/ui/page-title";
import { peopleAction } from "@/features/admin/actions";
import { AdminForm } from "@/features/admin/components/form";
import { ImportPanel } from "@/features/admin/components/import-panel";
import { reachableCommunities } from "@/features/admin/map-queries";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("import") };
}

export default async function ImportPage() {
  const actor = await requireWorkspace("workspace.admin");
  const [t, tAdmin, communities] = await Promise.all([getTranslations("adminImport"), getTranslations("admin"), reachableCommunities(actor)]);
  const options = communities.map((c) => ({ value: c.id, label: `${c.street.name} · ${c.name}` }));
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-6 text-gray-700">{t("intro")}</p>
      {communities.length === 0 ? (
        <EmptyState title={t("noCommunityTitle")} body={t("noCommunityBody")} />
      ) : (
        <>
          <ImportPanel communities={options.map((o) => ({ id: o.value, label: o.label }))} />
          <div className="mt-10">
            <Section title={tAdmin("reissue.title")} id="reissue">
              <Card>
                <p className="mb-3 text-gray-700">{tAdmin("reissue.intro")}</p>
                <AdminForm action={peopleAction} intent="user.reissueOneTimePasswords" submitLabel={tAdmin("reissue.submit")}>
                  <SelectField
                    label={tAdmin("reissue.community")}
                    name="communityId"
                    required
                    options={options}
                    placeholder={options.length === 1 ? undefined : tAdmin("form.choose")}
                    defaultValue={options.length === 1 ? options[0].value : undefined}
                  />
                </AdminForm>
              </Card>
            </Section>
          </div>
        </>
      )}
    </>
  );
}
