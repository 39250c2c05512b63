// How a server action is called over HTTP, as the browser calls it: a POST to a page that
// uses the action, with the header `Next-Action: <id>` and the arguments encoded by React's
// encodeReply (the encoder of the client bundle) — a text/plain JSON array, or multipart
// form data when an argument is a FormData. The answer is a React Flight stream whose root
// row names the action's result. See docs/decisions/017-server-action-probes.md.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "../../..");
const flightClient = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export type ManifestEntry = { id: string; filename: string; exportedName: string; pages: string[] };

/** Every server action of the build under test, from Next's server-reference manifest. */
export function buildActions(): ManifestEntry[] {
  const distDir = process.env.LINLI_DIST_DIR ?? ".next-test";
  const file = path.join(root, distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
    edge: Record<string, unknown>;
  };
  expect(Object.keys(manifest.edge), "no action runs on the edge runtime").toEqual([]);
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    pages: Object.keys(entry.workers).map(pagePath),
  }));
}

/** "app/(workspace)/orders/[id]/page" → "/orders/[id]" */
function pagePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segments.join("/").replace(/^page$/, "");
}

export const actionKey = (entry: { filename: string; exportedName: string }) => `${entry.filename}#${entry.exportedName}`;

export type Fields = Record<string, string | string[]>;

export function formData(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) form.append(name, v);
  return form;
}

export type Body = { body: Buffer; contentType: string };

/** The request body the browser sends for these arguments. */
export async function encodeArgs(args: unknown[]): Promise<Body> {
  const encoded = await flightClient.encodeReply(args);
  if (typeof encoded === "string") return { body: Buffer.from(encoded, "utf8"), contentType: "text/plain;charset=UTF-8" };
  return multipart(encoded);
}

export async function multipart(form: FormData): Promise<Body> {
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get("content-type")! };
}

export type ActionAnswer = {
  status: number;
  raw: string;
  /** The action's result, when the stream carried one (undefined for a void action). */
  result: unknown;
  /** The stream's root row said the action threw (Next answers 500 then). */
  threw: boolean;
  headers: Record<string, string>;
};

export type CallOptions = { origin?: string | null; headers?: Record<string, string> };

/**
 * A connection per call. A caller's idle keep-alive socket can be closed by the server (after
 * its keep-alive timeout, or after refusing an oversized body unread) just as the next POST goes
 * out on it, which fails with ECONNRESET; a POST is not retried.
 */
const noReuse = { connection: "close" };

/** POSTs a fetch-style server action call and decodes the answer. */
export async function callAction(
  context: APIRequestContext,
  action: ManifestEntry,
  page: string,
  args: unknown[] | Body,
  options: CallOptions = {},
): Promise<ActionAnswer> {
  const { body, contentType } = Array.isArray(args) ? await encodeArgs(args) : args;
  const origin = options.origin === undefined ? baseURL() : options.origin;
  const response = await context.post(page, {
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      ...noReuse,
      "content-type": contentType,
      ...(origin === null ? {} : { origin }),
      ...options.headers,
    },
    data: body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return decodeAnswer(response);
}

async function decodeAnswer(response: APIResponse): Promise<ActionAnswer> {
  const bytes = await response.body();
  const raw = bytes.toString("utf8");
  const answer: ActionAnswer = { status: response.status(), raw, result: undefined, threw: false, headers: response.headers() };
  if (!(response.headers()["content-type"] ?? "").includes("text/x-component")) return answer;
  const rows = flightRows(bytes);
  const rootRow = rows.get("0");
  if (!rootRow || rootRow.kind !== "json") return answer;
  const rootValue = JSON.parse(rootRow.text) as { a?: unknown };
  const reference = typeof rootValue.a === "string" ? /^\$@([0-9a-f]+)$/.exec(rootValue.a) : null;
  if (!reference) return answer;
  const row = rows.get(reference[1]);
  if (row?.kind === "error") answer.threw = true;
  else if (row) answer.result = resolve(JSON.parse(row.text), rows, 0);
  return answer;
}

type Row = { kind: "json" | "text" | "error" | "other"; text: string };

/** Splits a Flight stream into rows: `<hex id>:<json>\n`, `<hex id>:T<hex length>,<text>`, `<hex id>:E<json>\n` … */
function flightRows(bytes: Buffer): Map<string, Row> {
  const rows = new Map<string, Row>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString("latin1");
    const tag = String.fromCharCode(bytes[colon + 1]);
    if (tag === "T") {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, { kind: "text", text: bytes.subarray(comma + 1, comma + 1 + length).toString("utf8") });
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(0x0a, colon);
    const line = bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString("utf8");
    at = end < 0 ? bytes.length : end + 1;
    if (tag === "E") rows.set(id, { kind: "error", text: line.slice(1) });
    else if (tag === "{" || tag === "[" || tag === '"' || /[-0-9tfn]/.test(tag)) rows.set(id, { kind: "json", text: line });
    else rows.set(id, { kind: "other", text: line });
  }
  return rows;
}

function resolve(value: unknown, rows: Map<string, Row>, depth: number): unknown {
  if (depth > 20) throw new Error("Flight references nest too deep");
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    const reference = /^\$@?([0-9a-f]+)$/.exec(value);
    if (!reference) return value;
    const row = rows.get(reference[1]);
    if (!row) throw new Error(`Flight row ${reference[1]} missing`);
    if (row.kind === "text") return row.text;
    if (row.kind === "json") return resolve(JSON.parse(row.text), rows, depth + 1);
    throw new Error(`Flight row ${reference[1]} is not data: ${row.text.slice(0, 80)}`);
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, rows, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  }
  return value;
}

export function baseURL(): string {
  // The probes' own server when they have their own database (playwright.config.ts).
  const port = Number(process.env.E2E_PORT ?? 3100);
  return `http://localhost:${process.env.ACTIONS_DATABASE_URL ? Number(process.env.ACTIONS_PORT ?? port + 2) : port}`;
}

export async function newClient(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: baseURL() });
}

export const DEMO_PASSWORD = "Linli@2026";

/** A request context holding the session of this account, signed in through signInAction itself. */
export async function signedInClient(actions: ManifestEntry[], phone: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const client = await newClient();
  const signIn = actions.find((a) => a.exportedName === "signInAction");
  if (!signIn) throw new Error("signInAction is not in the build");
  const answer = await callAction(client, signIn, "/login", [{}, formData({ phone, password })]);
  expect(answer.headers["x-action-redirect"], `${phone} signs in`).toBeTruthy();
  const cookies = (await client.storageState()).cookies.map((c) => c.name);
  expect(
    cookies.some((name) => name.includes("session-token")),
    `${phone} holds a session cookie`,
  ).toBe(true);
  return client;
}

/**
 * The no-JavaScript form post of an action (`$ACTION_ID_<id>` among the fields, no Next-Action
 * header): what a cross-site HTML form would send.
 */
export async function postForm(context: APIRequestContext, action: ManifestEntry, page: string, fields: Fields, options: CallOptions = {}) {
  const { body, contentType } = await multipart(formData({ [`$ACTION_ID_${action.id}`]: "", ...fields }));
  const origin = options.origin === undefined ? baseURL() : options.origin;
  const response = await context.post(page, {
    headers: { "content-type": contentType, ...noReuse, ...(origin === null ? {} : { origin }), ...options.headers },
    data: body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: response.status(), raw: (await response.body()).toString("utf8") };
}
