// Every page and route handler of the build, and who may open it. The list of routes comes
// from the build output (app-path-routes-manifest.json), so that a route nobody has described
// here fails the sweep instead of going unchecked. Each row says how to fill the route's
// dynamic segments with real records and which callers get the page; everyone else is refused:
// an anonymous caller is sent to /login (pages), a signed-in one without the role, or with a
// record outside their scope, gets the same 404 as for a record that does not exist.
import fs from "node:fs";
import path from "node:path";
import { callerKeys, canary, type CallerKey, type Fixture, type Status } from "./fixtures";

export type Answer = { status: number; location?: string };

export type Probe = {
  url: string;
  /** Callers answered 200; the rest get `refused(caller)` (by default: /login or 404). */
  allowed: readonly CallerKey[];
  refused?: (caller: CallerKey) => Answer;
  /** For everyone: when set, the answer for every caller (health checks, Auth.js endpoints …). */
  answer?: (caller: CallerKey) => Answer;
  /** Texts of the record: a refused answer must contain none of them. */
  canaries?: string[];
  /** Numbers this page may show to the callers it answers (the demo list on /login). */
  extraPhones?: string[];
  /** Texts an allowed caller must still not see (a neighbour: who asked). */
  hidden?: Partial<Record<CallerKey, string[]>>;
  /** Holds nothing personal, so it need not forbid caching. */
  public?: boolean;
  /** A binary answer (xlsx): status and headers only. */
  binary?: boolean;
};

export type Route = { kind: "page" | "route"; probes: (f: Fixture) => Probe[] };

const residents = ["resident", "resident2", "neighbour"] as const;
const gridWorkers = ["gridWorker", "gridWorker2"] as const;
const secretaries = ["secretary", "secretaryNextDoor"] as const;
const staff = ["staff", "staffElsewhere"] as const;
const admins = ["admin", "adminElsewhere"] as const;
export const signedIn = callerKeys.filter((c) => c !== "anonymous");

/** Where signing in lands each caller (each holds one role). */
export const homeOf: Record<Exclude<CallerKey, "anonymous">, string> = {
  resident: "/resident",
  resident2: "/resident",
  neighbour: "/resident",
  gridWorker: "/grid",
  gridWorker2: "/grid",
  secretary: "/branch",
  secretaryNextDoor: "/branch",
  staff: "/staff",
  staffElsewhere: "/staff",
  admin: "/admin",
  adminElsewhere: "/admin",
};

const toLogin: Answer = { status: 307, location: "/login" };
const everyone = (status: number) => () => ({ status });
/** Route handlers answer 404 to everyone they refuse, signed in or not. */
const notFound = () => ({ status: 404 });

/** Who may read each fixture order (order.view, plus the public board for the courtyard's residents). */
export function orderReaders(f: Fixture): { id: string; key: string; readers: readonly CallerKey[] }[] {
  const fuhe = ["resident", "gridWorker", "secretary", "staff"] as const;
  const statuses = Object.keys(f.orders) as Status[];
  return [
    ...statuses.map((s) => ({ id: f.orders[s], key: s, readers: s === "PLACED" || s === "COMPLETED" ? [...fuhe, "neighbour" as const] : fuhe })),
    ...Array.from({ length: 22 }, (_, i) => ({ id: `sweep-order-filler-${i}`, key: `filler-${i}`, readers: fuhe })),
    { id: f.otherGridOrder, key: "other-grid", readers: ["resident2", "gridWorker2", "staff"] },
    { id: f.otherCommunityOrder, key: "other-community", readers: ["staffElsewhere"] },
  ];
}

const orderCanaries = (key: string) => [canary(key), canary(`${key}-description`)];
const month = () => new Date().toISOString().slice(0, 7);

