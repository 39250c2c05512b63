// Every kind of background work the portal runs (docs/decisions/033-job-queue.md). A module
// declares its jobs with defineJob() beside its rules and adds them here; each server process
// starts the queue from src/instrumentation.ts.
import { deliverNotificationJob, notificationSweepJob } from "@/domain/notifications/jobs";
import { orderHousekeepingJob } from "@/domain/orders/housekeeping";
import { scheduledJobsEnabled } from "@/server/env";
import { startJobQueue } from "@/server/jobs/queue";

export const jobs = [orderHousekeepingJob, deliverNotificationJob, notificationSweepJob];

export async function startJobs() {
  await startJobQueue({ jobs, schedules: scheduledJobsEnabled() });
}
