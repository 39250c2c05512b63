// The records the sweep opens, written straight into the sweep's own database (the server of
// `sweepURL` in playwright.config.ts) before any request: orders of 府河小区 in every
// status, one of another grid and one of another community, a photo, notifications and
// audit rows enough for a second page, and the actors of another community. Ids are fixed,
// so that the setup may run again on the same database and every spec finds them by name.
import pg from "pg";
import sharp from "sharp";

export const sweepDatabaseUrl = () => {
  const url = process.env.SWEEP_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("SWEEP_DATABASE_URL (or DATABASE_URL) names the sweep's database; run through `npm test`.");
  return url;
};

export async function withDb<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: sweepDatabaseUrl() });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** The people the sweep signs in as, by the numbers of the demo seed and two of its own. */
export const callers = {
  anonymous: null,
  resident: "13800000001", // 王秀英, 府河小区
  gridWorker: "13800000002", // 柳江社区 第一网格 (府河小区)
  secretary: "13800000003", // 府河小区
  staff: "13800000004", // 柳江社区
  admin: "13800000005", // everything
  gridWorker2: "13800000006", // 柳江社区 第二网格
  resident2: "13800000007", // 新莲新苑小区 (第二网格)
  neighbour: "13900010001", // another resident of 府河小区: reads the public board
  secretaryNextDoor: "13800001002", // 龙湖上城, same grid as 府河小区
  staffElsewhere: "13600000101", // staff of 锦城社区 (fixture)
  adminElsewhere: "13600000102", // administrator of 锦城社区 only (fixture)
} as const;
export type CallerKey = keyof typeof callers;
export const callerKeys = Object.keys(callers) as CallerKey[];

export const orderStatuses = ["PLACED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CLOSED", "DECLINED", "WITHDRAWN", "REOPENED"] as const;
export type Status = (typeof orderStatuses)[number];

/** A text that only the record's own page shows: if it appears elsewhere, the record leaked. */
export const canary = (key: string) => `哨兵${key}`;

export type Fixture = {
  users: Record<Exclude<CallerKey, "anonymous">, string>;
  communities: { liujiang: string; jincheng: string };
  grids: { first: string; second: string; elsewhere: string };
  courtyards: { fuhe: string; xinlian: string; elsewhere: string };
  /** 府河小区, requested by 王秀英, one per status; PLACED and COMPLETED are public. */
  orders: Record<Status, string>;
  otherGridOrder: string;
  otherCommunityOrder: string;
  /** On the COMPLETED order's completion event; and one 王秀英 uploaded but never attached. */
  photo: string;
  loosePhoto: string;
};

const F = "sweep";
const orderId = (status: Status) => `${F}-order-${status.toLowerCase()}`;
export const fixtureOrderTitle = (key: string) => `巡查测试单 ${key} ${canary(key)}`;
const FILLER_ORDERS = 22; // past one page (20) of 我的点单 and of the grid queue
const FILLER_NOTIFICATIONS = 22;
const FILLER_AUDIT = 22;

