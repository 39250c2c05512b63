// Notifications go out after the change has committed, through a durable outbox
// (docs/decisions/009-notifications.md, 033-job-queue.md): notify() writes a row per message and
// delivers them at once, so the reader sees them on their next page; when a channel fails, the
// change stands, the failure is logged, and the job queue retries with backoff. notifyInTx()
// writes the rows inside the caller's own transaction: they exist exactly when the change does.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { maskPhoneNumbers } from "@/domain/privacy/mask";
import { db } from "@/server/db/client";
import { runningQueue } from "@/server/jobs/queue";
import { queueDelivery } from "./jobs";
import { deliverOutbox, recordFailedAttempt, writeOutbox } from "./outbox";

export const notificationKinds = [
  "statusChanged",
  "newOrder",
  "awaitingDispatch",
  "poorRating",
  "transferredIn",
  "assigned",
  "sentBack",
  "merged",
  "mergedProgress",
  "boardHidden",
  "boardRestored",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationMessage = {
  userId: string;
  orderId?: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
};

/** Parameters quote what residents typed (a title): numbers in them leave masked, on every channel. */
export const maskParams = (params: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? maskPhoneNumbers(v) : v]));

/** One message per person, kind and order; parameters masked. */
function prepare(messages: NotificationMessage[]): NotificationMessage[] {
  const seen = new Set<string>();
  return messages
    .filter((m) => {
      const key = `${m.userId}|${m.kind}|${m.orderId ?? ""}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((m) => ({ ...m, params: maskParams(m.params) }));
}

/** Delivers outbox rows now; a failure is logged and left to the queue's retries. Never throws. */
async function deliverNow(ids: string[]): Promise<void> {
  try {
    await deliverOutbox(ids);
  } catch (error) {
    console.error(`[notify] delivery of ${ids.length} message(s) failed, to be retried by the job queue:`, (error as Error).message);
    try {
      await recordFailedAttempt(ids, error);
      // Without a queue in this process (tests, scripts) the sweep of a server picks them up.
      const queue = runningQueue();
      if (queue) await queueDelivery((job, data, options) => queue.send(job, data, options), ids);
    } catch (again) {
      console.error("[notify] could not queue the retry; the outbox sweep will:", (again as Error).message);
    }
  }
}

/** After a change has committed: writes the messages to the outbox and delivers them. */
export async function notify(messages: NotificationMessage[]): Promise<void> {
  const prepared = prepare(messages);
  if (prepared.length === 0) return;
  let ids: string[];
  try {
    ids = await writeOutbox(db, prepared);
  } catch (error) {
    console.error(`[notify] could not write ${prepared.length} message(s) to the outbox:`, (error as Error).message);
    return;
  }
  await deliverNow(ids);
}

/**
 * Inside the caller's transaction: writes the messages to the outbox with the change. Call
 * `deliver()` after the commit for prompt delivery; rows left undelivered (a crash between
 * commit and delivery) are sent by the outbox sweep within about two minutes.
 * @public for the modules' commands (docs/decisions/033-job-queue.md), none of which uses it yet
 */
export async function notifyInTx(tx: Prisma.TransactionClient, messages: NotificationMessage[]): Promise<{ deliver: () => Promise<void> }> {
  const ids = await writeOutbox(tx, prepare(messages));
  return { deliver: () => deliverNow(ids) };
}

/** The users holding a role over a grid, courtyard or community. */
export async function holdersOf(role: Role, scope: { gridId?: string; courtyardId?: string; communityId?: string }) {
  const rows = await db.roleAssignment.findMany({
    where: { role, ...scope, user: { disabledAt: null } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}
