import "server-only";
// The audit log as an administrator browses it: newest first, filtered by who, what kind
// and when, 30 entries a page, only the entries of the communities they reach.
import type { Prisma } from "@/generated/prisma/client";
import { auditKinds, type AuditKind } from "@/domain/admin/audit";
import { auditScope } from "@/domain/admin/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

export const AUDIT_PAGE_SIZE = 30;

export type AuditFilters = { page: number; actorId?: string; kind?: string; from?: string; to?: string };

const isKind = (kind: string | undefined): kind is AuditKind => !!kind && kind in auditKinds;
const isDay = (day: string | undefined): day is string => !!day && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day));
/** Midnight in China, where the communities are. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export function auditWhere(actor: Actor, filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [auditScope(actor)];
  if (filters.actorId) and.push({ actorId: filters.actorId });
  if (isKind(filters.kind)) and.push({ entityType: { in: [...auditKinds[filters.kind]] } });
  if (isDay(filters.from)) and.push({ createdAt: { gte: dayStart(filters.from) } });
  if (isDay(filters.to)) and.push({ createdAt: { lt: new Date(dayStart(filters.to).getTime() + 86400_000) } });
  return { AND: and };
}

export async function listAudit(actor: Actor, filters: AuditFilters) {
  const where = auditWhere(actor, filters);
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const items = await db.auditLog.findMany({
    where,
    select: { id: true, action: true, entityType: true, communityId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return {
    items: items.map((e) => ({ ...e, before: e.before as Record<string, unknown> | null, after: e.after as Record<string, unknown> | null, actorName: e.actor?.name ?? null })),
    total,
    page,
    pages,
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