async function one<T extends pg.QueryResultRow>(db: pg.Client, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query<T>(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row for ${sql} ${JSON.stringify(params)}, got ${rows.length}`);
  return rows[0];
}

async function userId(db: pg.Client, phone: string) {
  return (await one<{ id: string }>(db, `SELECT id FROM "User" WHERE phone = $1`, [phone])).id;
}

export async function loadFixture(db: pg.Client): Promise<Fixture> {
  const community = async (name: string) => (await one<{ id: string }>(db, `SELECT id FROM "Community" WHERE name = $1`, [name])).id;
  const grid = async (c: string, name: string) => (await one<{ id: string }>(db, `SELECT id FROM "Grid" WHERE "communityId" = $1 AND name = $2`, [c, name])).id;
  const courtyard = async (name: string) => (await one<{ id: string }>(db, `SELECT id FROM "Courtyard" WHERE name = $1`, [name])).id;
  const liujiang = await community("柳江社区");
  const jincheng = await community("锦城社区");
  const users = {} as Fixture["users"];
  for (const key of callerKeys) if (key !== "anonymous") users[key] = await userId(db, callers[key]);
  return {
    // The fixture's own records have fixed ids; the demo data's come from the database.
    ...namedFixture(),
    users,
    communities: { liujiang, jincheng },
    grids: { first: await grid(liujiang, "第一网格"), second: await grid(liujiang, "第二网格"), elsewhere: await grid(jincheng, "第一网格") },
    courtyards: { fuhe: await courtyard("府河小区"), xinlian: await courtyard("新莲新苑小区"), elsewhere: await courtyard("爱丁堡小区") },
  };
}

/**
 * The fixture with a name in place of every id read from the database: enough to list the
 * probes of the route table (which callers, which pages) before the database is read, for test
 * titles. A probe's real address comes from loadFixture when the test runs.
 */
export function namedFixture(): Fixture {
  const named = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, `[${prefix}.${k}]`])) as Record<K, string>;
  return {
    users: named(
      "user",
      callerKeys.filter((c): c is Exclude<CallerKey, "anonymous"> => c !== "anonymous"),
    ),
    communities: named("community", ["liujiang", "jincheng"]),
    grids: named("grid", ["first", "second", "elsewhere"]),
    courtyards: named("courtyard", ["fuhe", "xinlian", "elsewhere"]),
    orders: Object.fromEntries(orderStatuses.map((s) => [s, orderId(s)])) as Record<Status, string>,
    otherGridOrder: `${F}-order-other-grid`,
    otherCommunityOrder: `${F}-order-other-community`,
    photo: `${F}-photo`,
    loosePhoto: `${F}-photo-loose`,
  };
}

/** Writes the records (once: a second run finds them and adds nothing) and answers their ids. */
export async function createFixture(db: pg.Client): Promise<Fixture> {
  await db.query("BEGIN");
  try {
    const done = await db.query(`SELECT 1 FROM "Order" WHERE id = $1`, [orderId("PLACED")]);
    if (done.rowCount === 0) await writeFixture(db);
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK");
    throw error;
  }
  return loadFixture(db);
}

async function writeFixture(db: pg.Client) {
  // The demo password's hash, so that the fixture's people sign in like the demo accounts.
  const { passwordHash } = await one<{ passwordHash: string }>(db, `SELECT "passwordHash" FROM "User" WHERE phone = $1`, [callers.resident]);
  const jincheng = (await one<{ id: string }>(db, `SELECT id FROM "Community" WHERE name = '锦城社区'`, [])).id;
  for (const [key, name, role] of [
    ["staffElsewhere", "锦城员工", "STAFF"],
    ["adminElsewhere", "锦城管理员", "ADMIN"],
  ] as const) {
    const id = `${F}-user-${key}`;
    await db.query(`INSERT INTO "User" (id, phone, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [id, callers[key], name, passwordHash]);
    await db.query(`INSERT INTO "RoleAssignment" (id, "userId", role, "communityId") VALUES ($1, $2, $3, $4)`, [`${id}-role`, id, role, jincheng]);
  }

  const where = async (courtyardName: string) =>
    one<{ courtyardId: string; gridId: string; communityId: string; buildingId: string }>(
      db,
      `SELECT y.id AS "courtyardId", g.id AS "gridId", g."communityId", b.id AS "buildingId"
         FROM "Courtyard" y JOIN "Grid" g ON g.id = y."gridId" JOIN "Building" b ON b."courtyardId" = y.id
        WHERE y.name = $1 ORDER BY b.number LIMIT 1`,
      [courtyardName],
    );
  const fuhe = await where("府河小区");
  const resident = await userId(db, callers.resident);
  const worker = await userId(db, callers.gridWorker);
  const secretary = await userId(db, callers.secretary);
  const day = 86400_000;
  const now = Date.now();
  // Far-off deadlines: nothing here is overdue or due for the unrated-close housekeeping.
  const later = new Date(now + 60 * day);

  type OrderRow = {
    id: string;
    key: string;
    at: typeof fuhe;
    requester: string;
    status: Status;
    isPublic?: boolean;
    category?: string;
    extra?: Record<string, unknown>;
    createdAt?: Date;
  };
  const insertOrder = async (o: OrderRow) => {
    const columns: Record<string, unknown> = {
      id: o.id,
      categoryId: o.category ?? "category_wish",
      courtyardId: o.at.courtyardId,
      buildingId: o.at.buildingId,
      gridId: o.at.gridId,
      communityId: o.at.communityId,
      requesterId: o.requester,
      placedById: o.requester,
      title: fixtureOrderTitle(o.key),
      description: `请帮忙处理。${canary(`${o.key}-description`)}`,
      isPublic: o.isPublic ?? false,
      contactPreference: "PHONE",
      status: o.status,
      responseDueAt: later,
      resolutionDueAt: later,
      dueAt: later,
      idempotencyKey: `${o.id}-key`,
      payloadHash: "sweep",
      createdAt: o.createdAt ?? new Date(now),
      updatedAt: new Date(now),
      ...o.extra,
    };
    const names = Object.keys(columns);
    await db.query(
      `INSERT INTO "Order" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")})`,
      Object.values(columns),
    );
  };
  const event = async (order: string, n: number, type: string, actor: string, from: Status | null, to: Status | null, note = "") => {
    const id = `${order}-event-${n}`;
    await db.query(
      `INSERT INTO "OrderEvent" (id, "orderId", "actorId", type, "fromStatus", "toStatus", note, "createdAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, order, actor, type, from, to, note, new Date(now + n * 1000)],
    );
    return id;
  };
  const rating = async (order: string, score: number, comment: string) =>
    db.query(
      // A rating carries where its order stood (docs/decisions/019-rating-location.md).
      `INSERT INTO "OrderRating" (id, "orderId", "raterId", "isRequester", round, goal, timing, form, conduct, "minScore", comment,
                                  "communityId", "gridId", "courtyardId", "categoryId")
       SELECT $1, o.id, $3, true, 1, $4, $4, $4, $4, $4, $5, o."communityId", o."gridId", o."courtyardId", o."categoryId"
         FROM "Order" o WHERE o.id = $2`,
      [`${order}-rating`, order, resident, score, comment],
    );
  const accepted = { acceptedAt: new Date(now), acceptedById: worker, respondedAt: new Date(now) };
  const completed = { ...accepted, completedAt: new Date(now), firstCompletedAt: new Date(now), completions: 1 };

  for (const status of orderStatuses) {
    const id = orderId(status);
    const extra: Record<string, unknown> =
      status === "PLACED" || status === "DECLINED" || status === "WITHDRAWN"
        ? status === "DECLINED"
          ? { respondedAt: new Date(now) }
          : {}
        : status === "ACCEPTED" || status === "IN_PROGRESS"
          ? accepted
          : status === "COMPLETED"
            ? completed
            : status === "CLOSED"
              ? { ...completed, closedAt: new Date(now), closeReason: "RATED", satisfied: true }
              : { ...completed, satisfied: false };
    await insertOrder({ id, key: status, at: fuhe, requester: resident, status, isPublic: status === "PLACED" || status === "COMPLETED", extra });
    let n = 0;
    await event(id, n++, "PLACED", resident, null, "PLACED");
    if (status === "DECLINED") await event(id, n++, "DECLINED", worker, "PLACED", "DECLINED", "属于物业职责。");
    if (status === "WITHDRAWN") await event(id, n++, "WITHDRAWN", resident, "PLACED", "WITHDRAWN", "已自行解决。");
    if (["ACCEPTED", "IN_PROGRESS", "COMPLETED", "CLOSED", "REOPENED"].includes(status)) await event(id, n++, "ACCEPTED", worker, "PLACED", "ACCEPTED");
    if (["IN_PROGRESS", "COMPLETED", "CLOSED", "REOPENED"].includes(status)) {
      await event(id, n++, "DISPATCHED", secretary, "ACCEPTED", "IN_PROGRESS", "联系物业处理。");
      await db.query(`INSERT INTO "OrderDispatch" (id, "orderId", plan, assignees, "dueAt", "createdById") VALUES ($1, $2, $3, $4, $5, $6)`, [
        `${id}-dispatch`,
        id,
        "联系物业处理，网格员跟进。",
        JSON.stringify([{ kind: "GRID_WORKER", userId: worker, name: "李建国" }]),
        later,
        secretary,
      ]);
    }
    if (["COMPLETED", "CLOSED", "REOPENED"].includes(status)) {
      const completion = await event(id, n++, "COMPLETED", worker, "IN_PROGRESS", "COMPLETED", "已处理完毕。");
      if (status === "COMPLETED") await photo(db, `${F}-photo`, id, completion, worker);
    }
    if (status === "CLOSED") {
      await rating(id, 5, "很满意。");
      await event(id, n++, "RATED", resident, "COMPLETED", "CLOSED", "很满意。");
    }
    if (status === "REOPENED") {
      await rating(id, 1, "没有解决。");
      await event(id, n++, "RATED", resident, "COMPLETED", "REOPENED", "没有解决。");
    }
  }
  await photo(db, `${F}-photo-loose`, null, null, resident);

  // Older orders of 王秀英's, enough for a second page of her list and of the grid's queue.
  for (let i = 0; i < FILLER_ORDERS; i++) {
    const id = `${F}-order-filler-${i}`;
    await insertOrder({ id, key: `filler-${i}`, at: fuhe, requester: resident, status: "PLACED", createdAt: new Date(now - (i + 1) * day) });
    await event(id, 0, "PLACED", resident, null, "PLACED");
  }

  // 孙桂兰's order in 第二网格, and one of 锦城社区: outside the scope of most callers.
  const xinlian = await where("新莲新苑小区");
  await insertOrder({
    id: `${F}-order-other-grid`,
    key: "other-grid",
    at: xinlian,
    requester: await userId(db, callers.resident2),
    status: "PLACED",
    isPublic: true,
  });
  await event(`${F}-order-other-grid`, 0, "PLACED", await userId(db, callers.resident2), null, "PLACED");
  const elsewhere = await where("爱丁堡小区");
  const elsewhereResident = await userId(db, "13900070001");
  await insertOrder({
    id: `${F}-order-other-community`,
    key: "other-community",
    at: elsewhere,
    requester: elsewhereResident,
    status: "PLACED",
    isPublic: true,
  });
  await event(`${F}-order-other-community`, 0, "PLACED", elsewhereResident, null, "PLACED");

  for (let i = 0; i < FILLER_NOTIFICATIONS; i++) {
    await db.query(
      `INSERT INTO "Notification" (id, "userId", "orderId", kind, params, "readAt", "createdAt") VALUES ($1, $2, $3, 'statusChanged', $4, $5, $6)`,
      [
        `${F}-notification-${i}`,
        resident,
        orderId("ACCEPTED"),
        JSON.stringify({ number: 1, title: "巡查", status: "ACCEPTED" }),
        i % 2 ? new Date(now) : null,
        new Date(now - i * 60_000),
      ],
    );
  }
  const liujiang = (await one<{ id: string }>(db, `SELECT id FROM "Community" WHERE name = '柳江社区'`, [])).id;
  for (let i = 0; i < FILLER_AUDIT; i++) {
    await db.query(
      `INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", "communityId", before, after, "createdAt") VALUES ($1, $2, 'building.update', 'building', $3, $4, $5, $6, $7)`,
      [
        `${F}-audit-${i}`,
        await userId(db, callers.admin),
        fuhe.buildingId,
        liujiang,
        JSON.stringify({ headName: "" }),
        JSON.stringify({ headName: `楼栋长${i}` }),
        new Date(now - i * 60_000),
      ],
    );
  }
}

