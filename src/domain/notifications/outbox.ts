// The notification outbox (docs/decisions/033-job-queue.md): one row per message, written by
// notify() or inside the caller's transaction by notifyInTx(), then delivered through each
// channel. Delivery is idempotent: each channel's pass locks the rows it takes (another
// deliverer skips them), writes, and records its name on them in one transaction; the in-app
// Notification takes the row's id. So a retried or doubled delivery yields one Notification.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import { activeChannels, type OutboxMessage } from "./channels";
import type { NotificationMessage } from "./notify";

type Client = Prisma.TransactionClient | typeof db;

/** Writes the messages (already deduplicated and masked) and answers their outbox ids. */
export async function writeOutbox(client: Client, messages: NotificationMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await client.notificationOutbox.createManyAndReturn({
    data: messages.map(({ userId, orderId, kind, params }) => ({ userId, orderId, kind, params })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

type Row = { id: string; userId: string; orderId: string | null; kind: string; params: Record<string, string | number> };

/**
 * Delivers the outbox rows not yet delivered, channel by channel. Throws when a channel failed
 * (after the others had their turn); what was delivered stays delivered.
 */
export async function deliverOutbox(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const channels = activeChannels();
  const failures: string[] = [];
  for (const channel of channels) {
    try {
      await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id, "userId", "orderId", kind, params FROM "NotificationOutbox"
          WHERE id = ANY(${ids}) AND "deliveredAt" IS NULL AND NOT (${channel.name} = ANY("deliveredVia"))
          ORDER BY id FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return;
        const messages = rows.map((r): OutboxMessage => ({
          id: r.id,
          userId: r.userId,
          orderId: r.orderId ?? undefined,
          kind: r.kind as OutboxMessage["kind"],
          params: r.params,
        }));
        await channel.deliver(messages, tx);
        await tx.$executeRaw`
          UPDATE "NotificationOutbox" SET "deliveredVia" = array_append("deliveredVia", ${channel.name})
          WHERE id = ANY(${rows.map((r) => r.id)})`;
      });
    } catch (error) {
      failures.push(`${channel.name}: ${(error as Error).message}`);
    }
  }
  const names = channels.map((c) => c.name);
  await db.$executeRaw`
    UPDATE "NotificationOutbox" SET "deliveredAt" = now(), "failedAt" = NULL
    WHERE id = ANY(${ids}) AND "deliveredAt" IS NULL AND "deliveredVia" @> ${names}::text[]`;
  if (failures.length) throw new Error(failures.join("; "));
}

/** Counts a failed attempt; `final` when no retry follows (an operator may retry the job). */
export async function recordFailedAttempt(ids: string[], error: unknown, final = false) {
  await db.notificationOutbox.updateMany({
    where: { id: { in: ids }, deliveredAt: null },
    data: { attempts: { increment: 1 }, lastError: String((error as Error)?.message ?? error).slice(0, 500), ...(final ? { failedAt: new Date() } : {}) },
  });
}

/** Marks rows as handed to the queue, so that the sweep leaves them to its retries. */
export async function markQueued(ids: string[]) {
  await db.notificationOutbox.updateMany({ where: { id: { in: ids } }, data: { queuedAt: new Date() } });
}

/**
 * Rows that no delivery job looks after: the process stopped between commit and delivery, or
 * delivery failed where no queue ran. Older than a minute, so that inline delivery had its turn.
 */
export async function strandedOutbox(now = new Date(), limit = 500): Promise<string[]> {
  const rows = await db.notificationOutbox.findMany({
    where: { deliveredAt: null, failedAt: null, queuedAt: null, createdAt: { lt: new Date(now.getTime() - 60_000) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}

/** Delivered rows are kept a week to show what went out, then removed (they quote titles). */
export async function pruneDelivered(now = new Date(), days = 7): Promise<number> {
  const { count } = await db.notificationOutbox.deleteMany({ where: { deliveredAt: { lt: new Date(now.getTime() - days * 86400_000) } } });
  return count;
}
