// Runs once per server process. Checks the photo store's settings, and starts the loop's
// housekeeping (closing unrated orders, removing photos no form used) every ten minutes.
// Every instance runs it; each order is closed by an update guarded by its status, so one
// process wins it (shown with two instances by `npm run bench:cluster`).
// On shutdown no new round starts and the round under way finishes (scripts/serve.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A mistake in the photo store's settings stops the server at start, not at the first photo.
  const { photoStoreConfig } = await import("./server/uploads/store-config");
  photoStoreConfig(process.env);
  if (process.env.LINLI_HOUSEKEEPING === "0") return;
  const { runOrderHousekeeping } = await import("./domain/orders/housekeeping");
  const { onShutdown } = await import("./server/shutdown");
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= runOrderHousekeeping()
      .then(
        () => undefined,
        (error: Error) => console.error("[housekeeping]", error.message),
      )
      .finally(() => (running = null));
  };
  const first = setTimeout(tick, 5_000).unref();
  const every = setInterval(tick, 10 * 60_000).unref();
  onShutdown("jobs", "the housekeeping", async () => {
    clearTimeout(first);
    clearInterval(every);
    await running;
  });
}
