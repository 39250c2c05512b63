import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { BackLink, TextLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { mapAction } from "@/features/admin/actions";
import { AdminForm } from "@/features/admin/components/form";
import { ToggleButton } from "@/features/admin/components/toggle-button";
import { communityDetail } from "@/features/admin/map-queries";
import { requireWorkspace } from "@/server/auth/guards";

type Params = { communityId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const actor = await requireWorkspace("workspace.admin");
  const community = await communityDetail(actor, (await params).communityId);
  return { title: community?.name ?? (await getTranslations("admin.nav"))("map") };
}

export default async function CommunityPage({ params }: { params: Promise<Params> }) {
  const actor = await requireWorkspace("workspace.admin");
  const [t, community] = await Promise.all([getTranslations("admin"), communityDetail(actor, (await params).communityId)]);
  if (!community) notFound();
  const activeGrids = community.grids.filter((g) => g.active);
  return (
    <>
      <BackLink href="/admin/map" label={t("nav.map")} />
      <PageTitle>{community.name}</PageTitle>
      <p className="-mt-2 mb-6 flex flex-wrap items-center gap-2 text-gray-700">
        {community.street.name}
        {!community.active && <Badge>{t("state.inactive")}</Badge>}
      </p>

      <Section title={t("map.grids")} id="grids">
        {community.grids.length === 0 ? (
          <EmptyState title={t("map.noGridsTitle")} body={t("map.noGridsBody")} />
        ) : (
          <ul className="space-y-4">
            {community.grids.map((grid) => (
              <li key={grid.id}>
                <Card tone={grid.active ? "plain" : "muted"}>
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-lg font-semibold">{grid.name}</h3>
                    {!grid.active && <Badge>{t("state.inactive")}</Badge>}
                    <span className="grow" />
                    <ToggleButton kind="grid" id={grid.id} name={grid.name} active={grid.active} />
                    <Disclosure summary={t("map.renameGrid")}>
                      <AdminForm action={mapAction} intent="grid.rename" hidden={{ id: grid.id }} submitLabel={t("form.save")}>
                        <TextField label={t("map.gridName")} name="name" required maxLength={40} defaultValue={grid.name} />
                      </AdminForm>
                    </Disclosure>
                  </div>
                  {grid.courtyards.length === 0 ? (
                    <p className="mt-2 text-gray-700">{t("map.noCourtyards")}</p>
                  ) : (
                    <ul className="mt-2 divide-y divide-gray-200">
                      {grid.courtyards.map((y) => (
                        <li key={y.id} className="flex flex-wrap items-center gap-x-3 py-1">
                          <TextLink href={`/admin/map/courtyards/${y.id}`}>{y.name}</TextLink>
                          <span className="text-gray-700">{t("map.courtyardCounts", { buildings: y._count.buildings, homes: y._count.residences })}</span>
                          {!y.active && <Badge>{t("state.inactive")}</Badge>}
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {community.active && (
        <div className="grid gap-6 md:grid-cols-2">
          <Section title={t("map.newGrid")} id="new-grid">
            <Card>
              <AdminForm action={mapAction} intent="grid.create" hidden={{ communityId: community.id }} submitLabel={t("map.createGrid")} resetOnSuccess>
                <TextField label={t("map.gridName")} name="name" required maxLength={40} />
              </AdminForm>
            </Card>
          </Section>
          <Section title={t("map.newCourtyard")} id="new-courtyard">
            <Card>
              {activeGrids.length === 0 ? (
                <p className="text-gray-700">{t("map.needGrid")}</p>
              ) : (
                <AdminForm
                  action={mapAction}
                  intent="courtyard.create"
                  submitLabel={t("map.createCourtyard")}
                  resetOnSuccess
                  resultLink={{ href: "/admin/map/courtyards/:id", label: t("map.openCourtyard") }}
                >
                  <SelectField
                    label={t("map.grid")}
                    name="gridId"
                    required
                    options={activeGrids.map((g) => ({ value: g.id, label: g.name }))}
                    placeholder={t("form.choose")}
                  />
                  <TextField label={t("map.courtyardName")} name="name" required maxLength={40} />
                  <TextField label={t("map.address")} name="address" maxLength={200} />
                  <TextField label={t("map.partyBranchName")} name="partyBranchName" maxLength={60} hint={t("map.partyBranchHint")} />
                </AdminForm>
              )}
            </Card>
          </Section>
        </div>
      )}
    </>
  );
}
