// In the "actions" project: it writes to the probes' database, so it runs one file at a time with them.
// A session on a one-time password may do nothing but change it (issue 10, item 7): every
// route handler, every page and a sample of server actions refuse it and write nothing;
// after the change the same calls work. The person holds every role the route handlers
// serve (resident, staff and administrator of 柳江社区), so that no refusal is a role's.
import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { closeDb, db, freshPhone, one } from "./actions-db";
import { baseURL, buildActions, callAction, formData, signedInClient, type ManifestEntry } from "./actions-wire";

const MUST_CHANGE = "请先修改临时密码。";
const NEW_PASSWORD = "Yangtai lvluo 3 pen";

let actions: ManifestEntry[];
let person: { id: string; phone: string };
let client: APIRequestContext;
let community: string;

const action = (name: string) => actions.find((a) => a.exportedName === name)!;
const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .toBuffer();
const residentsCsv = (phone: string) => Buffer.from(`\uFEFF姓名,手机号,小区名称,楼栋号,单元,房号\r\n临时导入,${phone},府河小区,1栋,1,901\r\n`);
const digest = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/** What the person has written anywhere: rows that name them, and the people they could create. */
async function writtenBy(personId: string, phones: string[]) {
  const count = async (sql: string, params: unknown[]) => Number((await one<{ n: string }>(sql, params)).n);
  return {
    photos: await count(`SELECT count(*) AS n FROM "OrderPhoto" WHERE "uploaderId" = $1`, [personId]),
    orders: await count(`SELECT count(*) AS n FROM "Order" WHERE "placedById" = $1`, [personId]),
    audit: await count(`SELECT count(*) AS n FROM "AuditLog" WHERE "actorId" = $1`, [personId]),
    people: await count(`SELECT count(*) AS n FROM "User" WHERE phone = ANY($1)`, [phones]),
  };
}

