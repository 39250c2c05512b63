// The sweep of every page and route handler in the build (./routes.ts), as every caller:
// anonymous, each demo account, a neighbour, a branch secretary next door, and staff and an
// administrator of another community. Each answer is checked for its status, for personal data
// the caller may not see (full phone numbers, unit and room), for records of other scopes
// (their canary texts), and for the security headers; pages are fetched both as HTML and as the
// RSC payload that client navigation reads. ./unchanged.teardown.ts then shows that none of
// these requests changed a row.
import { expect, test, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import { callerKeys, canary, leakedHomes, leakedPhones, loadFixture, visibility, withDb, type CallerKey, type Fixture, type Visibility } from "./fixtures";
import { expected, orderReaders, routeTable, sweepTable, type Probe, type Route } from "./routes";
import { storageStateOf } from "./sessions";

test.describe.configure({ mode: "parallel" });

type World = { fixture: Fixture; seen: Record<CallerKey, Visibility> };
let world: World | undefined;
async function load(): Promise<World> {
  if (world) return world;
  world = await withDb(async (db) => {
    const fixture = await loadFixture(db);
    const seen = {} as Record<CallerKey, Visibility>;
    for (const caller of callerKeys) seen[caller] = await visibility(db, caller === "anonymous" ? null : (await import("./fixtures")).callers[caller]);
    return { fixture, seen };
  });
  return world;
}

/** One request context per caller, holding that caller's session (made by the setup). */
async function contexts(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string) {
  const result = {} as Record<CallerKey, APIRequestContext>;
  for (const caller of callerKeys) {
    result[caller] = await playwright.request.newContext({ baseURL, storageState: caller === "anonymous" ? undefined : storageStateOf(caller) });
  }
  return result;
}

export function securityHeaderProblems(response: APIResponse): string[] {
  const h = response.headers();
  const problems: string[] = [];
  const csp = h["content-security-policy"] ?? "";
  if (!csp.includes("default-src 'self'")) problems.push("Content-Security-Policy without default-src 'self'");
  if (!csp.includes("frame-ancestors 'none'") && h["x-frame-options"] !== "DENY") problems.push("may be framed");
  if (h["x-content-type-options"] !== "nosniff") problems.push("X-Content-Type-Options is not nosniff");
  if (!h["referrer-policy"]) problems.push("no Referrer-Policy");
  if (!h["permissions-policy"]) problems.push("no Permissions-Policy");
  if (h["x-powered-by"]) problems.push("X-Powered-By");
  return problems;
}

/** Order canaries the caller may not read anywhere: another scope's orders never show up. */
function foreignCanaries(f: Fixture, caller: CallerKey): string[] {
  return orderReaders(f)
    .filter((o) => !o.readers.includes(caller))
    .flatMap((o) => [canary(o.key), canary(`${o.key}-description`)]);
}

/** A GET, once more if the connection was reset before any answer (GETs may be repeated). */
async function get(ctx: APIRequestContext, url: string, options: Parameters<APIRequestContext["get"]>[1]) {
  try {
    return await ctx.get(url, options);
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return ctx.get(url, options);
  }
}

const CATALOGUE_EXAMPLE = "例如 王秀英 或 1380000";
const pathOf = (location: string | undefined) => (location ? new URL(location, "http://x").pathname : undefined);

async function sweepRoute(route: string, kind: Route["kind"], probes: Probe[], w: World, ctx: Record<CallerKey, APIRequestContext>) {
  const problems: string[] = [];
  // Caller by caller, so that each one's connection stays busy (an idle keep-alive socket that
  // the server closes under a request reads as ECONNRESET).
  for (const caller of callerKeys) {
    for (const probe of probes) {
      const want = expected(probe, kind, caller);
      const label = `${caller} GET ${probe.url}`;
      const answers: [string, APIResponse][] = [];
      const html = await get(ctx[caller], probe.url, { maxRedirects: 0 });
      answers.push(["", html]);
      if (html.status() !== want.status) problems.push(`${label}: ${html.status()}, expected ${want.status}`);
      if (want.location && pathOf(html.headers()["location"]) !== want.location) {
        problems.push(`${label}: sent to ${html.headers()["location"]}, expected ${want.location}`);
      }
      if (kind === "page") {
        // What client-side navigation fetches: the RSC payload of the same page.
        const rsc = await get(ctx[caller], `${probe.url}${probe.url.includes("?") ? "&" : "?"}_rsc`, { headers: { RSC: "1" }, maxRedirects: 0 });
        answers.push([" (RSC)", rsc]);
        // The flight protocol carries redirects and not-found inside a 200 answer; what counts
        // there is that nothing of the record is in it (checked below).
        if (![200, 404].includes(rsc.status())) problems.push(`${label} (RSC): ${rsc.status()}`);
      }
      for (const [what, response] of answers) {
        const where = `${label}${what}`;
        for (const p of securityHeaderProblems(response)) problems.push(`${where}: ${p}`);
        if (caller !== "anonymous" && response.status() === 200 && !probe.binary && !probe.public) {
          const cache = response.headers()["cache-control"] ?? "";
          if (!cache.includes("no-store")) problems.push(`${where}: Cache-Control "${cache}" lets personal data be stored`);
        }
        if (probe.binary && response.status() === 200) continue;
        // The translations shipped to the browser name 王秀英 in a search example: not a record.
        const body = (await response.text()).replaceAll(CATALOGUE_EXAMPLE, "");
        const phones = leakedPhones(body, w.seen[caller], probe.extraPhones);
        if (phones.length) problems.push(`${where}: full phone numbers ${phones.join(", ")}`);
        const homes = leakedHomes(body, w.seen[caller]);
        if (homes.length) problems.push(`${where}: homes ${homes.join(", ")}`);
        for (const text of [
          ...foreignCanaries(w.fixture, caller),
          ...(response.status() === 200 ? [] : (probe.canaries ?? [])),
          ...(probe.hidden?.[caller] ?? []),
        ]) {
          if (body.includes(text)) problems.push(`${where}: shows "${text}"`);
        }
      }
    }
  }
  expect(problems, route).toEqual([]);
}

test("every page and route handler of the build has a row in the sweep's table", async () => {
  const { fixture } = await load();
  const { missing, stale } = sweepTable(fixture);
  expect(missing, "built routes the table does not describe: add them to tests/e2e/security/routes.ts").toEqual([]);
  expect(stale, "rows of routes the build no longer has").toEqual([]);
});

for (const [route, row] of Object.entries(routeTable)) {
  test(`${route}: each caller gets its answer, no data of others and the security headers`, async ({ playwright, baseURL }) => {
    test.setTimeout(300_000);
    const w = await load();
    const ctx = await contexts(playwright, baseURL!);
    try {
      await sweepRoute(route, row.kind, row.probes(w.fixture), w, ctx);
    } finally {
      for (const c of Object.values(ctx)) await c.dispose();
    }
  });
}

// ---------------------------------------------------------------------------------------
// Query strings no form sends: every parameter any page reads, with values a hand-typed or
// hostile address may carry. A page falls back to its defaults (or answers 400), never 500.

const queryNames = [
  "page",
  "q",
  "status",
  "categoryId",
  "courtyardId",
  "gridId",
  "requesterId",
  "role",
  "scope",
  "kind",
  "actor",
  "from",
  "to",
  "month",
  "dimension",
  "period",
  "band",
  "format",
  "signedOut",
];
const hostileValues = ["%00", "1e308", "-1", "NaN", "99999999999999999999", "%E4%B8", "%27%3B--", "2026-02-31", "[]"];
/** One long value on its own: twenty of them would pass Node's 16 KB header limit (431). */
const longValue = "x".repeat(5000);

test("every page answers hostile query strings with its page or 400, never 500", async ({ playwright, baseURL }) => {
  test.setTimeout(300_000);
  const w = await load();
  const ctx = await contexts(playwright, baseURL!);
  const problems: string[] = [];
  try {
    for (const [route, row] of Object.entries(routeTable)) {
      if (row.kind !== "page") continue;
      for (const probe of row.probes(w.fixture)) {
        const caller = probe.allowed[0];
        if (!caller || expected(probe, "page", caller).status !== 200) continue;
        const [path] = probe.url.split("?");
        const queries = [...hostileValues.map((value) => queryNames.map((name) => `${name}=${value}`).join("&")), `q=${longValue}&page=${longValue}`];
        for (const query of queries) {
          const response = await get(ctx[caller], `${path}?${query}`, { maxRedirects: 0 });
          if (![200, 400].includes(response.status())) {
            problems.push(`${caller} GET ${route}?${query.slice(0, 40)}: ${response.status()}`);
          }
        }
      }
    }
  } finally {
    for (const c of Object.values(ctx)) await c.dispose();
  }
  expect(problems).toEqual([]);
});

// ---------------------------------------------------------------------------------------
// Route handlers that take a POST: with the page's own Origin and with a foreign one.

const FOREIGN = "https://evil.example";

test("POST /api/uploads and /api/admin/import refuse foreign origins, strangers and bad files, and store nothing", async ({ playwright, baseURL }) => {
  const ctx = await contexts(playwright, baseURL!);
  const problems: string[] = [];
  const text = { name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo at all") };
  const csv = { name: "residents.csv", mimeType: "text/csv", buffer: Buffer.from("nonsense\n") };
  try {
    for (const caller of callerKeys) {
      const post = (url: string, origin: string | null, multipart: Record<string, string | typeof text>) =>
        ctx[caller].post(url, { multipart, headers: origin ? { Origin: origin } : {}, maxRedirects: 0 });
      const admin = caller === "admin" || caller === "adminElsewhere";
      const cases: [string, APIResponse, number][] = [
        ["uploads, foreign Origin", await post("/api/uploads", FOREIGN, { file: text }), 403],
        // A text file named .jpg: sniffed and refused (415); nobody anonymous gets that far.
        ["uploads, own Origin", await post("/api/uploads", baseURL!, { file: text }), caller === "anonymous" ? 401 : 415],
        ["import, foreign Origin", await post("/api/admin/import", FOREIGN, { file: csv, kind: "residents", communityId: "x", mode: "commit" }), 403],
        [
          "import, own Origin",
          await post("/api/admin/import", baseURL!, { file: csv, kind: "residents", communityId: "no-such-community", mode: "commit", digest: "x" }),
          caller === "anonymous" ? 401 : admin ? 404 : 404,
        ],
      ];
      for (const [what, response, status] of cases) {
        if (response.status() !== status)
          problems.push(`${caller} ${what}: ${response.status()}, expected ${status} (${(await response.text()).slice(0, 120)})`);
        for (const p of securityHeaderProblems(response)) problems.push(`${caller} ${what}: ${p}`);
      }
    }
  } finally {
    for (const c of Object.values(ctx)) await c.dispose();
  }
  expect(problems).toEqual([]);
});

test("Auth.js refuses a sign-in or sign-out posted from another site", async ({ playwright, baseURL }) => {
  const ctx = await contexts(playwright, baseURL!);
  try {
    // src/proxy.ts refuses the cross-site write before Auth.js sees it (its CSRF token would too).
    const signIn = await ctx.anonymous.post("/api/auth/callback/credentials", {
      form: { phone: "13800000005", password: "Linli@2026" },
      headers: { Origin: FOREIGN },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(403);
    expect(signIn.headers()["set-cookie"] ?? "").not.toContain("session-token=");
    // Without the page's CSRF token, a same-site post is refused by Auth.js itself.
    const noToken = await ctx.anonymous.post("/api/auth/callback/credentials", {
      form: { phone: "13800000005", password: "Linli@2026" },
      maxRedirects: 0,
    });
    expect(noToken.status()).toBe(302);
    expect(noToken.headers()["location"]).toContain("/login?error=");
    expect(noToken.headers()["set-cookie"] ?? "").not.toContain("session-token=");

    const signOut = await ctx.resident.post("/api/auth/signout", { form: {}, headers: { Origin: FOREIGN }, maxRedirects: 0 });
    expect(signOut.status()).toBe(403);
    expect(signOut.headers()["set-cookie"] ?? "").not.toMatch(/session-token=;|session-token=(?:;|$)/);
    // Still signed in: the session row is untouched (the teardown checks every row too).
    const home = await ctx.resident.get("/resident", { maxRedirects: 0 });
    expect(home.status()).toBe(200);
  } finally {
    for (const c of Object.values(ctx)) await c.dispose();
  }
});
