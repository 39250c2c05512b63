import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { BackLink } from "@/components/ui/link";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { peopleAction } from "@/features/admin/actions";
import { ConfirmAction } from "@/features/admin/components/confirm";
import { AdminForm } from "@/features/admin/components/form";
import { RoleScopeFields } from "@/features/admin/components/role-fields";
import { personDetail, scopeOptions } from "@/features/admin/people-queries";
import { requireWorkspace } from "@/server/auth/guards";

type Params = { userId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const actor = await requireWorkspace("workspace.admin");
  const person = await personDetail(actor, (await params).userId);
  return { title: person?.name ?? (await getTranslations("admin.nav"))("people") };
}

export default async function PersonPage({ params }: { params: Promise<Params> }) {
  const actor = await requireWorkspace("workspace.admin");
  const { userId } = await params;
  const [t, tRoles, format, person, options] = await Promise.all([
    getTranslations("admin"),
    getTranslations("roles"),
    getFormatter(),
    personDetail(actor, userId),
    scopeOptions(actor),
  ]);
  if (!person) notFound();
  const id = { id: person.id };
  const canChangeAccount = person.manageable && !person.isSelf;
  return (
    <>
      <BackLink href="/admin/people" label={t("nav.people")} />
      <PageTitle>{person.name}</PageTitle>
      <div className="-mt-2 mb-6 flex flex-wrap items-center gap-3 text-gray-700">
        <span>{person.phone}</span>
        {person.disabled && <Badge>{t("people.disabled")}</Badge>}
        {person.mustChangePassword && <Badge tone="amber">{t("people.mustChange")}</Badge>}
        {person.oneTimeExpiresAt && (
          <span>
            {person.oneTimeExpiresAt < new Date()
              ? t("people.oneTimeExpired")
              : t("people.oneTimeValidUntil", { date: format.dateTime(person.oneTimeExpiresAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" }) })}
          </span>
        )}
        <span>{t("people.since", { date: format.dateTime(person.createdAt, { dateStyle: "medium" }) })}</span>
      </div>
      {!person.manageable && (
        <Notice tone="warn" className="mb-6">
          {t("people.outsideScope")}
        </Notice>
      )}

      <Section title={t("people.account")} id="account">
        <Card>
          <div className="flex flex-wrap items-start gap-2">
            <ConfirmAction
              action={peopleAction}
              intent="user.revealPhone"
              hidden={id}
              trigger={t("people.revealPhone")}
              title={t("people.revealPhoneTitle")}
              body={<p>{t("people.revealPhoneBody")}</p>}
              confirmLabel={t("people.revealPhoneConfirm")}
              tone="primary"
              keepOpen
            />
            {canChangeAccount && (
              <>
                <ConfirmAction
                  action={peopleAction}
                  intent="user.resetPassword"
                  hidden={id}
                  trigger={t("people.resetPassword")}
                  title={t("people.resetPasswordTitle", { name: person.name })}
                  body={<p>{t("people.resetPasswordBody")}</p>}
                  confirmLabel={t("people.resetPasswordConfirm")}
                  keepOpen
                />
                <ConfirmAction
                  action={peopleAction}
                  intent="user.toggle"
                  hidden={{ ...id, active: person.disabled ? "true" : "false" }}
                  trigger={person.disabled ? t("people.enable") : t("people.disable")}
                  title={t(person.disabled ? "people.enableTitle" : "people.disableTitle", { name: person.name })}
                  body={<p>{person.disabled ? t("people.enableBody") : t("people.disableBody")}</p>}
                  confirmLabel={person.disabled ? t("people.enable") : t("people.disable")}
                  tone={person.disabled ? "primary" : "danger"}
                  triggerTone={person.disabled ? "primary" : "danger"}
                />
              </>
            )}
            {person.manageable && (
              <Disclosure summary={t("people.rename")}>
                <AdminForm action={peopleAction} intent="user.rename" hidden={id} submitLabel={t("form.save")}>
                  <TextField label={t("people.name")} name="name" required maxLength={30} defaultValue={person.name} />
                </AdminForm>
              </Disclosure>
            )}
          </div>
        </Card>
      </Section>

      <Section title={t("people.roles")} id="roles">
        {person.roles.length === 0 ? (
          <EmptyState title={t("people.noRolesTitle")} body={t("people.noRolesBody")} />
        ) : (
          <ul className="space-y-2">
            {person.roles.map((r) => (
              <li key={r.id}>
                <Card>
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="text-lg font-semibold">{tRoles(r.role)}</span>
                    <span className="text-gray-800">{r.global ? t("people.scopeAll") : r.place}</span>
                    <span className="ml-auto">
                      <ConfirmAction
                        action={peopleAction}
                        intent="role.remove"
                        hidden={{ id: r.id }}
                        trigger={t("people.removeRole")}
                        title={t("people.removeRoleTitle", { role: tRoles(r.role), name: person.name })}
                        body={<p>{r.role === "RESIDENT" ? t("people.removeResidentBody") : t("people.removeRoleBody")}</p>}
                        confirmLabel={t("people.removeRole")}
                      />
                    </span>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
        {person.hiddenRoles > 0 && <p className="mt-2 text-gray-700">{t("people.hiddenRoles", { count: person.hiddenRoles })}</p>}
        <div className="mt-3">
          <Disclosure summary={t("people.addRole")}>
            <AdminForm action={peopleAction} intent="role.assign" hidden={id} submitLabel={t("people.assign")} resetOnSuccess>
              <RoleScopeFields options={options} withHome={false} />
            </AdminForm>
          </Disclosure>
        </div>
      </Section>

      <Section title={t("people.homes")} id="homes">
        {person.homes.length === 0 ? (
          <p className="text-gray-700">{t("people.noHomes")}</p>
        ) : (
          <ul className="space-y-2">
            {person.homes.map((h) => (
              <li key={h.id}>
                <Card>
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="font-semibold">{h.place}</span>
                    <span className="text-gray-800">{[h.building, h.unit, h.room].filter(Boolean).join(" ") || t("people.noRoom")}</span>
                    <span className="ml-auto">
                      <ConfirmAction
                        action={peopleAction}
                        intent="home.remove"
                        hidden={{ id: h.id }}
                        trigger={t("people.removeHome")}
                        title={t("people.removeHomeTitle")}
                        body={<p>{t("people.removeHomeBody")}</p>}
                        confirmLabel={t("people.removeHome")}
                      />
                    </span>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-3">
          <Disclosure summary={t("people.addHome")}>
            <AdminForm action={peopleAction} intent="home.add" hidden={id} submitLabel={t("people.saveHome")} resetOnSuccess>
              <SelectField
                label={t("people.scopeCourtyard")}
                name="courtyardId"
                required
                placeholder={t("form.choose")}
                options={options.courtyards.map((c) => ({ value: c.id, label: c.label }))}
              />
              <div className="grid gap-4 sm:grid-cols-3">
                <TextField label={t("people.building")} name="buildingNumber" maxLength={20} hint={t("people.buildingHint")} />
                <TextField label={t("people.unit")} name="unit" maxLength={20} />
                <TextField label={t("people.room")} name="room" maxLength={20} />
              </div>
            </AdminForm>
          </Disclosure>
        </div>
      </Section>
    </>
  );
}
