// Audit entries as people read them: when, who, what (translated), which record, and the
// fields that changed from → to.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

type Entry = {
  id: string;
  action: string;
  createdAt: Date;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

// `name` is the entry's label; ids mean nothing to a reader.
const LABEL_KEYS = new Set(["name", "orderId"]);
// The database keeps JSON keys in its own order; people read them in this one.
const ORDER = [
  "community",
  "fileName",
  "rows",
  "created",
  "updated",
  "unchanged",
  "newAccounts",
  "role",
  "scope",
  "phone",
  "grid",
  "courtyard",
  "building",
  "unit",
  "room",
];
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
const ROLES = new Set(["RESIDENT", "GRID_WORKER", "BRANCH_SECRETARY", "STAFF", "VOLUNTEER", "ADMIN"]);

export async function AuditList({ items }: { items: Entry[] }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("admin.audit"), getTranslations("roles"), getFormatter()]);
  if (items.length === 0) return <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />;

  const show = (value: unknown, key = ""): string => {
    if (value === null || value === undefined || value === "") return t("emptyValue");
    if (key === "role" && typeof value === "string" && ROLES.has(value)) return tRoles(value as never);
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };
  const field = (key: string) => (t.has(`fields.${key}` as never) ? t(`fields.${key}` as never) : key);
  // Other modules log their own actions (e.g. a staff member revealing a number).
  const action = (key: string) => (t.has(`actions.${key}` as never) ? t(`actions.${key}` as never) : t("otherAction", { action: key }));

  return (
    <ol className="space-y-3">
      {items.map((e) => {
        const label = (e.after?.name ?? e.before?.name ?? "") as string;
        // A creation lists what was set; empty optional fields say nothing.
        const created = !e.before;
        const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])]
          .filter((k) => !LABEL_KEYS.has(k) && !(created && (e.after?.[k] === "" || e.after?.[k] === null)))
          .sort((a, b) => rank(a) - rank(b));
        return (
          <Card as="li" key={e.id}>
            <p className="flex flex-wrap gap-x-3 text-gray-700">
              <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              <span>{e.actorName ?? t("unknownActor")}</span>
            </p>
            <p className="break-all text-lg">
              <span className="font-semibold">{action(e.action)}</span>
              {label && <span>「{label}」</span>}
            </p>
            {keys.length > 0 && (
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-base text-gray-800">
                {keys.map((k) => (
                  <div key={k} className="contents">
                    <dt className="text-gray-700">{field(k)}</dt>
                    <dd className="break-all">
                      {e.before && k in e.before && e.after && k in e.after ? (
                        <>
                          {show(e.before[k], k)} <span aria-label={t("changedTo")}>→</span> {show(e.after[k], k)}
                        </>
                      ) : (
                        show(e.after && k in e.after ? e.after[k] : e.before?.[k], k)
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
        );
      })}
    </ol>
  );
}
