// The data-access half of `npm run bench` (docs/performance.md): the app's own query
// functions, called through Prisma exactly as the pages call them, against the same SQL
// sent directly through `pg` (the floor). Every statement Prisma sends is captured at the
// `pg` driver, so the floor replays the very text and parameters the app produced.
//
// The app's server modules import "server-only", which only resolves under the
// "react-server" condition; bench.ts therefore runs this file as
//   node --conditions=react-server --import tsx scripts/lib/bench-queries.ts <out.json>
// with DATABASE_URL set to a database made by scripts/generate-city.ts.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { stats, type Stats } from "./bench-stats";

type Statement = { text: string; values: unknown[] };

// ---------------------------------------------------------------------------------------
// Capture every statement at the driver (Prisma's adapter and ours both use pg.Client).

let capture: Statement[] | null = null;
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[] } | string;
  if (capture && this !== direct) {
    if (typeof config === "string") capture.push({ text: config, values: (Array.isArray(args[1]) ? args[1] : []) as unknown[] });
    else if (config && typeof config.text === "string") capture.push({ text: config.text, values: config.values ?? [] });
  }
  return originalQuery.apply(this, args);
};
let direct: pg.Client | undefined;

const isTransactionControl = (s: Statement) => /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1\s*$)/i.test(s.text);

async function captured<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  capture = [];
  try {
    const result = await fn();
    return { result, statements: capture.filter((s) => !isTransactionControl(s)) };
  } finally {
    capture = null;
  }
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const at = performance.now();
  await fn();
  return performance.now() - at;
}

export type Comparison = {
  name: string;
  detail: string;
  rows: number;
  statements: number;
  app: Stats;
  sql: Stats;
  ratio50: number;
  ratio95: number;
  /** Extra timings of the same case (e.g. the export's labelled table with its lookups). */
  extra?: Record<string, Stats>;
};

/**
 * `runs` timings of the app function and of its captured SQL replayed in order on one
 * direct connection, interleaved so that background noise hits both alike.
 */
async function compare(
  name: string,
  detail: string,
  app: () => Promise<unknown>,
  runs: number,
  rowsOf: (result: unknown) => number,
  extra?: Record<string, () => Promise<unknown>>,
): Promise<{ comparison: Comparison; statements: Statement[] }> {
  const { result, statements } = await captured(app);
  const replay = async () => {
    for (const s of statements) await direct!.query(s.text, s.values);
  };
  for (let i = 0; i < 3; i++) {
    await app();
    await replay();
  }
  const appTimes: number[] = [];
  const sqlTimes: number[] = [];
  const extraTimes: Record<string, number[]> = Object.fromEntries(Object.keys(extra ?? {}).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    appTimes.push(await timeIt(app));
    sqlTimes.push(await timeIt(replay));
    for (const [k, fn] of Object.entries(extra ?? {})) extraTimes[k].push(await timeIt(fn));
  }
  const a = stats(appTimes);
  const s = stats(sqlTimes);
  return {
    statements,
    comparison: {
      name,
      detail,
      rows: rowsOf(result),
      statements: statements.length,
      app: a,
      sql: s,
      ratio50: a.p50 / s.p50,
      ratio95: a.p95 / s.p95,
      extra: extra ? Object.fromEntries(Object.entries(extraTimes).map(([k, v]) => [k, stats(v)])) : undefined,
    },
  };
}