export const routeTable: Record<string, Route> = {
  "/": {
    kind: "page",
    probes: () => [{ url: "/", allowed: [], answer: (c) => (c === "anonymous" ? toLogin : { status: 307, location: homeOf[c] }) }],
  },
  "/login": {
    kind: "page",
    probes: () => [
      {
        url: "/login",
        allowed: ["anonymous"],
        refused: (c) => ({ status: 307, location: homeOf[c as Exclude<CallerKey, "anonymous">] }),
        // Demo mode lists the demo accounts on the sign-in page (LINLI_DEMO=1 only).
        extraPhones: ["13800000001", "13800000002", "13800000003", "13800000004", "13800000005", "13800000006", "13800000007"],
      },
    ],
  },
  "/no-role": { kind: "page", probes: () => [{ url: "/no-role", allowed: signedIn }] },
  "/_not-found": { kind: "page", probes: () => [{ url: "/_not-found", allowed: [], answer: everyone(404) }] },
  "/_global-error": { kind: "page", probes: () => [{ url: "/_global-error", allowed: [], answer: everyone(404) }] },
  "/account/password": { kind: "page", probes: () => [{ url: "/account/password", allowed: signedIn }] },
  "/notifications": {
    kind: "page",
    probes: () => [
      { url: "/notifications", allowed: signedIn },
      { url: "/notifications?page=2", allowed: signedIn },
    ],
  },

  "/resident": {
    kind: "page",
    probes: () => [
      { url: "/resident", allowed: residents },
      { url: "/resident?page=2", allowed: residents },
    ],
  },
  "/resident/board": {
    kind: "page",
    probes: () => [
      { url: "/resident/board", allowed: residents, hidden: { neighbour: ["王秀英"] } },
      { url: "/resident/board?page=2", allowed: residents },
    ],
  },
  "/resident/orders/new": { kind: "page", probes: () => [{ url: "/resident/orders/new", allowed: residents }] },

  "/grid": {
    kind: "page",
    probes: (f) => [
      { url: "/grid", allowed: gridWorkers },
      { url: "/grid?page=2", allowed: gridWorkers },
      { url: `/grid?status=PLACED&categoryId=category_wish&courtyardId=${f.courtyards.fuhe}`, allowed: gridWorkers },
    ],
  },
  "/grid/[gridId]": {
    kind: "page",
    probes: (f) => [
      { url: `/grid/${f.grids.first}`, allowed: ["gridWorker"], canaries: ["府河路88号"] },
      { url: `/grid/${f.grids.second}`, allowed: ["gridWorker2"], canaries: ["新莲路66号"] },
      { url: `/grid/${f.grids.elsewhere}`, allowed: [], canaries: ["锦城大道256号"] },
    ],
  },
  "/grid/orders/new": {
    kind: "page",
    probes: (f) => [
      { url: "/grid/orders/new", allowed: gridWorkers },
      // 1390001…: the residents of 府河小区, found by 第一网格's worker only.
      { url: "/grid/orders/new?q=1390001", allowed: gridWorkers },
      { url: `/grid/orders/new?requesterId=${f.users.resident}`, allowed: gridWorkers },
      { url: `/grid/orders/new?requesterId=${f.users.resident2}`, allowed: gridWorkers },
    ],
  },
  "/branch": { kind: "page", probes: () => [{ url: "/branch", allowed: secretaries }] },
  "/orders/[id]": {
    kind: "page",
    probes: (f) => [
      ...orderReaders(f)
        .filter((o) => !o.key.startsWith("filler-") || o.key === "filler-0")
        .map((o) => ({ url: `/orders/${o.id}`, allowed: o.readers, canaries: orderCanaries(o.key), hidden: { neighbour: ["王秀英"] } })),
      { url: "/orders/no-such-order", allowed: [] },
    ],
  },

  "/staff": {
    kind: "page",
    probes: () => [
      { url: "/staff", allowed: staff },
      { url: "/staff?dimension=courtyard&period=week", allowed: staff },
      { url: "/staff?page=2", allowed: staff },
    ],
  },
  "/staff/ratings": {
    kind: "page",
    probes: () => [
      { url: "/staff/ratings", allowed: staff },
      { url: "/staff/ratings?band=poor", allowed: staff },
    ],
  },
  "/staff/follow-ups": { kind: "page", probes: () => [{ url: "/staff/follow-ups", allowed: staff }] },
  "/staff/board": {
    kind: "page",
    probes: () => [
      { url: "/staff/board", allowed: staff },
      { url: "/staff/board?page=2", allowed: staff },
    ],
  },
  "/staff/report": {
    kind: "page",
    probes: () => [
      { url: "/staff/report", allowed: staff },
      { url: `/staff/report?month=${month()}`, allowed: staff },
    ],
  },

  "/admin": { kind: "page", probes: () => [{ url: "/admin", allowed: admins }] },
  "/admin/map": { kind: "page", probes: () => [{ url: "/admin/map", allowed: admins }] },
  "/admin/map/communities/[communityId]": {
    kind: "page",
    probes: (f) => [
      { url: `/admin/map/communities/${f.communities.liujiang}`, allowed: ["admin"], canaries: ["第二网格"] },
      { url: `/admin/map/communities/${f.communities.jincheng}`, allowed: admins },
    ],
  },
  "/admin/map/courtyards/[courtyardId]": {
    kind: "page",
    probes: (f) => [
      { url: `/admin/map/courtyards/${f.courtyards.fuhe}`, allowed: ["admin"], canaries: ["府河路88号"] },
      { url: `/admin/map/courtyards/${f.courtyards.elsewhere}`, allowed: admins },
    ],
  },
  "/admin/categories": { kind: "page", probes: () => [{ url: "/admin/categories", allowed: admins }] },
  "/admin/people": {
    kind: "page",
    probes: () => [
      { url: "/admin/people", allowed: admins },
      { url: "/admin/people?q=139&role=RESIDENT&status=active", allowed: admins },
      { url: "/admin/people?page=2", allowed: admins },
    ],
  },
  "/admin/people/[userId]": {
    kind: "page",
    probes: (f) => [
      { url: `/admin/people/${f.users.resident}`, allowed: ["admin"], canaries: ["138****0001"] },
      { url: `/admin/people/${f.users.staffElsewhere}`, allowed: admins, canaries: ["136****0101"] },
    ],
  },
  "/admin/people/new": {
    kind: "page",
    probes: (f) => [
      { url: "/admin/people/new", allowed: admins },
      { url: `/admin/people/new?role=BRANCH_SECRETARY&scope=${f.courtyards.fuhe}`, allowed: admins },
    ],
  },
  "/admin/import": { kind: "page", probes: () => [{ url: "/admin/import", allowed: admins }] },
  "/admin/audit": {
    kind: "page",
    probes: () => [
      { url: "/admin/audit", allowed: admins },
      { url: "/admin/audit?page=2", allowed: admins },
      { url: "/admin/audit?kind=map&from=2020-01-01&to=2099-12-31", allowed: admins },
    ],
  },

  "/api/health": { kind: "route", probes: () => [{ url: "/api/health", allowed: callerKeys, answer: everyone(200), public: true }] },
  // The site icon (src/app/icon.svg), served to everyone.
  "/icon.svg": { kind: "route", probes: () => [{ url: "/icon.svg", allowed: callerKeys, answer: everyone(200), public: true, binary: true }] },
  // The benchmark's floor: reads and writes nothing, so it may stay in production builds.
  "/api/floor": { kind: "route", probes: () => [{ url: "/api/floor", allowed: callerKeys, answer: everyone(200), public: true }] },
  "/api/photos/[id]": {
    kind: "route",
    probes: (f) => [
      // A public order's photo: also the courtyard's residents (docs/decisions/010-photos.md).
      { url: `/api/photos/${f.photo}`, allowed: ["resident", "gridWorker", "secretary", "staff", "neighbour"], refused: notFound, binary: true },
      { url: `/api/photos/${f.loosePhoto}`, allowed: ["resident"], refused: notFound, binary: true },
      { url: "/api/photos/no-such-photo", allowed: [], refused: notFound },
    ],
  },
  "/api/uploads": { kind: "route", probes: () => [{ url: "/api/uploads", allowed: [], answer: everyone(405) }] },
  "/api/admin/import": { kind: "route", probes: () => [{ url: "/api/admin/import", allowed: [], answer: everyone(405) }] },
  "/api/admin/import/template": {
    kind: "route",
    probes: () => [
      { url: "/api/admin/import/template?kind=residents&format=csv", allowed: admins, refused: notFound },
      { url: "/api/admin/import/template?kind=courtyards&format=xlsx", allowed: admins, refused: notFound, binary: true },
    ],
  },
  "/api/staff/export/ratings": {
    kind: "route",
    probes: () => [
      { url: "/api/staff/export/ratings?format=csv", allowed: staff, refused: notFound },
      { url: "/api/staff/export/ratings?format=xlsx", allowed: staff, refused: notFound, binary: true },
    ],
  },
  "/api/staff/export/overview": {
    kind: "route",
    probes: () => [
      { url: "/api/staff/export/overview?format=csv&dimension=courtyard", allowed: staff, refused: notFound },
      { url: "/api/staff/export/overview?format=xlsx", allowed: staff, refused: notFound, binary: true },
    ],
  },
  "/api/auth/[...nextauth]": {
    kind: "route",
    probes: () => [
      { url: "/api/auth/session", allowed: callerKeys, answer: everyone(200) },
      { url: "/api/auth/csrf", allowed: callerKeys, answer: everyone(200) },
      { url: "/api/auth/providers", allowed: callerKeys, answer: everyone(200), public: true },
      // Auth.js's own sign-in page is ours: /login.
      { url: "/api/auth/signin", allowed: [], answer: () => ({ status: 302, location: "/login" }) },
      // Signing out takes a POST with the CSRF token; a GET only asks.
      { url: "/api/auth/signout", allowed: callerKeys, answer: everyone(200), public: true },
      { url: "/api/auth/error", allowed: [], answer: () => ({ status: 302, location: "/login" }) },
    ],
  },
};

