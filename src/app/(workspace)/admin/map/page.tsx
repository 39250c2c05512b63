import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { TextLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { mapAction } from "@/features/admin/actions";
import { AdminForm } from "@/features/admin/components/form";
import { ToggleButton } from "@/features/admin/components/toggle-button";
import { mapOverview } from "@/features/admin/map-queries";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("map") };
}

export default async function MapPage() {
  const actor = await requireWorkspace("workspace.admin");
  const [t, { global, streets }] = await Promise.all([getTranslations("admin"), mapOverview(actor)]);
  return (
    <>
      <PageTitle>{t("nav.map")}</PageTitle>
      <p className="mb-6 text-gray-700">{t("map.intro")}</p>
      {global && (
        <Section title={t("map.newStreet")} id="new-street">
          <Card>
            <AdminForm action={mapAction} intent="street.create" submitLabel={t("map.createStreet")} resetOnSuccess>
              <TextField label={t("map.streetName")} name="name" required maxLength={40} />
            </AdminForm>
          </Card>
        </Section>
      )}
      <Section title={t("map.streetsAndCommunities")} id="streets">
        {streets.length === 0 ? (
          <EmptyState title={t("map.emptyTitle")} body={global ? t("map.emptyBody") : t("map.emptyBodyScoped")} />
        ) : (
          <ul className="space-y-4">
            {streets.map((street) => (
              <li key={street.id}>
                <Card tone={street.active ? "plain" : "muted"}>
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-lg font-semibold">{street.name}</h3>
                    {!street.active && <Badge>{t("state.inactive")}</Badge>}
                  </div>
                  {global && (
                    <div className="mt-2 flex flex-wrap items-start gap-2">
                      <ToggleButton kind="street" id={street.id} name={street.name} active={street.active} />
                      <Disclosure summary={t("map.renameStreet")}>
                        <AdminForm action={mapAction} intent="street.rename" hidden={{ id: street.id }} submitLabel={t("form.save")}>
                          <TextField label={t("map.streetName")} name="name" required maxLength={40} defaultValue={street.name} />
                        </AdminForm>
                      </Disclosure>
                    </div>
                  )}
                  <ul className="mt-3 divide-y divide-gray-200">
                    {street.communities.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center gap-2 py-2">
                        <TextLink href={`/admin/map/communities/${c.id}`}>{c.name}</TextLink>
                        <span className="text-gray-700">{t("map.activeGrids", { count: c._count.grids })}</span>
                        {!c.active && <Badge>{t("state.inactive")}</Badge>}
                        {global && (
                          <>
                            <span className="grow" />
                            <ToggleButton kind="community" id={c.id} name={c.name} active={c.active} />
                            <Disclosure summary={t("map.renameCommunity")}>
                              <AdminForm action={mapAction} intent="community.rename" hidden={{ id: c.id }} submitLabel={t("form.save")}>
                                <TextField label={t("map.communityName")} name="name" required maxLength={40} defaultValue={c.name} />
                              </AdminForm>
                            </Disclosure>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                  {global && street.active && (
                    <div className="mt-3">
                      <Disclosure summary={t("map.newCommunity")}>
                        <AdminForm
                          action={mapAction}
                          intent="community.create"
                          hidden={{ streetId: street.id }}
                          submitLabel={t("map.createCommunity")}
                          resetOnSuccess
                        >
                          <TextField label={t("map.communityName")} name="name" required maxLength={40} />
                        </AdminForm>
                      </Disclosure>
                    </div>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
