import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { CheckboxField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { categoryAction } from "@/features/admin/actions";
import { categoriesPage } from "@/features/admin/category-queries";
import { AdminForm } from "@/features/admin/components/form";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("categories") };
}

type Category = Awaited<ReturnType<typeof categoriesPage>>["categories"][number];
type T = Awaited<ReturnType<typeof getTranslations<"admin">>>;

export default async function CategoriesPage() {
  const actor = await requireWorkspace("workspace.admin");
  const [t, locale, data] = await Promise.all([getTranslations("admin"), getLocale(), categoriesPage(actor)]);
  const settings = [
    { intent: "setting.unratedCloseDays", label: t("categories.unratedCloseDays"), hint: t("categories.unratedCloseDaysHint"), value: data.unratedCloseDays },
    {
      intent: "setting.oneTimePasswordDays",
      label: t("categories.oneTimePasswordDays"),
      hint: t("categories.oneTimePasswordDaysHint"),
      value: data.oneTimePasswordDays,
    },
  ];
  return (
    <>
      <PageTitle>{t("nav.categories")}</PageTitle>
      <p className="mb-2 text-gray-700">{t("categories.intro")}</p>
      <Notice className="mb-6">{t("categories.newOrdersOnly")}</Notice>
      {!data.canEdit && (
        <Notice tone="plain" className="mb-6">
          {t("categories.readOnly")}
        </Notice>
      )}

      <Section title={t("categories.list")} id="categories">
        <ul className="space-y-3">
          {data.categories.map((c) => (
            <li key={c.id}>
              <Card tone={c.active ? "plain" : "muted"}>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <h3 className="text-lg font-semibold">{locale === "en" ? c.nameEn : c.nameZh}</h3>
                  <span className="text-gray-700">{locale === "en" ? c.nameZh : c.nameEn}</span>
                  {!c.active && <Badge>{t("state.inactive")}</Badge>}
                </div>
                <dl className="mt-1 flex flex-wrap gap-x-5 text-gray-800">
                  <div className="flex gap-1">
                    <dt>{t("categories.responseHours")}：</dt>
                    <dd>{t("categories.hours", { count: c.responseHours })}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t("categories.resolutionDays")}：</dt>
                    <dd>{t("categories.days", { count: c.resolutionDays })}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t("categories.requiresDispatch")}：</dt>
                    <dd>{c.requiresDispatch ? t("audit.yes") : t("audit.no")}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t("categories.orders")}：</dt>
                    <dd>{c._count.orders}</dd>
                  </div>
                </dl>
                {data.canEdit && (
                  <div className="mt-2">
                    <Disclosure summary={t("form.edit")}>
                      <AdminForm action={categoryAction} intent="category.update" hidden={{ id: c.id }} submitLabel={t("form.save")}>
                        <CategoryFields t={t} c={c} />
                      </AdminForm>
                    </Disclosure>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      </Section>

      {data.canEdit && (
        <Section title={t("categories.new")} id="new-category">
          <Card>
            <AdminForm action={categoryAction} intent="category.create" submitLabel={t("categories.create")} resetOnSuccess>
              <CategoryFields t={t} />
            </AdminForm>
          </Card>
        </Section>
      )}

      <Section title={t("categories.settings")} id="settings">
        <div className="space-y-3">
          {settings.map((s) => (
            <Card key={s.intent}>
              {data.canEditSettings ? (
                <AdminForm action={categoryAction} intent={s.intent} submitLabel={t("form.save")}>
                  <TextField label={s.label} name="days" type="number" inputMode="numeric" min={1} max={90} required defaultValue={s.value} hint={s.hint} />
                </AdminForm>
              ) : (
                <p>
                  {s.label}：{t("categories.days", { count: s.value })}
                </p>
              )}
            </Card>
          ))}
        </div>
      </Section>
    </>
  );
}

function CategoryFields({ t, c }: { t: T; c?: Category }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label={t("categories.nameZh")} name="nameZh" required maxLength={20} defaultValue={c?.nameZh} />
      <TextField label={t("categories.nameEn")} name="nameEn" required maxLength={40} defaultValue={c?.nameEn} />
      <TextField
        label={t("categories.responseHoursLabel")}
        name="responseHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={720}
        required
        defaultValue={c?.responseHours ?? 24}
      />
      <TextField
        label={t("categories.resolutionDaysLabel")}
        name="resolutionDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        required
        defaultValue={c?.resolutionDays ?? 7}
      />
      <TextField
        label={t("categories.sortOrder")}
        name="sortOrder"
        type="number"
        inputMode="numeric"
        min={0}
        max={9999}
        required
        defaultValue={c?.sortOrder ?? 100}
        hint={t("categories.sortOrderHint")}
      />
      <div className="space-y-3 sm:pt-7">
        <CheckboxField
          label={t("categories.requiresDispatchLabel")}
          name="requiresDispatch"
          defaultChecked={c?.requiresDispatch ?? true}
          hint={t("categories.requiresDispatchHint")}
        />
        <CheckboxField label={t("categories.activeLabel")} name="active" defaultChecked={c?.active ?? true} hint={t("categories.activeHint")} />
      </div>
    </div>
  );
}