const photoBytes = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .toBuffer();

async function photo(db: pg.Client, id: string, order: string | null, eventId: string | null, uploader: string) {
  const storageKey = `${crypto.randomUUID()}.jpg`;
  const body = await photoBytes();
  await db.query(
    `INSERT INTO "OrderPhoto" (id, "orderId", "eventId", "uploaderId", "storageKey", "mimeType", width, height, bytes) VALUES ($1, $2, $3, $4, $5, 'image/jpeg', 8, 8, $6)`,
    [id, order, eventId, uploader, storageKey, body.length],
  );
  // Its bytes, in the photo store the sweep's server uses (the default, PostgreSQL).
  await db.query(`INSERT INTO "PhotoBlob" (key, data) VALUES ($1, $2)`, [storageKey, body]);
}

// ---------------------------------------------------------------------------------------
// What each caller may read of personal data, from the database rather than from the app.

export type Visibility = { phones: Set<string>; homes: Set<string>; allPhones: Set<string> };

/** Unit and room as pages print them ("1单元 302"); what the room pattern below finds. */
export const homeKey = (unit: string, room: string) => `${unit.replace(/\s+/g, "")} ${room}`;
export const ROOM = /(\d{1,2}单元)\s*(?:<!-- -->)?\s*(\d{3,4})(?!\d)/g;
export const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * Numbers and homes the caller may see in full: their own; a grid worker those of residents
 * in their grids and a branch secretary those in their courtyards (they call residents back);
 * an administrator the homes (not the numbers, which the console masks) within their reach.
 * Staff see neither: numbers masked, addresses at building level.
 */
