// The end-to-end database as the probes see it: a fingerprint of every table (row count and a
// hash of every row, so that an update shows as well as an insert or a delete), the
// invariants a whole write keeps, and the fixture people of another community.
import crypto from "node:crypto";
import pg from "pg";

let pool: pg.Pool | undefined;

export function db(): pg.Pool {
  const url = process.env.ACTIONS_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("ACTIONS_DATABASE_URL (or DATABASE_URL) names the probes' database (set by npm test)");
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

export async function closeDb() {
  await pool?.end();
  pool = undefined;
}

export async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db().query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql} ${JSON.stringify(params)}`);
  return rows[0];
}

let tables: string[] | undefined;

async function allTables(): Promise<string[]> {
  tables ??= (
    await db().query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)
  ).rows.map((r) => r.name);
  return tables;
}

export type Fingerprint = Record<string, string>;

/** Count and an order-independent hash of the rows, per table. */
export async function fingerprint(): Promise<Fingerprint> {
  const names = await allTables();
  const sql = names
    .map((name) => `SELECT '${name}' AS t, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) AS h FROM "${name}" x`)
    .join(" UNION ALL ");
  const { rows } = await db().query<{ t: string; h: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint, ignore: readonly string[] = []): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => !ignore.includes(t) && before[t] !== after[t]);
}

/**
 * What every whole write leaves true; a change cut in half breaks one of them. Each query
 * answers the offending rows.
 */
const invariantQueries: Record<string, string> = {
  "every order has its PLACED event": `SELECT o.id FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type = 'PLACED')`,
  "an order's status is the one its latest status event reached": `
    SELECT o.id FROM "Order" o
    JOIN LATERAL (SELECT e."toStatus" FROM "OrderEvent" e WHERE e."orderId" = o.id AND e."toStatus" IS NOT NULL ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) last ON true
    WHERE last."toStatus" <> o.status`,
  "every dispatch plan has its DISPATCHED event": `SELECT d.id FROM "OrderDispatch" d WHERE NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e."orderId" = d."orderId" AND e.type = 'DISPATCHED' AND e."createdAt" = d."createdAt")`,
  "every rating has its RATED event": `SELECT r.id FROM "OrderRating" r WHERE NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e."orderId" = r."orderId" AND e.type = 'RATED' AND e."createdAt" = r."createdAt")`,
  "an order's me-too count is its me-too rows": `SELECT o.id FROM "Order" o WHERE o."meTooCount" <> (SELECT count(*) FROM "OrderMeToo" m WHERE m."orderId" = o.id)`,
  "a photo on an order belongs to one of its events": `SELECT p.id FROM "OrderPhoto" p WHERE p."orderId" IS NOT NULL AND (p."eventId" IS NULL OR NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e.id = p."eventId" AND e."orderId" = p."orderId"))`,
  "a resident role has a home in its courtyard": `SELECT r.id FROM "RoleAssignment" r WHERE r.role = 'RESIDENT' AND NOT EXISTS (SELECT 1 FROM "Residence" h WHERE h."userId" = r."userId" AND h."courtyardId" = r."courtyardId")`,
  "every role has exactly the scope its kind needs": `
    SELECT id FROM "RoleAssignment" WHERE NOT (
      (role IN ('RESIDENT', 'BRANCH_SECRETARY') AND "courtyardId" IS NOT NULL AND "gridId" IS NULL AND "communityId" IS NULL) OR
      (role = 'GRID_WORKER' AND "gridId" IS NOT NULL AND "courtyardId" IS NULL AND "communityId" IS NULL) OR
      (role IN ('STAFF', 'VOLUNTEER') AND "communityId" IS NOT NULL AND "gridId" IS NULL AND "courtyardId" IS NULL) OR
      (role = 'ADMIN' AND "gridId" IS NULL AND "courtyardId" IS NULL))`,
  "no text column holds a NUL or a 100,000-character value": `
    SELECT id FROM "Order" WHERE length(title) > 60 OR length(description) > 2000
    UNION ALL SELECT id FROM "OrderEvent" WHERE length(note) > 2100
    UNION ALL SELECT id FROM "Street" WHERE length(name) > 40
    UNION ALL SELECT id FROM "Courtyard" WHERE length(name) > 40 OR length(address) > 200
    UNION ALL SELECT id FROM "User" WHERE length(name) > 30`,
};

/** The invariants that fail, with a few offending ids each. */
export async function brokenInvariants(): Promise<string[]> {
  const broken: string[] = [];
  for (const [name, sql] of Object.entries(invariantQueries)) {
    const { rows } = await db().query<{ id: string }>(sql);
    if (rows.length)
      broken.push(
        `${name}: ${rows
          .slice(0, 3)
          .map((r) => r.id)
          .join(", ")}`,
      );
  }
  return broken;
}

/** Ten-digit tail under a prefix nobody else uses (177…), so that throttles and names never collide. */
export const freshPhone = () => `1770${String(crypto.randomInt(1e7)).padStart(7, "0")}`;

/**
 * A person with one role, written straight into the database (with the demo password's hash),
 * for a caller the demo data does not have: staff and a community administrator of 锦城社区.
 */
export async function createPerson(role: "STAFF" | "ADMIN" | null, communityName: string | null, name: string): Promise<{ id: string; phone: string }> {
  const { passwordHash } = await one<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE phone = '13800000001'`);
  const phone = freshPhone();
  const id = `fixture${crypto.randomBytes(8).toString("hex")}`;
  await db().query(`INSERT INTO "User" (id, phone, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, phone, name, passwordHash]);
  if (role) {
    const community = await one<{ id: string }>(`SELECT id FROM "Community" WHERE name = $1`, [communityName]);
    await db().query(`INSERT INTO "RoleAssignment" (id, "userId", role, "communityId") VALUES ($1, $2, $3, $4)`, [`${id}r`, id, role, community.id]);
  }
  return { id, phone };
}

export const idOf = async (sql: string, params: unknown[] = []) => (await one<{ id: string }>(sql, params)).id;
