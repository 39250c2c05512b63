// The outbox's two jobs (docs/decisions/033-job-queue.md): `notifications.deliver` retries one
// message that inline delivery could not deliver, with backoff (about two hours in all), and
// `notifications.sweep` hands stranded rows to it and prunes delivered ones, every minute.
import { z } from "zod";
import { defineJob, type JobRun } from "@/server/jobs/define";
import { deliverOutbox, markQueued, pruneDelivered, recordFailedAttempt, strandedOutbox } from "./outbox";

export const deliverNotificationJob = defineJob({
  name: "notifications.deliver",
  data: z.object({ outboxId: z.string().min(1) }),
  // 15 s, 30 s, 1 min … doubling (with jitter) over 8 retries.
  retry: { limit: 8, delaySeconds: 15, backoff: true },
  expireInSeconds: 120,
  async handle({ outboxId }, run) {
    try {
      await deliverOutbox([outboxId]);
    } catch (error) {
      await recordFailedAttempt([outboxId], error, run.retryCount >= run.retryLimit);
      throw error;
    }
  },
});

/**
 * Hands rows to the delivery job, one job per row keyed by it (a second send does nothing),
 * starting after `delayMs`: a channel that just failed is given a moment.
 */
export async function queueDelivery(send: JobRun["send"], ids: string[], delayMs = 15_000) {
  for (const outboxId of ids) await send(deliverNotificationJob, { outboxId }, { key: outboxId, at: new Date(Date.now() + delayMs) });
  if (ids.length) await markQueued(ids);
}

export const notificationSweepJob = defineJob({
  name: "notifications.sweep",
  data: z.object({}),
  schedule: { cron: "* * * * *", data: {} },
  retry: { limit: 0, delaySeconds: 0 },
  async handle(_data, run) {
    const stranded = await strandedOutbox();
    await queueDelivery(run.send, stranded, 0);
    return { queued: stranded.length, pruned: await pruneDelivered() };
  },
});
