// The portal's HTTP server under `npm start`: Next.js's request handler inside a Node server of
// our own, for two things `next start` does not do.
// - Tell the app who the client is: the socket's address, or what a trusted proxy forwarded
//   (LINLI_TRUSTED_PROXIES; src/server/http/peer.ts, docs/decisions/026-client-address.md).
// - Stop without dropping an answer: on SIGTERM or Ctrl-C it takes no new connection, lets the
//   requests under way finish (at most LINLI_SHUTDOWN_GRACE_SECONDS, 10 by default), stops the
//   job queue and the database pool, then exits (docs/decisions/027-graceful-shutdown.md).
import http from "node:http";
import path from "node:path";
import next from "next";
import { shutdownGraceSeconds, trustedProxies } from "../src/server/env";
import { compileTrust, markClientAddressStamping, stampClientAddress } from "../src/server/http/peer";
import { runShutdownHooks } from "../src/server/shutdown";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const port = Number(process.env.PORT ?? 3000);
const say = (line: string) => process.stdout.write(`[linli] ${line}\n`);

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return done();
}

async function main() {
  const trust = compileTrust(trustedProxies());
  const graceSeconds = shutdownGraceSeconds();
  const app = next({ dev: false, dir: root, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  markClientAddressStamping();

  const underWay = new Set<http.ServerResponse>();
  let stopping = false;
  const server = http.createServer((request, response) => {
    stampClientAddress(request, trust);
    underWay.add(response);
    response.once("close", () => {
      underWay.delete(response);
      // A keep-alive connection that just went idle would otherwise wait for its timeout.
      if (stopping) server.closeIdleConnections();
    });
    if (stopping) response.setHeader("connection", "close");
    handle(request, response).catch((error: Error) => {
      console.error("[linli]", error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  say(`listening on port ${port}`);

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: no new connections; finishing ${underWay.size} request(s) under way`);
    server.close();
    server.closeIdleConnections();
    for (const response of underWay) if (!response.headersSent) response.setHeader("connection", "close");
    if (!(await until(() => underWay.size === 0, graceSeconds * 1000))) {
      say(`${underWay.size} request(s) still under way after ${graceSeconds} s: closing their connections`);
      server.closeAllConnections();
    }
    await runShutdownHooks((line) => say(line));
    await app.close();
    say("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  // Under `npm test` the server lives only as long as the test run: a run that is killed outright
  // (no signal reaches the servers its browser runner started) must not leave them serving.
  const owner = Number(process.env.LINLI_STOP_WITH_PID);
  if (owner > 0) {
    const alive = () => {
      try {
        process.kill(owner, 0);
        return true;
      } catch {
        return false;
      }
    };
    setInterval(() => {
      if (!alive()) void stop("SIGTERM");
    }, 2_000).unref();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[linli] ${error.message}\n`);
  process.exit(1);
});
