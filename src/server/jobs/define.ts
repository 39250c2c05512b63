// The shape of background work (docs/decisions/033-job-queue.md). A module declares each kind
// of job once, beside the rules it runs, and lists it in src/jobs.ts; the queue
// (src/server/jobs/queue.ts) runs it in every server process. Pure: no database here.
import type { z } from "zod";

/** What a handler learns about the run under way. */
export type JobRun = {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
  /** Sends follow-up jobs through the queue that runs this one. */
  send: <T>(job: JobDefinition<T>, data: T, options?: SendOptions) => Promise<string | null>;
};

export type JobDefinition<T> = {
  /** The queue's name: `<area>.<what>`, e.g. "orders.housekeeping". */
  readonly name: string;
  /** The payload, checked when sent and again when run (a job may outlive a deployment). */
  readonly data: z.ZodType<T>;
  /**
   * Runs one job; throwing fails it, and it is retried per `retry`. Every handler must be
   * idempotent: the same job run twice, or by two servers at once, produces one result (a
   * status-guarded update, a unique key, a row lock) — the queue delivers at least once.
   */
  readonly handle: (data: T, run: JobRun) => Promise<unknown>;
  /** Attempts after the first, seconds before the first retry, doubling each time with `backoff`. */
  readonly retry?: { limit: number; delaySeconds: number; backoff?: boolean };
  /** A run taking longer than this counts as failed (default 15 minutes). */
  readonly expireInSeconds?: number;
  /**
   * A recurring job: a cron expression (minute granularity) in `tz` (default Asia/Shanghai),
   * sent once per slot however many servers run. Off where LINLI_HOUSEKEEPING=0.
   * `alsoAtStart`: each server also sends one 5 s after it starts, so that a restart catches up
   * at once on a slot it missed.
   */
  readonly schedule?: { cron: string; data: T; tz?: string; alsoAtStart?: boolean };
  /** How often an idle server asks for this kind of job (default 2 s; scheduled jobs 10 s). */
  readonly pollSeconds?: number;
};

export type SendOptions = {
  /** Not before this time: a deadline hook. The handler re-reads the state, which may have moved on. */
  at?: Date;
  /** Sending the same key again while the first job is kept does nothing (a deterministic job id). */
  key?: string;
};

export function defineJob<T>(job: JobDefinition<T>): JobDefinition<T> {
  if (!/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/.test(job.name)) throw new Error(`job name "${job.name}": use <area>.<what>`);
  return job;
}