/** What the caller should get for the probe. */
export function expected(probe: Probe, kind: Route["kind"], caller: CallerKey): Answer {
  if (probe.answer) return probe.answer(caller);
  if (probe.allowed.includes(caller)) return { status: 200 };
  if (probe.refused) return probe.refused(caller);
  if (kind === "page") return caller === "anonymous" ? toLogin : { status: 404 };
  return { status: 404 };
}

/** The build's pages and route handlers as URL patterns ("/orders/[id]"), from the build output. */
export function builtRoutes(distDir = process.env.LINLI_DIST_DIR ?? ".next-test"): { route: string; kind: Route["kind"] }[] {
  const file = path.resolve(distDir, "app-path-routes-manifest.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm test builds into ${distDir}).`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  return Object.entries(manifest)
    .map(([entry, route]) => ({ route, kind: (entry.endsWith("/route") ? "route" : "page") as Route["kind"] }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Rows of the table for every built route; throws naming the routes nobody described. */
export function sweepTable(f: Fixture) {
  const built = builtRoutes();
  const missing = built.filter((b) => !routeTable[b.route] || routeTable[b.route].kind !== b.kind).map((b) => `${b.route} (${b.kind})`);
  return {
    missing,
    stale: Object.keys(routeTable).filter((r) => !built.some((b) => b.route === r)),
    rows: built.filter((b) => routeTable[b.route]).map((b) => ({ route: b.route, kind: b.kind, probes: routeTable[b.route].probes(f) })),
  };
}
