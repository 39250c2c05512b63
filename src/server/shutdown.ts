// Work to finish before the server process exits on SIGTERM (scripts/serve.ts), registered by
// the parts of the app that hold timers or connections. Jobs stop first, then connections close,
// so that a job under way can still write. The list lives on globalThis because the app's bundles
// and the server around them load this module separately.
type Phase = "jobs" | "connections";
type Hook = { phase: Phase; name: string; run: () => unknown };

const KEY = Symbol.for("linli.shutdown-hooks");

function hooks(): Hook[] {
  const store = globalThis as Record<symbol, Hook[] | undefined>;
  return (store[KEY] ??= []);
}

export function onShutdown(phase: Phase, name: string, run: () => unknown) {
  hooks().push({ phase, name, run });
}

export async function runShutdownHooks(log: (line: string) => void) {
  for (const phase of ["jobs", "connections"] as const) {
    await Promise.all(
      hooks()
        .filter((hook) => hook.phase === phase)
        .map(async (hook) => {
          try {
            await hook.run();
            log(`stopped ${hook.name}`);
          } catch (error) {
            log(`stopping ${hook.name} failed: ${(error as Error).message}`);
          }
        }),
    );
  }
}
