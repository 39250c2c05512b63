import "server-only";
// The audit log as an administrator browses it: newest first, filtered by who, what kind
// and when, 30 entries a page, only the entries of the communities they reach.
import type { Prisma } from "@/generated/prisma/client";
import { auditKinds, type AuditKind } from "@/domain/admin/audit";
import { auditScope } from "@/domain/admin/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { paginate } from "@/lib/search-params";

export const AUDIT_PAGE_SIZE = 30;

/** Checked by the page's query schema: a known kind, days that exist (yyyy-mm-dd). */
export type AuditFilters = { page: number; actorId?: string; kind?: AuditKind; from?: string; to?: string };
/** Midnight in China, where the communities are. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export function auditWhere(actor: Actor, filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [auditScope(actor)];
  if (filters.actorId) and.push({ actorId: filters.actorId });
  if (filters.kind) and.push({ entityType: { in: [...auditKinds[filters.kind]] } });
  if (filters.from) and.push({ createdAt: { gte: dayStart(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(dayStart(filters.to).getTime() + 86400_000) } });
  return { AND: and };
}

export async function listAudit(actor: Actor, filters: AuditFilters) {
  const where = auditWhere(actor, filters);
  const list = await paginate(
    filters.page,
    AUDIT_PAGE_SIZE,
    () => db.auditLog.count({ where }),
    (window) =>
      db.auditLog.findMany({
        where,
        select: { id: true, action: true, entityType: true, communityId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...window,
      }),
  );
  return {
    ...list,
    items: list.items.map((e) => ({
      ...e,
      before: e.before as Record<string, unknown> | null,
      after: e.after as Record<string, unknown> | null,
      actorName: e.actor?.name ?? null,
    })),
  };
}

/** The people who appear in the entries the administrator may see, for the filter. */
export async function auditActors(actor: Actor) {
  const rows = await db.auditLog.groupBy({ by: ["actorId"], where: { AND: [auditScope(actor), { actorId: { not: null } }] } });
  const ids = rows.map((r) => r.actorId!).slice(0, 500);
  return db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function recentAudit(actor: Actor, take = 5) {
  return (await listAudit(actor, { page: 1 })).items.slice(0, take);
}