export async function visibility(db: pg.Client, phone: string | null): Promise<Visibility> {
  const all = await db.query<{ phone: string }>(`SELECT phone FROM "User"`);
  const allPhones = new Set(all.rows.map((r) => r.phone));
  if (!phone) return { phones: new Set(), homes: new Set(), allPhones };
  const { rows } = await db.query<{ phone: string; unit: string; room: string }>(
    `WITH me AS (SELECT id FROM "User" WHERE phone = $1),
          mine AS (SELECT r.* FROM "RoleAssignment" r JOIN me ON r."userId" = me.id)
     SELECT u.phone, h.unit, h.room
       FROM "User" u LEFT JOIN "Residence" h ON h."userId" = u.id
      WHERE u.id = (SELECT id FROM me)
         OR EXISTS (SELECT 1 FROM "RoleAssignment" rr JOIN "Courtyard" y ON y.id = rr."courtyardId"
                     WHERE rr."userId" = u.id AND rr.role = 'RESIDENT'
                       AND (y."gridId" IN (SELECT "gridId" FROM mine WHERE role = 'GRID_WORKER')
                            OR y.id IN (SELECT "courtyardId" FROM mine WHERE role = 'BRANCH_SECRETARY')))`,
    [phone],
  );
  const homes = await db.query<{ unit: string; room: string }>(
    `WITH mine AS (SELECT r.* FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId" WHERE u.phone = $1 AND r.role = 'ADMIN')
     SELECT h.unit, h.room FROM "Residence" h JOIN "Courtyard" y ON y.id = h."courtyardId" JOIN "Grid" g ON g.id = y."gridId"
      WHERE EXISTS (SELECT 1 FROM mine WHERE mine."communityId" IS NULL OR mine."communityId" = g."communityId")`,
    [phone],
  );
  return {
    phones: new Set(rows.map((r) => r.phone)),
    homes: new Set([...rows.filter((r) => r.unit !== null).map((r) => homeKey(r.unit, r.room)), ...homes.rows.map((r) => homeKey(r.unit, r.room))]),
    allPhones,
  };
}

/** Full numbers of real users in the text that the caller may not see. */
export function leakedPhones(text: string, seen: Visibility, alsoAllowed: Iterable<string> = []): string[] {
  const allowed = new Set([...seen.phones, ...alsoAllowed]);
  return [...new Set(text.match(PHONE) ?? [])].filter((p) => seen.allPhones.has(p) && !allowed.has(p));
}

/** Unit-and-room pairs in the text that are not the caller's to see. */
export function leakedHomes(text: string, seen: Visibility): string[] {
  return [...new Set([...text.matchAll(ROOM)].map((m) => homeKey(m[1], m[2])))].filter((h) => !seen.homes.has(h));
}

// ---------------------------------------------------------------------------------------
// Every table's content, to show that the sweep's GETs changed nothing.

export async function fingerprint(db: pg.Client): Promise<Record<string, { rows: number; digest: string }>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const result: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    const q = `"${name.replace(/"/g, '""')}"`;
    const { rows } = await db.query<{ rows: number; digest: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${q} t`,
    );
    result[name] = { rows: rows[0].rows, digest: rows[0].digest ?? "" };
  }
  return result;
}