async function explain(statement: Statement): Promise<string> {
  const { rows } = await direct!.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/** The statement as one could paste it into psql: parameters written in. */
function inline(statement: Statement): string {
  return statement.text.replace(/\$(\d+)/g, (_, n) => {
    const v = statement.values[Number(n) - 1];
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (v instanceof Date) return `'${v.toISOString()}'`;
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

export type QueryReport = {
  database: { orders: number; events: number; ratings: number; communityOrders: number; gridOpenOrders: number; sizeBytes: number };
  community: { id: string; name: string };
  worker: { id: string; gridId: string };
  runs: number;
  overview: Comparison[];
  lists: Comparison[];
  explains: { name: string; sql: string; plan: string }[];
  notes: string[];
};

export async function benchQueries(databaseUrl: string, runs: number): Promise<QueryReport> {
  process.env.DATABASE_URL = databaseUrl;
  direct = new pg.Client({ connectionString: databaseUrl });
  await direct.connect();
  const notes: string[] = [];
  try {
    const { countsBy, dimensions, periods } = await import("../../src/domain/metrics/overview");
    const { overviewTable } = await import("../../src/domain/metrics/summary");
    const { chinaDay } = await import("../../src/domain/metrics/periods");
    const { gridQueue, getOrderDetail } = await import("../../src/features/orders/queries");
    const { db } = await import("../../src/server/db/client");

    // The figures of one generated community, as its staff member sees them.
    const community = (await direct.query(`SELECT id, name FROM "Community" WHERE id = 'gen_cm_01'`)).rows[0] as { id: string; name: string } | undefined;
    if (!community) throw new Error("No generated city in this database: run scripts/generate-city.ts first.");
    const actorOf = async (userId: string) => {
      const { rows } = await direct!.query(
        `SELECT u.id, u.name, u.phone, r.role, r."communityId", r."gridId", r."courtyardId" FROM "User" u JOIN "RoleAssignment" r ON r."userId" = u.id WHERE u.id = $1`,
        [userId],
      );
      return {
        userId,
        sessionId: "bench",
        name: rows[0].name as string,
        phone: rows[0].phone as string,
        mustChangePassword: false,
        roles: rows.map((r) => ({ role: r.role, communityId: r.communityId, gridId: r.gridId, courtyardId: r.courtyardId })),
      };
    };
    const staff = await actorOf("gen_u_s_01");
    // The busiest queue: the grid with the most open orders.
    const busiest = (
      await direct.query(
        `SELECT "gridId", count(*)::int AS n FROM "Order" WHERE status IN ('PLACED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED') AND "gridId" LIKE 'gen_%' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      )
    ).rows[0] as { gridId: string; n: number };
    const workerId = (await direct.query(`SELECT "userId" FROM "RoleAssignment" WHERE role = 'GRID_WORKER' AND "gridId" = $1 LIMIT 1`, [busiest.gridId]))
      .rows[0].userId as string;
    const worker = await actorOf(workerId);

    const counts = (
      await direct.query(
        `SELECT (SELECT count(*) FROM "Order")::int AS orders, (SELECT count(*) FROM "OrderEvent")::int AS events,
        (SELECT count(*) FROM "OrderRating")::int AS ratings, (SELECT count(*) FROM "Order" WHERE "communityId" = $1)::int AS "communityOrders",
        pg_database_size(current_database())::float8 AS "sizeBytes"`,
        [community.id],
      )
    ).rows[0];

    const now = new Date();
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    const weeksAgo = new Date(now.getTime() - 12 * 7 * 86_400_000);
    const overviewResults: Comparison[] = [];
    const explains: QueryReport["explains"] = [];
    const rowCount = (r: unknown) => (Array.isArray(r) ? r.length : 0);

    for (const dimension of dimensions) {
      for (const period of periods) {
        const options = { dimension, period, from: yearAgo, to: now, now };
        const { comparison, statements } = await compare(
          `overview ${dimension} × ${period}`,
          "one community, last 12 months",
          () => countsBy([community.id], options),
          runs,
          rowCount,
          { labelled: () => overviewTable(staff, { dimension, period, from: chinaDay(yearAgo), to: chinaDay(now), lang: "zh-CN", now }) },
        );
        overviewResults.push(comparison);
        if ((dimension === "courtyard" && period === "week") || (dimension === "community" && period === "all")) {
          explains.push({
            name: `overview ${dimension} × ${period} (one community, 12 months)`,
            sql: inline(statements[0]),
            plan: await explain(statements[0]),
          });
        }
      }
    }
    {
      const options = { dimension: "grid" as const, period: "week" as const, from: weeksAgo, to: now, now };
      overviewResults.push(
        (await compare("overview grid × week", "one community, last 12 weeks", () => countsBy([community.id], options), runs, rowCount)).comparison,
      );
    }
    {
      // Not a view anyone has today (staff see their own community): what the same query costs street- and city-wide.
      const all = (await direct.query(`SELECT id FROM "Community" WHERE id LIKE 'gen_%' ORDER BY id`)).rows.map((r) => r.id as string);
      const options = { dimension: "community" as const, period: "month" as const, from: yearAgo, to: now, now };
      const { comparison, statements } = await compare(
        "overview community × month",
        `all ${all.length} communities, last 12 months`,
        () => countsBy(all, options),
        Math.min(runs, 10),
        rowCount,
      );
      overviewResults.push(comparison);
      explains.push({ name: `overview community × month (all ${all.length} communities)`, sql: inline(statements[0]), plan: await explain(statements[0]) });
    }

    // --------------------------------------------------------------- lists
    const lists: Comparison[] = [];
    const pageRows = (r: unknown) => ((r as { items?: unknown[] }).items ?? []).length;
    {
      const { comparison, statements } = await compare("grid queue", "open orders of the busiest grid, page 1", () => gridQueue(worker), runs, pageRows);
      lists.push(comparison);
      for (const [i, s] of statements.entries()) {
        explains.push({ name: `grid queue, statement ${i + 1} of ${statements.length}`, sql: inline(s), plan: await explain(s) });
      }
    }
    lists.push(
      (await compare("grid queue", "closed orders of the busiest grid, page 5", () => gridQueue(worker, { status: "CLOSED", page: 5 }), runs, pageRows))
        .comparison,
    );
    {
      // The order page's data: the order with its timeline, ratings and dispatch plans.
      const orderId = (
        await direct.query(`SELECT o.id FROM "Order" o WHERE o."gridId" = $1 AND o.completions = 2 ORDER BY o."createdAt" DESC LIMIT 1`, [busiest.gridId])
      ).rows[0]?.id as string | undefined;
      if (orderId) {
        lists.push(
          (
            await compare(
              "order detail",
              `${orderId} (sent back once: a long timeline), as its grid worker`,
              () => getOrderDetail(worker, orderId),
              runs,
              (r) => ((r as { timeline?: unknown[] })?.timeline ?? []).length,
            )
          ).comparison,
        );
      }
    }

    // Whole-page data of the staff overview (src/domain/metrics/summary.ts): several countsBy
    // views and label lookups at once, as the page asks for them by default.
    const guarded = async (label: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (error) {
        notes.push(`${label}: not measured (${(error as Error).message.split("\n")[0]})`);
      }
    };
    const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const daysBefore = (days: number) => new Date(now.getTime() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
    await guarded("overviewSummary (src/domain/metrics/summary.ts)", async () => {
      const { overviewSummary } = await import("../../src/domain/metrics/summary");
      for (const [dimension, period, from, detail] of [
        ["grid", "month", daysBefore(183), "grid breakdown, by month, 6 months (the page's default)"],
        ["courtyard", "week", daysBefore(83), "courtyard breakdown, by week, 12 weeks"],
        ["courtyard", "month", daysBefore(365), "courtyard breakdown, by month, 12 months"],
      ] as const) {
        overviewResults.push(
          (
            await compare(
              "staff overview page data",
              detail,
              () => overviewSummary(staff, { dimension, period, from, to: today, lang: "zh-CN", now }),
              runs,
              (r) => (r as { breakdown: unknown[] }).breakdown.length,
            )
          ).comparison,
        );
      }
    });

    // The staff ratings list (src/domain/metrics/ratings.ts): a page of 20 and the averages of
    // the whole filtered set, as /staff/ratings asks for them.
    let measuredRatings = false;
    await guarded("listRatings (src/domain/metrics/ratings.ts)", async () => {
      const { listRatings, noRatingFilters, ratingStats } = await import("../../src/domain/metrics/ratings");
      const grid = (await direct!.query(`SELECT id FROM "Grid" WHERE "communityId" = $1 ORDER BY id LIMIT 1`, [community.id])).rows[0].id as string;
      const courtyard = (await direct!.query(`SELECT id FROM "Courtyard" WHERE "gridId" = $1 ORDER BY id LIMIT 1`, [grid])).rows[0].id as string;
      const cases: [string, Record<string, unknown>, number][] = [
        ["no filter, page 1", {}, 1],
        ["no filter, page 50", {}, 50],
        ["poor ones (≤ 2), page 1", { band: "poor" }, 1],
        ["one grid, page 1", { gridId: grid }, 1],
        ["one courtyard, page 1", { courtyardId: courtyard }, 1],
        ["last 30 days, page 1", { from: daysBefore(30), to: today }, 1],
      ];
      for (const [detail, extra, page] of cases) {
        const filters = { ...noRatingFilters, ...extra };
        const { comparison, statements } = await compare(
          "ratings list",
          detail,
          () => listRatings(staff, filters as never, page),
          runs,
          (r) => (r as { items: unknown[] }).items.length,
        );
        lists.push(comparison);
        if (["no filter, page 1", "one courtyard, page 1"].includes(detail)) {
          for (const [i, st] of statements.entries()) {
            if (/"OrderRating"/.test(st.text))
              explains.push({ name: `ratings list, ${detail}: statement ${i + 1} of ${statements.length}`, sql: inline(st), plan: await explain(st) });
          }
        }
      }
      if (typeof ratingStats === "function") {
        const month = { from: new Date(now.getTime() - 30 * 86_400_000), to: now };
        lists.push(
          (
            await compare(
              "rating stats (monthly report)",
              "one community, 30 days",
              () => ratingStats([community.id], month.from, month.to),
              runs,
              () => 1,
            )
          ).comparison,
        );
      }
      measuredRatings = true;
    });
    if (!measuredRatings) {
      // Until ratings.ts exists: the equivalent SQL, through Prisma's $queryRawUnsafe and directly.
      const base = `SELECT r.id, r."orderId", r."isRequester", r.round, r.goal, r.timing, r.form, r.conduct, r."minScore", r.comment, r."createdAt",
                           o.number, o.title, o."gridId", o."courtyardId", o."categoryId"
                      FROM "OrderRating" r JOIN "Order" o ON o.id = r."orderId"
                     WHERE o."communityId" = $1`;
      const cases: [string, string, unknown[]][] = [
        ["no filter", "", [community.id]],
        ["poor ones (minScore ≤ 2)", ` AND r."minScore" <= 2`, [community.id]],
      ];
      for (const [detail, filter, values] of cases) {
        const page: Statement = { text: `${base}${filter} ORDER BY r."minScore" ASC, r."createdAt" DESC LIMIT 20`, values };
        const total: Statement = {
          text: `SELECT count(*)::int AS n FROM "OrderRating" r JOIN "Order" o ON o.id = r."orderId" WHERE o."communityId" = $1${filter}`,
          values,
        };
        const { comparison } = await compare(
          "ratings list (equivalent SQL)",
          `${detail}: page of 20 + total`,
          async () => (await Promise.all([db.$queryRawUnsafe(page.text, ...page.values), db.$queryRawUnsafe(total.text, ...total.values)]))[0],
          runs,
          rowCount,
        );
        lists.push(comparison);
        explains.push({ name: `ratings list, ${detail}: page`, sql: inline(page), plan: await explain(page) });
      }
    }

    await db.$disconnect();
    return {
      database: { ...counts, gridOpenOrders: busiest.n },
      community,
      worker: { id: workerId, gridId: busiest.gridId },
      runs,
      overview: overviewResults,
      lists,
      explains,
      notes,
    };
  } finally {
    await direct.end();
  }
}

// CLI: node --conditions=react-server --import tsx scripts/lib/bench-queries.ts <out.json> [runs]
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [out, runs] = process.argv.slice(2);
  if (!process.env.DATABASE_URL || !out) {
    process.stderr.write("usage: DATABASE_URL=… node --conditions=react-server --import tsx scripts/lib/bench-queries.ts <out.json> [runs]\n");
    process.exit(2);
  }
  benchQueries(process.env.DATABASE_URL, Number(runs ?? 30))
    .then((report) => {
      fs.writeFileSync(out, JSON.stringify(report, null, 2));
      process.exit(0);
    })
    .catch((error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(1);
    });
}
