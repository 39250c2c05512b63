// The job queue: pg-boss 10 in PostgreSQL, in schema "pgboss", which pg-boss creates and
// migrates itself on start (docs/decisions/033-job-queue.md). Every server process runs one
// (src/instrumentation.ts → src/jobs.ts); they share the jobs through the database, each job
// is taken by one of them at a time, and a recurring job is sent once per slot however many
// run. Stopped in the "jobs" phase of a graceful shutdown (src/server/shutdown.ts).
import "server-only";
import crypto from "node:crypto";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/server/env";
import { onShutdown } from "@/server/shutdown";
import type { JobDefinition, JobRun, SendOptions } from "./define";

// The handlers' payload types differ; each is checked by its own schema at the edges.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `unknown` would not accept a handler of a narrower payload
type AnyJob = JobDefinition<any>;

export type QueueOptions = {
  jobs: readonly AnyJob[];
  /** Run the recurring jobs (false where LINLI_HOUSEKEEPING=0). */
  schedules: boolean;
  connectionString?: string;
  /** Tests: ask for work this often, whatever the jobs say. */
  pollSeconds?: number;
  log?: (line: string) => void;
};

const DEFAULT_TZ = "Asia/Shanghai";
const DEFAULT_RETRY = { limit: 2, delaySeconds: 30, backoff: true };

/** A job id made from a key, so that sending the same key twice inserts one job. */
function keyedId(name: string, key: string): string {
  const h = crypto.createHash("sha256").update(`${name}\0${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly jobs: Map<string, AnyJob>,
    private readonly log: (line: string) => void,
  ) {}

  static async start(options: QueueOptions): Promise<JobQueue> {
    const log = options.log ?? ((line) => console.error(line));
    const boss = new PgBoss({
      connectionString: options.connectionString ?? databaseUrl(),
      application_name: "linli-jobs",
      // Workers poll a few queues; the app's own pool (src/server/db/client.ts) serves requests.
      max: 3,
      // The cron clock: only where recurring jobs run.
      schedule: options.schedules,
    });
    // Without a listener an "error" event would end the process.
    boss.on("error", (error) => log(`[jobs] ${error.message}`));
    await boss.start();
    const queue = new JobQueue(boss, new Map(options.jobs.map((job) => [job.name, job])), log);
    await queue.declare(options);
    return queue;
  }

  private async declare({ jobs, schedules, pollSeconds }: QueueOptions) {
    for (const job of jobs) {
      const retry = job.retry ?? DEFAULT_RETRY;
      const settings = {
        name: job.name,
        policy: "standard" as const,
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: retry.backoff ?? false,
        // pg-boss refuses the key when it is present but undefined.
        ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
      };
      // createQueue leaves an existing queue as it was: update it to what the code says now.
      await this.boss.createQueue(job.name, settings);
      await this.boss.updateQueue(job.name, settings);
    }
    if (schedules) {
      const recurring = jobs.filter((job) => job.schedule);
      for (const job of recurring) {
        const { cron, data, tz, alsoAtStart } = job.schedule!;
        await this.boss.schedule(job.name, cron, data, { tz: tz ?? DEFAULT_TZ });
        if (alsoAtStart) await this.boss.send(job.name, data, { startAfter: 5 });
      }
      // A job whose schedule left the code stops recurring.
      for (const { name } of await this.boss.getSchedules()) if (!recurring.some((job) => job.name === name)) await this.boss.unschedule(name);
    }
    for (const job of jobs) {
      if (job.schedule && !schedules) continue;
      const interval = pollSeconds ?? job.pollSeconds ?? (job.schedule ? 10 : 2);
      await this.boss.work(job.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: interval }, async ([taken]) => this.run(job, taken));
    }
  }

  private async run(job: AnyJob, taken: PgBoss.JobWithMetadata<unknown>) {
    const run: JobRun = {
      id: taken.id,
      retryCount: taken.retryCount,
      retryLimit: taken.retryLimit,
      send: (next, data, options) => this.send(next, data, options),
    };
    try {
      const result = await job.handle(job.data.parse(taken.data), run);
      // Kept as the job's output (pgboss.job.output), which pg-boss stores as an object.
      return result && typeof result === "object" ? result : undefined;
    } catch (error) {
      this.log(`[jobs] ${job.name} ${taken.id} failed (attempt ${taken.retryCount + 1} of ${taken.retryLimit + 1}): ${(error as Error).message}`);
      throw error;
    }
  }

  /** Sends a job; null when its key was sent before (the job is still kept). */
  async send<T>(job: JobDefinition<T>, data: T, options: SendOptions = {}): Promise<string | null> {
    // pg-boss drops a job for a queue it does not know without a word.
    if (!this.jobs.has(job.name)) throw new Error(`job ${job.name} is not declared in this queue (src/jobs.ts)`);
    return this.boss.send(job.name, job.data.parse(data) as object, {
      ...(options.at ? { startAfter: options.at } : {}),
      ...(options.key ? { id: keyedId(job.name, options.key) } : {}),
    });
  }

  /** Lets the jobs under way finish (up to `timeoutMs`), fails what is left for a retry, closes the pool. */
  async stop(timeoutMs = 10_000) {
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}

// One queue per process, on globalThis: the app's bundles load this module separately.
const KEY = Symbol.for("linli.job-queue");
type Slot = { queue?: JobQueue; starting?: Promise<JobQueue> };
const slot = () => ((globalThis as Record<symbol, Slot | undefined>)[KEY] ??= {});

/** Starts this process's queue once and stops it with the server. */
export function startJobQueue(options: QueueOptions): Promise<JobQueue> {
  const current = slot();
  current.starting ??= JobQueue.start(options).then((queue) => {
    current.queue = queue;
    onShutdown("jobs", "the job queue", () => queue.stop());
    return queue;
  });
  return current.starting;
}

/** This process's queue, once started (none in tests and scripts). */
export const runningQueue = (): JobQueue | undefined => slot().queue;

/**
 * Sends a job through this process's queue. False when no queue runs here (tests, scripts):
 * callers whose work must happen anyway leave a row that a recurring job picks up.
 * @public for deadline hooks (docs/architecture.md), none of which exists yet
 */
export async function enqueue<T>(job: JobDefinition<T>, data: T, options?: SendOptions): Promise<boolean> {
  const queue = slot().queue;
  if (!queue) return false;
  await queue.send(job, data, options);
  return true;
}
