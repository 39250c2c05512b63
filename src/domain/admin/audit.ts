// The audit log (docs/decisions/012-audit-log.md): one append-only row per configuration change, role
// change, disablement and import, written in the same transaction as the change. Values
// pass through `scrub`, so that no phone number or password ever lands in the log.
import type { Prisma } from "@/generated/prisma/client";
import { maskPhoneNumbersOnly } from "@/domain/privacy/mask";
import type { Actor } from "@/server/authz/permissions";

export type Tx = Prisma.TransactionClient;

/** What a browsing administrator filters by. */
export const auditKinds = {
  map: ["street", "community", "grid", "courtyard", "building"],
  category: ["category", "setting"],
  user: ["user"],
  role: ["role", "residence"],
  import: ["import"],
  board: ["order"],
} as const;
export type AuditKind = keyof typeof auditKinds;
export type EntityType = (typeof auditKinds)[AuditKind][number];

type Values = Record<string, unknown>;

export type AuditEntry = {
  /** `<entityType>.<verb>`, e.g. `courtyard.move`; a message key of admin.audit.actions. */
  action: `${EntityType}.${string}` | "password.change";
  entityType: EntityType;
  entityId?: string | null;
  /** The community the change belongs to; null for what only a global administrator sees. */
  communityId: string | null;
  before?: Values | null;
  after?: Values | null;
};

/** Drops password fields and masks anything that looks like a mobile number. */
export function scrub(value: unknown): unknown {
  if (typeof value === "string") return maskPhoneNumbersOnly(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !/password|secret|token/i.test(k))
        .map(([k, v]) => [k, scrub(v)]),
    );
  }
  return value;
}

/** The fields that differ, as before/after pairs; `keep` fields are always included (labels). */
export function changes<T extends Values>(before: T, after: Partial<T>, keep: (keyof T)[] = []) {
  const b: Values = {};
  const a: Values = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (after[key] === undefined) continue;
    if (keep.includes(key) || before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  const changed = Object.keys(a).some((k) => before[k] !== a[k]);
  return { before: b, after: a, changed };
}

export async function recordAudit(tx: Tx, actor: Pick<Actor, "userId">, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      communityId: entry.communityId,
      before: entry.before ? (scrub(entry.before) as Prisma.InputJsonValue) : undefined,
      after: entry.after ? (scrub(entry.after) as Prisma.InputJsonValue) : undefined,
    },
  });
}
