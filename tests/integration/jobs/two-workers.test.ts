// The job queue on the real database (docs/decisions/033-job-queue.md): two pg-boss workers,
// as two server processes would run them, take the same jobs; each job is idempotent, so
// there is one result however many run it, at once or again.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { acceptOrder, completeOrder } from "@/domain/orders/commands";
import { orderHousekeepingJob } from "@/domain/orders/housekeeping";
import { inAppChannel, useChannels, type NotificationChannel } from "@/domain/notifications/channels";
import { deliverNotificationJob, notificationSweepJob, queueDelivery } from "@/domain/notifications/jobs";
import { notify } from "@/domain/notifications/notify";
import { writeOutbox } from "@/domain/notifications/outbox";
import { db } from "@/server/db/client";
import { defineJob, type JobDefinition } from "@/server/jobs/define";
import { JobQueue, type QueueOptions } from "@/server/jobs/queue";
import { loopFixture, SERVICE } from "../orders/fixture";

const running: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((q) => q.stop(2_000)));
});

async function start(jobs: QueueOptions["jobs"], schedules = false) {
  const queue = await JobQueue.start({ jobs, schedules, pollSeconds: 0.5, log: () => {} });
  running.push(queue);
  return queue;
}

/** Waits until the jobs have finished, and answers their states. */
async function settled(ids: (string | null)[], ms = 20_000): Promise<string[]> {
  const wanted = ids.filter((id): id is string => id !== null);
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text FROM pgboss.job WHERE id = ANY($1::uuid[])`, wanted);
    if (rows.length === wanted.length && rows.every((r) => r.state === "completed" || r.state === "failed")) return rows.map((r) => r.state);
    if (Date.now() > deadline) throw new Error(`jobs not settled: ${rows.map((r) => r.state).join(", ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The job as one worker runs it: notes who ran it, and holds until both workers have one in
 * hand (or 5 s), so that the two runs overlap rather than follow each other.
 */
function gated<T>(job: JobDefinition<T>, worker: string, ranBy: Set<string>): JobDefinition<T> {
  return {
    ...job,
    schedule: undefined,
    async handle(data, run) {
      ranBy.add(worker);
      const until = Date.now() + 5_000;
      while (ranBy.size < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return job.handle(data, run);
    },
  };
}

async function completedLongAgo() {
  const { people, place } = await loopFixture();
  const { id } = await place(people.requester, { categoryId: SERVICE });
  await acceptOrder(people.workerA1, id);
  await completeOrder(people.workerA1, id, { note: "已处理。" });
  await db.order.update({ where: { id }, data: { completedAt: new Date(Date.now() - 30 * 86400_000) } });
  return { people, id };
}

describe("two workers on one database", () => {
  it("run the housekeeping at the same time: the order closes once, with one event and one notification", async () => {
    const { people, id } = await completedLongAgo();
    const ranBy = new Set<string>();
    const a = await start([gated(orderHousekeepingJob, "a", ranBy), deliverNotificationJob]);
    await start([gated(orderHousekeepingJob, "b", ranBy), deliverNotificationJob]);
    const sent = await Promise.all([a.send(orderHousekeepingJob, {}), a.send(orderHousekeepingJob, {})]);
    expect(await settled(sent)).toEqual(["completed", "completed"]);
    expect([...ranBy].sort()).toEqual(["a", "b"]);

    expect(await db.order.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CLOSED", closeReason: "UNRATED" });
    expect(await db.orderEvent.count({ where: { orderId: id, type: "CLOSED" } })).toBe(1);
    const closed = { userId: people.requester.userId, orderId: id, kind: "statusChanged", params: { path: ["status"], equals: "CLOSED" } } as const;
    expect(await db.notificationOutbox.count({ where: closed })).toBe(1);
    expect(await db.notification.count({ where: closed })).toBe(1);
  });

  it("deliver the same outbox rows at the same time: one Notification each", async () => {
    const { people, place } = await loopFixture();
    const { id: orderId, number } = await place();
    const ids = await writeOutbox(db, [
      { userId: people.secretaryA1.userId, orderId, kind: "awaitingDispatch", params: { number, title: "楼道灯坏了" } },
      { userId: people.staffA.userId, orderId, kind: "poorRating", params: { number, title: "楼道灯坏了" } },
    ]);
    const ranBy = new Set<string>();
    const a = await start([gated(deliverNotificationJob, "a", ranBy)]);
    await start([gated(deliverNotificationJob, "b", ranBy)]);
    // Each row twice, without a key: four jobs, two for each row.
    const sent = await Promise.all(ids.flatMap((outboxId) => [a.send(deliverNotificationJob, { outboxId }), a.send(deliverNotificationJob, { outboxId })]));
    expect(await settled(sent)).toEqual(["completed", "completed", "completed", "completed"]);
    expect([...ranBy].sort()).toEqual(["a", "b"]);

    expect(await db.notification.findMany({ where: { id: { in: ids } }, select: { id: true } })).toHaveLength(2);
    expect(await db.notification.count({ where: { orderId, kind: { in: ["awaitingDispatch", "poorRating"] } } })).toBe(2);
    const rows = await db.notificationOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => [r.deliveredVia, r.deliveredAt !== null])).toEqual([
      [["in-app"], true],
      [["in-app"], true],
    ]);
  });
});

describe("the notification outbox", () => {
  const flaky = (failures: number): NotificationChannel => ({
    name: "in-app",
    async deliver(messages, tx) {
      if (failures-- > 0) throw new Error("channel down");
      await inAppChannel.deliver(messages, tx);
    },
  });
  const quietly = async <T>(work: () => Promise<T>) => {
    const original = console.error;
    console.error = () => {};
    try {
      return await work();
    } finally {
      console.error = original;
    }
  };

  it("delivers at once after the change, so the reader sees it on the next page", async () => {
    const { people, place } = await loopFixture();
    const { id } = await place();
    const row = await db.notificationOutbox.findFirstOrThrow({ where: { orderId: id, userId: people.workerA1.userId, kind: "newOrder" } });
    expect(row).toMatchObject({ deliveredVia: ["in-app"], attempts: 0, queuedAt: null });
    expect(row.deliveredAt).not.toBeNull();
    expect(await db.notification.findUnique({ where: { id: row.id } })).toMatchObject({ userId: people.workerA1.userId, kind: "newOrder" });
  });

  it("retries a failed delivery with the job until it succeeds, once", async () => {
    const { people, place } = await loopFixture();
    const { id: orderId, number } = await place();
    const previous = useChannels([flaky(2)]);
    try {
      const message = { userId: people.staffA.userId, orderId, kind: "poorRating" as const, params: { number, title: "楼道灯坏了" } };
      await quietly(() => notify([message]));
      const row = await db.notificationOutbox.findFirstOrThrow({ where: { orderId, userId: people.staffA.userId } });
      // The change stood, nothing was delivered, and no queue runs in this process: left for the sweep.
      expect(row).toMatchObject({ deliveredAt: null, attempts: 1, lastError: "in-app: channel down", queuedAt: null });

      const queue = await start([{ ...deliverNotificationJob, retry: { limit: 3, delaySeconds: 1, backoff: false } }]);
      const send: Parameters<typeof queueDelivery>[0] = (job, data, options) => queue.send(job, data, options);
      await queueDelivery(send, [row.id], 0);
      await queueDelivery(send, [row.id], 0); // keyed by the row: the second send adds no job
      const jobs = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id::text FROM pgboss.job WHERE name = $1 AND data->>'outboxId' = $2`,
        deliverNotificationJob.name,
        row.id,
      );
      expect(jobs).toHaveLength(1);
      expect(await quietly(() => settled([jobs[0].id]))).toEqual(["completed"]);
    } finally {
      useChannels(previous);
    }
    const row = await db.notificationOutbox.findFirstOrThrow({ where: { orderId, userId: people.staffA.userId } });
    expect(row).toMatchObject({ deliveredVia: ["in-app"], attempts: 2, failedAt: null });
    expect(await db.notification.count({ where: { id: row.id } })).toBe(1);
  });

  it("marks a row failed when the job's last retry fails", async () => {
    const { people, place } = await loopFixture();
    const { id: orderId, number } = await place();
    const [outboxId] = await writeOutbox(db, [{ userId: people.staffA.userId, orderId, kind: "poorRating", params: { number, title: "x" } }]);
    const previous = useChannels([flaky(99)]);
    try {
      const queue = await start([{ ...deliverNotificationJob, retry: { limit: 1, delaySeconds: 1, backoff: false } }]);
      expect(await quietly(async () => settled([await queue.send(deliverNotificationJob, { outboxId })]))).toEqual(["failed"]);
    } finally {
      useChannels(previous);
    }
    const row = await db.notificationOutbox.findUniqueOrThrow({ where: { id: outboxId } });
    expect(row).toMatchObject({ deliveredAt: null, attempts: 2 });
    expect(row.failedAt).not.toBeNull();
    expect(await db.notification.count({ where: { id: outboxId } })).toBe(0);
  });

  it("sweeps stranded rows into delivery and prunes delivered ones after a week", async () => {
    const { people, place } = await loopFixture();
    const { id: orderId, number } = await place();
    const [stranded, old] = await writeOutbox(db, [
      { userId: people.staffA.userId, orderId, kind: "poorRating", params: { number, title: "x" } },
      { userId: people.staffB.userId, orderId, kind: "poorRating", params: { number, title: "x" } },
    ]);
    await db.notificationOutbox.update({ where: { id: stranded }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    await db.notificationOutbox.update({ where: { id: old }, data: { deliveredAt: new Date(Date.now() - 8 * 86400_000) } });
    const queue = await start([{ ...notificationSweepJob, schedule: undefined }, deliverNotificationJob]);
    await settled([await queue.send(notificationSweepJob, {})]);
    const deadline = Date.now() + 10_000;
    while (!(await db.notification.findUnique({ where: { id: stranded } })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await db.notificationOutbox.findUnique({ where: { id: stranded } })).toMatchObject({ deliveredVia: ["in-app"] });
    expect(await db.notificationOutbox.findUnique({ where: { id: old } })).toBeNull();
  });
});

describe("the queue", () => {
  const seen: number[] = [];
  const deadline = defineJob({
    name: "test.deadline",
    data: z.object({ n: z.number() }),
    async handle({ n }) {
      seen.push(n);
    },
  });

  it("sends a deadline hook once per key, and runs it not before its time", async () => {
    const queue = await start([deadline]);
    const at = new Date(Date.now() + 1_500);
    const first = await queue.send(deadline, { n: 1 }, { at, key: "order-1:response" });
    expect(await queue.send(deadline, { n: 2 }, { at, key: "order-1:response" })).toBeNull();
    await settled([first]);
    expect(seen).toEqual([1]);
    const [{ startedOn }] = await db.$queryRawUnsafe<{ startedOn: Date }[]>(`SELECT started_on AS "startedOn" FROM pgboss.job WHERE id = $1::uuid`, first);
    expect(startedOn.getTime()).toBeGreaterThanOrEqual(at.getTime() - 1_000);
  });

  it("refuses a payload its job does not accept, and a job it was not given", async () => {
    const queue = await start([deadline]);
    await expect(queue.send(deadline, { n: "one" } as never)).rejects.toThrow();
    await expect(queue.send(orderHousekeepingJob, {})).rejects.toThrow(/not declared/);
  });

  it("leaves the recurring jobs alone where LINLI_HOUSEKEEPING=0", async () => {
    const queue = await start([orderHousekeepingJob, deliverNotificationJob], false);
    const id = await queue.send(orderHousekeepingJob, {});
    await new Promise((r) => setTimeout(r, 1_500));
    const [{ state }] = await db.$queryRawUnsafe<{ state: string }[]>(`SELECT state::text FROM pgboss.job WHERE id = $1::uuid`, id);
    expect(state).toBe("created");
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE id = $1::uuid`, id);
  });
});
