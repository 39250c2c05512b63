// Runs once per server process: checks the photo store's settings, then starts the job queue
// (src/jobs.ts) — the housekeeping, the notification outbox's retries and sweep, the modules'
// recurring jobs — shared by every instance through PostgreSQL. LINLI_HOUSEKEEPING=0 leaves
// the recurring ones out. The queue stops in the graceful shutdown, after the requests under
// way (scripts/serve.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A mistake in the photo store's settings stops the server at start, not at the first photo.
  const { photoStoreConfig } = await import("./server/uploads/store-config");
  photoStoreConfig(process.env);
  const { startJobs } = await import("./jobs");
  try {
    await startJobs();
  } catch (error) {
    // The portal still serves and delivers notifications inline; retries wait for a restart.
    console.error("[jobs] the job queue did not start:", (error as Error).message);
  }
}
