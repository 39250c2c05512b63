// autocannon (a devDependency) ships no types: the little of its API that bench.ts uses.
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";

export type CannonResult = {
  requests: { average: number; total: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

type Options = { url: string; connections: number; duration?: number; amount?: number; headers?: Record<string, string>; timeout?: number };
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
