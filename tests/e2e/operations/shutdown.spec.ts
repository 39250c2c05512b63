// Stopping `npm start` while residents are placing orders: SIGTERM in the middle of a burst of
// writes. Every request must either get its answer or leave no row (no order saved behind a reset
// connection), and the embedded PostgreSQL must be stopped cleanly afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startEmbeddedPostgres } from "../../../scripts/lib/embedded-postgres";
import { buildActions, callAction, formData } from "../security/actions-wire";
import { startPortal } from "./portal";

type Call = { title: string; sent: number; done?: number; ok?: boolean; status?: number; failure?: string };

test("SIGTERM during a burst of orders: each is answered or leaves no row, and the database stops cleanly", async ({ playwright }) => {
  test.setTimeout(120_000);
  const portal = await startPortal({ embedded: true });
  const dataDir = path.join(portal.dataRoot!, "postgres");
  try {
    const actions = buildActions();
    const action = (name: string) => actions.find((a) => a.exportedName === name)!;
    const client = await playwright.request.newContext({ baseURL: portal.url });
    const signedIn = await callAction(client, action("signInAction"), "/login", [{}, formData({ phone: "13800000001", password: "Linli@2026" })], {
      origin: portal.url,
    });
    expect(signedIn.headers["x-action-redirect"], "the demo resident signs in").toBeTruthy();

    const password = fs.readFileSync(path.join(portal.dataRoot!, ".postgres.password"), "utf8").trim();
    const url = `postgresql://linli:${encodeURIComponent(password)}@127.0.0.1:${portal.pgPort}/linli`;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const [{ id: categoryId }] = (await db.query<{ id: string }>(`SELECT id FROM "OrderCategory" WHERE active ORDER BY "sortOrder" LIMIT 1`)).rows;
    await db.end();

    const calls: Call[] = [];
    const run = crypto.randomBytes(3).toString("hex");
    let signalledAt = Infinity;
    const place = async (worker: number) => {
      for (let n = 0; ; n++) {
        const call: Call = { title: `停机${run}-${worker}-${n}`, sent: Date.now() };
        calls.push(call);
        const fields = {
          categoryId,
          title: call.title,
          description: "停机时的请求要么得到答复，要么不留下记录。",
          contactPreference: "IN_APP",
          idempotencyKey: crypto.randomUUID(),
        };
        try {
          const answer = await callAction(client, action("placeOrderAction"), "/resident/orders/new", [{}, formData(fields)], { origin: portal.url });
          call.status = answer.status;
          call.ok = answer.status === 200 && (answer.result as { ok?: boolean } | undefined)?.ok === true;
        } catch (error) {
          call.failure = (error as Error).message.split("\n")[0];
        }
        call.done = Date.now();
        // Once stopped, the server takes no new connection: the burst ends at the first refusal.
        if (call.failure && call.sent > signalledAt) return;
        if (Date.now() - signalledAt > 20_000) return;
      }
    };
    const burst = Promise.all(Array.from({ length: 8 }, (_, worker) => place(worker)));
    await new Promise((r) => setTimeout(r, 1_500));
    signalledAt = Date.now();
    portal.child.kill("SIGTERM"); // to `npm start`, as a service manager stops it
    await burst;
    const exit = await portal.exited;
    const stoppedAfter = Date.now() - signalledAt;
    await client.dispose();

    expect(exit, `npm start exits normally\n${portal.output()}`).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid")), "PostgreSQL was stopped cleanly (its pid file is gone)").toBe(false);

    const pgAgain = await startEmbeddedPostgres({ dataDir });
    const check = new pg.Client({ connectionString: pgAgain.url("linli") });
    await check.connect();
    const saved = new Set((await check.query<{ title: string }>(`SELECT title FROM "Order" WHERE title LIKE $1`, [`停机${run}-%`])).rows.map((r) => r.title));
    await check.end();
    await pgAgain.stop();

    const inFlight = calls.filter((c) => c.sent < signalledAt && c.done! > signalledAt);
    expect(inFlight.length, "requests were under way when the signal came").toBeGreaterThan(0);
    expect(
      inFlight.filter((c) => c.failure),
      "requests under way at the signal get their answer",
    ).toEqual([]);
    const lost = calls.filter((c) => !c.ok && saved.has(c.title));
    expect(lost, "saved orders whose request got no success answer").toEqual([]);
    const phantom = calls.filter((c) => c.ok && !saved.has(c.title));
    expect(phantom, "answered as saved but not in the database").toEqual([]);
    expect(calls.filter((c) => c.ok).length, "the burst placed orders").toBeGreaterThan(0);
    const description = `${calls.length} requests, ${inFlight.length} under way at the signal, npm start gone ${stoppedAfter} ms after it`;
    test.info().annotations.push({ type: "measured", description });
  } finally {
    await portal.stop();
  }
});
