import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { BackLink, TextLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { mapAction } from "@/features/admin/actions";
import { ConfirmAction } from "@/features/admin/components/confirm";
import { AdminForm } from "@/features/admin/components/form";
import { ToggleButton } from "@/features/admin/components/toggle-button";
import { courtyardDetail } from "@/features/admin/map-queries";
import { requireWorkspace } from "@/server/auth/guards";
import { queryString } from "@/lib/search-params";

type Params = { courtyardId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const actor = await requireWorkspace("workspace.admin");
  const courtyard = await courtyardDetail(actor, (await params).courtyardId);
  return { title: courtyard?.name ?? (await getTranslations("admin.nav"))("map") };
}

export default async function CourtyardPage({ params }: { params: Promise<Params> }) {
  const actor = await requireWorkspace("workspace.admin");
  const [t, y] = await Promise.all([getTranslations("admin"), courtyardDetail(actor, (await params).courtyardId)]);
  if (!y) notFound();
  return (
    <>
      <BackLink href={`/admin/map/communities/${y.grid.community.id}`} label={y.grid.community.name} />
      <PageTitle>{y.name}</PageTitle>
      <p className="-mt-2 mb-6 flex flex-wrap items-center gap-2 text-gray-700">
        {y.grid.community.name} · {y.grid.name}
        {!y.active && <Badge>{t("state.inactive")}</Badge>}
        <span>{t("map.homesCount", { count: y._count.residences })}</span>
      </p>

      <div className="grid gap-6 md:grid-cols-2">
        <Section title={t("map.courtyardDetails")} id="details">
          <Card>
            <AdminForm action={mapAction} intent="courtyard.update" hidden={{ id: y.id }} submitLabel={t("form.save")}>
              <TextField label={t("map.courtyardName")} name="name" required maxLength={40} defaultValue={y.name} />
              <TextField label={t("map.address")} name="address" maxLength={200} defaultValue={y.address} />
              <TextField
                label={t("map.partyBranchName")}
                name="partyBranchName"
                maxLength={60}
                defaultValue={y.partyBranchName}
                hint={t("map.partyBranchHint")}
              />
            </AdminForm>
          </Card>
        </Section>

        <div>
          <Section title={t("map.secretaries")} id="secretaries">
            <Card>
              {y.secretaries.length === 0 ? (
                <p className="text-gray-700">{t("map.noSecretary")}</p>
              ) : (
                <ul className="space-y-1">
                  {y.secretaries.map((s) => (
                    <li key={s.id}>
                      <TextLink href={`/admin/people/${s.id}`}>{s.name}</TextLink> <span className="text-gray-700">{s.phone}</span>{" "}
                      {s.disabled && <Badge>{t("people.disabled")}</Badge>}
                    </li>
                  ))}
                </ul>
              )}
              <ButtonLink href={`/admin/people/new?${queryString({ role: "BRANCH_SECRETARY", scope: y.id })}`} tone="secondary" size="sm" className="mt-2">
                {t("map.addSecretary")}
              </ButtonLink>
            </Card>
          </Section>

          <Section title={t("map.gridAndState")} id="move">
            <Card>
              <p className="mb-3">{t("map.currentGrid", { grid: y.grid.name })}</p>
              <div className="flex flex-wrap gap-2">
                {y.active && y.targetGrids.length > 0 && (
                  <ConfirmAction
                    action={mapAction}
                    intent="courtyard.move"
                    hidden={{ id: y.id }}
                    trigger={t("map.move")}
                    triggerTone="primary"
                    tone="primary"
                    title={t("map.moveTitle", { name: y.name })}
                    body={<p>{y.openOrders > 0 ? t("map.moveBodyOrders", { count: y.openOrders, grid: y.grid.name }) : t("map.moveBodyNoOrders")}</p>}
                    fields={
                      <SelectField
                        label={t("map.moveTarget")}
                        name="gridId"
                        required
                        options={y.targetGrids.map((g) => ({ value: g.id, label: g.name }))}
                        placeholder={t("form.choose")}
                      />
                    }
                    confirmLabel={y.openOrders > 0 ? t("map.moveConfirmOrders", { count: y.openOrders }) : t("map.moveConfirm")}
                  />
                )}
                <ToggleButton kind="courtyard" id={y.id} name={y.name} active={y.active} />
              </div>
              {y.active && y.targetGrids.length === 0 && <p className="mt-2 text-gray-700">{t("map.noOtherGrid")}</p>}
            </Card>
          </Section>
        </div>
      </div>

      <Section title={t("map.buildings")} id="buildings">
        {y.buildings.length === 0 ? (
          <EmptyState title={t("map.noBuildingsTitle")} body={t("map.noBuildingsBody")} />
        ) : (
          <ul className="space-y-2">
            {y.buildings.map((b) => (
              <li key={b.id}>
                <Card tone={b.active ? "plain" : "muted"}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                    <h3 className="text-lg font-semibold">{b.number}</h3>
                    <span className="text-gray-700">{t("map.buildingFacts", { units: b.units, floors: b.floors })}</span>
                    {b.headName && <span className="text-gray-700">{t("map.headIs", { name: b.headName })}</span>}
                    {!b.active && <Badge>{t("state.inactive")}</Badge>}
                    <span className="grow" />
                    <ToggleButton kind="building" id={b.id} name={`${y.name} ${b.number}`} active={b.active} />
                    <Disclosure summary={t("form.edit")}>
                      <AdminForm action={mapAction} intent="building.update" hidden={{ id: b.id }} submitLabel={t("form.save")}>
                        <BuildingFields t={t} defaults={b} />
                      </AdminForm>
                    </Disclosure>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {y.active && (
          <div className="mt-4">
            <Card>
              <h3 className="mb-3 text-lg font-semibold">{t("map.newBuilding")}</h3>
              <AdminForm action={mapAction} intent="building.create" hidden={{ courtyardId: y.id }} submitLabel={t("map.createBuilding")} resetOnSuccess>
                <BuildingFields t={t} defaults={{ number: "", units: 1, floors: 6, headName: "" }} />
              </AdminForm>
            </Card>
          </div>
        )}
      </Section>
    </>
  );
}

function BuildingFields({
  t,
  defaults,
}: {
  t: Awaited<ReturnType<typeof getTranslations<"admin">>>;
  defaults: { number: string; units: number; floors: number; headName: string };
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("map.buildingNumber")} name="number" required maxLength={20} defaultValue={defaults.number} hint={t("map.buildingNumberHint")} />
      <TextField label={t("map.headName")} name="headName" maxLength={30} defaultValue={defaults.headName} />
      <TextField label={t("map.units")} name="units" type="number" inputMode="numeric" min={1} max={99} required defaultValue={defaults.units} />
      <TextField label={t("map.floors")} name="floors" type="number" inputMode="numeric" min={1} max={200} required defaultValue={defaults.floors} />
    </div>
  );
}
