// Server actions under load (docs/performance.md): place-order and accept POSTed the way the
// browser's form posts them, each request with its own idempotency key or its own new order,
// and the rows written checked against the answers afterwards.
//
// The wire format (Next.js 16, React 19): POST to the URL of the page the form is on, with
// `Next-Action: <id>` (the action's id from the build's server-reference manifest),
// `Accept: text/x-component`, the page's Origin, and a multipart body made by React's
// `encodeReply` of the action's arguments — for `(previousState, formData)` that is the field
// "0" = `[null,"$K1"]` and the form's fields prefixed `_1_`. The answer is an RSC stream: one
// row holds the action's result (`{"ok":true,…}`), the others the page re-rendered after
// `revalidatePath`. A refused action still answers 200, so the result row is what tells
// success from failure.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type pg from "pg";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** The id the build gave an exported server action. */
export function actionId(buildDir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, ".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${filename} in the build's manifest`);
  return found[0];
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;

/**
 * The body the browser sends for `action(null, form)`: encoded by the React client that Next
 * ships (the one in the browser bundle), then serialised as multipart. Fields may hold
 * placeholders, replaced per request by `fill`.
 */
export async function encodeActionBody(fields: Record<string, string>): Promise<{ contentType: string; body: string }> {
  const require = createRequire(import.meta.url);
  const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as { encodeReply: EncodeReply };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const encoded = await encodeReply([null, form]);
  const response = new Response(encoded);
  return { contentType: response.headers.get("content-type")!, body: await response.text() };
}

/** A short mark of one run of a benchmark, for the keys and ids it makes. */
export const runMark = () => Date.now().toString(36) + crypto.randomBytes(2).toString("hex");

export type ActionOutcome = { ok: boolean; id?: string; error?: string };

/** The action's result row in an RSC answer. */
export function actionOutcome(status: number, body: string): ActionOutcome {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}` };
  const row = body.split("\n").find((line) => /^[0-9a-f]+:\{"ok":/.test(line));
  if (!row) return { ok: false, error: "no action result in the answer" };
  const result = JSON.parse(row.slice(row.indexOf(":") + 1)) as { ok: boolean; error?: string; data?: { id?: string } };
  return { ok: result.ok, id: result.data?.id, error: result.error };
}

export type ActionRequest = { path: string; body: string };

/** One benchmarked action: who sends it, how each request differs, and what it must write. */
export type ActionCase = {
  name: string;
  /** The page the form is on, as shown in the table. */
  path: string;
  as: string;
  cookie: string;
  headers: Record<string, string>;
  /** Makes what `count` requests need (e.g. new orders to accept); `tag` names the run. */
  prepare(db: pg.Client, tag: string, count: number): Promise<void>;
  /** The next request of the run prepared last; null when its supply is used up. */
  next(): ActionRequest | null;
  /** Rows the run wrote, checked against the successful answers. */
  verify(db: pg.Client, tag: string, succeeded: number): Promise<Verification>;
};

export type Verification = { ok: boolean; summary: string };

const actionsFile = "src/features/orders/actions.ts";

/** Headers and body of one order action as the browser posts it; the body may hold placeholders. */
export async function orderActionTemplate(
  buildDir: string,
  exportedName: "placeOrderAction" | "orderCommandAction",
  fields: Record<string, string>,
  origin: string,
  cookie: string,
): Promise<{ headers: Record<string, string>; body: string }> {
  const { contentType, body } = await encodeActionBody(fields);
  const id = actionId(buildDir, actionsFile, exportedName);
  return { headers: { "next-action": id, accept: "text/x-component", "content-type": contentType, origin, cookie }, body };
}

/** One action POST; answers the action's verdict and the answer's headers. */
export async function postAction(base: string, request: ActionRequest, headers: Record<string, string>) {
  const response = await fetch(base + request.path, { method: "POST", headers, body: request.body, redirect: "manual" });
  return { outcome: actionOutcome(response.status, await response.text()), headers: response.headers };
}

export const PLACE_ORDER_FIELDS = {
  categoryId: "",
  title: "楼道灯不亮了",
  description: "三单元二楼楼道灯坏了好几天，晚上上下楼看不见，请帮忙报修。",
  contactPreference: "IN_APP",
};

/** 居民点单 by one resident: a new idempotency key per request, as a fresh form would have. */
export async function placeOrderCase(options: {
  buildDir: string;
  origin: string;
  cookie: string;
  resident: { id: string; label: string };
  categoryId: string;
  /** Holders of the grid-worker role in the resident's grid (each is told of each order). */
  gridWorkers: number;
}): Promise<ActionCase> {
  const KEY = "@@bench-key@@";
  const { headers, body } = await orderActionTemplate(
    options.buildDir,
    "placeOrderAction",
    { idempotencyKey: KEY, ...PLACE_ORDER_FIELDS, categoryId: options.categoryId },
    options.origin,
    options.cookie,
  );
  // Keys and ids carry the run's own mark, so a database kept for another run (--reuse) has
  // none of them yet.
  const run = runMark();
  let prefix = "";
  const placedQuery = `FROM "Order" WHERE "placedById" = $1 AND "idempotencyKey" LIKE $2`;
  return {
    name: "place an order (action)",
    path: "/resident/orders/new",
    as: `resident ${options.resident.label}`,
    cookie: options.cookie,
    headers,
    async prepare(_db, tag) {
      prefix = `bench-${run}-${tag}-`;
    },
    next() {
      return { path: "/resident/orders/new", body: body.replace(KEY, `${prefix}${crypto.randomUUID()}`) };
    },
    async verify(db, tag, succeeded) {
      const like = `bench-${run}-${tag}-%`;
      const { rows } = await db.query(
        `SELECT (SELECT count(*) ${placedQuery})::int AS orders,
                (SELECT count(*) FROM "OrderEvent" e WHERE e.type = 'PLACED' AND e."orderId" IN (SELECT id ${placedQuery}))::int AS events,
                (SELECT count(*) FROM "Notification" n WHERE n."orderId" IN (SELECT id ${placedQuery}))::int AS notes,
                (SELECT count(*) FROM (SELECT DISTINCT "userId", "orderId", kind FROM "Notification" n WHERE n."orderId" IN (SELECT id ${placedQuery})) d)::int AS distinct_notes`,
        [options.resident.id, like],
      );
      const r = rows[0];
      const expectedNotes = succeeded * options.gridWorkers;
      const ok = r.orders === succeeded && r.events === succeeded && r.notes === expectedNotes && r.distinct_notes === r.notes;
      return {
        ok,
        summary: `${r.orders} orders and ${r.events} PLACED events for ${succeeded} successful answers; ${r.notes} notifications (expected ${expectedNotes}: ${options.gridWorkers} grid worker(s) × order, ${r.notes - r.distinct_notes} doubled)`,
      };
    },
  };
}

/**
 * 接单 by one grid worker: every request accepts an order of its own, made beforehand with SQL
 * as a resident's new order (新单) in the worker's grid, so no request loses a race.
 */
export async function acceptCase(options: {
  buildDir: string;
  origin: string;
  cookie: string;
  worker: { id: string; label: string };
  gridId: string;
  categoryId: string;
}): Promise<ActionCase> {
  const ORDER = "@@bench-order@@";
  const { headers, body } = await orderActionTemplate(
    options.buildDir,
    "orderCommandAction",
    { orderId: ORDER, command: "accept" },
    options.origin,
    options.cookie,
  );
  let supply: string[] = [];
  let used = 0;
  let courtyardSecretaries = 0;
  const run = runMark();
  const ids = (tag: string) => `bench_acc_${run}_${tag}_%`;
  return {
    name: "accept an order (action)",
    path: "/orders/:id",
    as: `grid worker ${options.worker.label}`,
    cookie: options.cookie,
    headers,
    async prepare(db, tag, count) {
      // A recent order of the grid lends its courtyard, building and requester.
      const { rows } = await db.query(
        `WITH t AS (SELECT * FROM "Order" WHERE "gridId" = $1 AND "requesterId" <> $2 ORDER BY "createdAt" DESC LIMIT 1)
         INSERT INTO "Order" (id, "categoryId", "courtyardId", "buildingId", "gridId", "communityId", "requesterId", "placedById",
                              title, description, "isPublic", "contactPreference", status, "responseDueAt", "resolutionDueAt", "dueAt",
                              "idempotencyKey", "payloadHash", "createdAt", "updatedAt")
         SELECT 'bench_acc_' || $3 || '_' || lpad(g::text, 6, '0'), $4, t."courtyardId", t."buildingId", t."gridId", t."communityId",
                t."requesterId", t."requesterId", '单元门禁坏了', '门禁刷卡没反应，老人进出不方便，请尽快处理。', false, 'IN_APP', 'PLACED',
                now() + interval '1 day', now() + interval '7 days', now() + interval '1 day',
                'bench-acc-' || $3 || '-' || g, 'bench', now(), now()
           FROM t, generate_series(1, $5::int) g
         RETURNING id, "courtyardId"`,
        [options.gridId, options.worker.id, `${run}_${tag}`, options.categoryId, count],
      );
      if (rows.length !== count) throw new Error(`could not make ${count} new orders in grid ${options.gridId}`);
      await db.query(
        `INSERT INTO "OrderEvent" (id, "orderId", "actorId", type, "toStatus", note, "createdAt")
         SELECT 'ev_' || o.id, o.id, o."requesterId", 'PLACED', 'PLACED', '', now() FROM "Order" o WHERE o.id LIKE $1`,
        [ids(tag)],
      );
      const secretaries = await db.query(
        `SELECT count(DISTINCT r."userId")::int AS n FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId"
          WHERE r.role = 'BRANCH_SECRETARY' AND r."courtyardId" = $1 AND u."disabledAt" IS NULL`,
        [rows[0].courtyardId],
      );
      courtyardSecretaries = secretaries.rows[0].n;
      supply = rows.map((r) => r.id as string);
      used = 0;
    },
    next() {
      const id = supply[used++];
      return id ? { path: `/orders/${id}`, body: body.replace(ORDER, id) } : null;
    },
    async verify(db, tag, succeeded) {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM "Order" WHERE id LIKE $1 AND "acceptedById" = $2 AND status <> 'PLACED')::int AS accepted,
                (SELECT count(*) FROM "OrderEvent" WHERE "orderId" LIKE $1 AND type = 'ACCEPTED')::int AS events,
                (SELECT count(*) FROM "Notification" WHERE "orderId" LIKE $1)::int AS notes,
                (SELECT count(*) FROM (SELECT DISTINCT "userId", "orderId", kind FROM "Notification" WHERE "orderId" LIKE $1) d)::int AS distinct_notes`,
        [ids(tag), options.worker.id],
      );
      const r = rows[0];
      // The branch secretaries hear it awaits dispatch, the requester that it was accepted.
      const expectedNotes = succeeded * (courtyardSecretaries + 1);
      const ok = r.accepted === succeeded && r.events === succeeded && r.notes === expectedNotes && r.distinct_notes === r.notes;
      return {
        ok,
        summary: `${r.accepted} orders accepted and ${r.events} ACCEPTED events for ${succeeded} successful answers (of ${supply.length} new orders made); ${r.notes} notifications (expected ${expectedNotes}: ${courtyardSecretaries} secretary(ies) + the requester × order, ${r.notes - r.distinct_notes} doubled)`,
      };
    },
  };
}