test.beforeAll(async () => {
  actions = buildActions();
  const { passwordHash } = await one<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE phone = '13800000001'`);
  ({ id: community } = await one<{ id: string }>(`SELECT id FROM "Community" WHERE name = '柳江社区'`));
  const { id: courtyard } = await one<{ id: string }>(
    `SELECT y.id FROM "Courtyard" y JOIN "Grid" g ON g.id = y."gridId" WHERE y.name = '府河小区' AND g."communityId" = $1`,
    [community],
  );
  person = { id: `mustchange${crypto.randomBytes(6).toString("hex")}`, phone: freshPhone() };
  // Signed in with the demo password, as if an administrator had just issued it.
  await db().query(
    `INSERT INTO "User" (id, phone, name, "passwordHash", "mustChangePassword", "passwordExpiresAt", "updatedAt")
     VALUES ($1, $2, '临时密码测试', $3, true, now() + interval '14 days', now())`,
    [person.id, person.phone, passwordHash],
  );
  await db().query(
    `INSERT INTO "RoleAssignment" (id, "userId", role, "courtyardId", "communityId") VALUES
       ($1 || 'r', $1, 'RESIDENT', $2, NULL), ($1 || 's', $1, 'STAFF', NULL, $3), ($1 || 'a', $1, 'ADMIN', NULL, $3)`,
    [person.id, courtyard, community],
  );
  await db().query(`INSERT INTO "Residence" (id, "userId", "courtyardId", unit, room) VALUES ($1 || 'h', $1, $2, '1单元', '902')`, [person.id, courtyard]);
  client = await signedInClient(actions, person.phone);
});

test.afterAll(async () => {
  await client?.dispose();
  await closeDb();
});

/** One call of each route handler, and what it answers once the password is the person's own. */
const routeCalls = (importPhone: string) => {
  const file = residentsCsv(importPhone);
  let uploaded = "no-such-photo";
  return [
    [
      "POST /api/uploads",
      async () => {
        const response = await client.post("/api/uploads", {
          multipart: { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: await photo() } },
          headers: { Origin: baseURL() },
        });
        if (response.status() === 201) uploaded = (await response.json()).id;
        return response;
      },
      201,
    ],
    ["GET /api/photos/[id]", async () => client.get(`/api/photos/${uploaded}`), 200],
    ["GET /api/staff/export/ratings", async () => client.get("/api/staff/export/ratings?format=csv"), 200],
    ["GET /api/staff/export/overview", async () => client.get("/api/staff/export/overview?format=csv"), 200],
    ["GET /api/admin/import/template", async () => client.get("/api/admin/import/template?kind=residents&format=csv"), 200],
    [
      "POST /api/admin/import",
      async () =>
        client.post("/api/admin/import", {
          multipart: {
            file: { name: "r.csv", mimeType: "text/csv", buffer: file },
            kind: "residents",
            communityId: community,
            mode: "commit",
            digest: digest(file),
          },
          headers: { Origin: baseURL() },
        }),
      200,
    ],
  ] as const;
};

test("on a one-time password every route handler, page and action refuses and writes nothing; after the change they work", async () => {
  test.setTimeout(90_000);
  const importPhone = freshPhone();
  const createPhone = freshPhone();
  const before = await writtenBy(person.id, [importPhone, createPhone]);

  // Route handlers: 403 with the reason, whatever they serve.
  for (const [label, call] of routeCalls(importPhone)) {
    const response = await call();
    expect(response.status(), label).toBe(403);
    expect((await response.json()).error, label).toBe(MUST_CHANGE);
  }
  // Pages: straight to the password page, record pages included (sent there before any lookup,
  // so an order id that does not exist answers the same).
  for (const path of ["/resident", "/resident/board", "/staff", "/admin", "/admin/people", "/notifications", "/orders/no-such-order", "/no-role"]) {
    const response = await client.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toMatch(/\/account\/password$/);
  }
  expect((await client.get("/account/password", { maxRedirects: 0 })).status()).toBe(200);
  // Server actions, posted directly.
  const placed = await callAction(client, action("placeOrderAction"), "/resident/orders/new", [
    null,
    formData({
      categoryId: "category_wish",
      title: "临时密码下单",
      description: "不应写入。",
      contactPreference: "PHONE",
      idempotencyKey: crypto.randomUUID(),
    }),
  ]);
  expect(placed.result).toEqual({ ok: false, error: MUST_CHANGE });
  const created = await callAction(client, action("peopleAction"), "/admin/people/new", [
    null,
    formData({ intent: "user.create", name: "不应创建", phone: createPhone, role: "STAFF", scopeId: community }),
  ]);
  expect(created.result).toEqual({ ok: false, error: MUST_CHANGE });
  expect(await writtenBy(person.id, [importPhone, createPhone])).toEqual(before);

  // Changing the password is the one thing allowed; then everything above works.
  const changed = await callAction(client, action("changePasswordAction"), "/account/password", [
    null,
    formData({ intent: "password.change", current: "Linli@2026", next: NEW_PASSWORD, confirm: NEW_PASSWORD }),
  ]);
  expect(changed.headers["x-action-redirect"]).toBeTruthy();
  for (const [label, call, status] of routeCalls(importPhone)) expect((await call()).status(), label).toBe(status);
  for (const path of ["/resident", "/staff", "/admin", "/notifications"]) expect((await client.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  const placedAfter = await callAction(client, action("placeOrderAction"), "/resident/orders/new", [
    null,
    formData({ categoryId: "category_wish", title: "改密后下单", description: "可以写入。", contactPreference: "PHONE", idempotencyKey: crypto.randomUUID() }),
  ]);
  expect(placedAfter.result).toMatchObject({ ok: true });
  expect(await writtenBy(person.id, [importPhone, createPhone])).toMatchObject({ photos: before.photos + 1, orders: before.orders + 1, people: 1 });
});
