// autocannon (a devDependency) ships no types: the little of its API that bench.ts uses.
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";

export type CannonResult = {
  requests: { average: number; total: number };
  /** Seconds the run took. */
  duration: number;
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

type Request = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: Request) => Request | null;
  onResponse?: (status: number, body: string) => void;
};
type Options = {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  timeout?: number;
  requests?: Request[];
};
type Autocannon = (options: Options, done: (error: Error | null, result: CannonResult) => void) => EventEmitter;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/**
 * One run of `duration` seconds, or of `amount` requests when given; `times` holds every
 * response's latency in ms (autocannon's summary has no p95).
 */
export function cannon(
  url: string,
  connections: number,
  run: { duration: number } | { amount: number },
  cookie?: string,
): Promise<{ result: CannonResult; times: number[] }> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, ...run, headers: cookie ? { cookie } : {}, timeout: 60 }, (error, result) =>
      error ? reject(error) : resolve({ result, times }),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}

export type ActionRun = { result: CannonResult; times: number[]; succeeded: number; refused: Map<string, number>; built: number };

/**
 * A run of POSTs whose path and body change per request (`next`), each answer read for the
 * action's own verdict: a refused action answers 200 too, so `succeeded` counts only answers
 * that `verdict` accepts, and `refused` the messages of the others.
 */
export function cannonRequests(
  url: string,
  connections: number,
  run: { duration: number } | { amount: number },
  headers: Record<string, string>,
  next: () => { path: string; body: string } | null,
  verdict: (status: number, body: string) => { ok: boolean; error?: string },
): Promise<ActionRun> {
  const times: number[] = [];
  let succeeded = 0;
  let built = 0;
  const refused = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        ...run,
        timeout: 60,
        requests: [
          {
            method: "POST",
            headers,
            setupRequest(request) {
              // Never null: autocannon gives up on a run whose request cannot be built. A used-up
              // supply asks for a path that does not exist, which counts as an error.
              const n = next() ?? { path: "/__bench-supply-used-up", body: "" };
              built++;
              return { ...request, path: n.path, body: n.body };
            },
            onResponse(status, body) {
              const v = verdict(status, body);
              if (v.ok) succeeded++;
              else refused.set(v.error ?? "?", (refused.get(v.error ?? "?") ?? 0) + 1);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times, succeeded, refused, built })),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}
