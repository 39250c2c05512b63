// Sign-in and photo-upload probes over HTTP against the production build (docs/security.md):
// what an attacker can try from a browser or a script, checked where it lands — the response,
// the database and the stored file.
import crypto from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { DEMO_PASSWORD, signIn, signInAndLand } from "../support";
import { floodPng } from "../../support/images";

const INVALID = "手机号或密码不正确，请重新输入。";
const THROTTLED = "登录失败次数过多，请 15 分钟后再试。";

let pool: pg.Pool;
test.beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
test.afterAll(async () => {
  await pool.end();
});

const sql = async <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) => (await pool.query<T>(text, values)).rows;

/** A number no seed or other test uses: 166 + 8 random digits. */
const freshPhone = () => `166${String(crypto.randomInt(1e8)).padStart(8, "0")}`;

/** A grid worker of 第一网格 with the demo password (the hash is copied from 13800000002). */
async function fixtureWorker(): Promise<string> {
  const phone = freshPhone();
  const id = `sec_${crypto.randomUUID()}`;
  await sql(
    `INSERT INTO "User" (id, phone, name, "passwordHash", "updatedAt")
     SELECT $1, $2, '安全测试网格员', "passwordHash", now() FROM "User" WHERE phone = '13800000002'`,
    [id, phone],
  );
  await sql(
    `INSERT INTO "RoleAssignment" (id, "userId", role, "communityId", "gridId", "courtyardId")
     SELECT $1 || '_role', $1, role, "communityId", "gridId", "courtyardId"
       FROM "RoleAssignment" WHERE role = 'GRID_WORKER' AND "userId" = (SELECT id FROM "User" WHERE phone = '13800000002')`,
    [id],
  );
  return phone;
}

/** The body of the sign-in form's POST, with the typed number taken out (the form keeps it). */
async function signInAnswer(page: Page, phone: string, password: string): Promise<string> {
  await page.goto("/login");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(password);
  // The answer is taken on its way to the page, so it can be compared byte for byte.
  let body: string | null = null;
  await page.route("**/login", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    body = await response.text();
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
  await page.unroute("**/login");
  expect(body).not.toBeNull();
  return body!.replaceAll(phone, "<phone>");
}

test.describe("signing in", () => {
  test("an unknown number and a wrong password get byte-for-byte the same answer", async ({ page }) => {
    const known = await fixtureWorker();
    const wrong = await signInAnswer(page, known, "Wrong#2026");
    await expect(page.getByRole("alert").filter({ hasText: INVALID })).toBeVisible();
    const unknown = await signInAnswer(page, freshPhone(), "Wrong#2026");
    await expect(page.getByRole("alert").filter({ hasText: INVALID })).toBeVisible();
    // The form state names the error by key ("invalid"); the page words it.
    expect(wrong).toContain('"error":"invalid"');
    expect(unknown).toBe(wrong);
    await sql(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE $1`, [`%${known}%`]);
  });

  test("ten wrong passwords lock the number for 15 minutes, even against the right password", async ({ page }) => {
    const phone = await fixtureWorker();
    const addressKeys = async () => sql<{ key: string; points: number }>(`SELECT key, points FROM "RateLimiterFlexible" WHERE key LIKE 'login-address:%'`);
    const before = new Map((await addressKeys()).map((r) => [r.key, r.points]));
    try {
      for (let attempt = 1; attempt <= 10; attempt++) {
        await page.goto("/login");
        await page.getByLabel("手机号").fill(phone);
        await page.getByLabel("密码").fill(`Wrong#${attempt}`);
        await page.getByRole("button", { name: "登录" }).click();
        await expect(page.getByText(INVALID)).toBeVisible();
      }
      await page.getByLabel("密码").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.getByText(THROTTLED)).toBeVisible();
      await expect(page).toHaveURL(/\/login$/);
      expect(await sql(`SELECT 1 FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.phone = $1`, [phone])).toHaveLength(0);
    } finally {
      // Give the shared loopback address its ten attempts back, so later tests are not throttled.
      await sql(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE $1`, [`%${phone}%`]);
      for (const { key, points } of await addressKeys()) {
        await sql(`UPDATE "RateLimiterFlexible" SET points = $2 WHERE key = $1`, [key, Math.min(points, before.get(key) ?? 0)]);
      }
    }
  });

  test("a disabled account is locked out at its next request, in the browser and for its saved cookie", async ({ page, context, playwright }) => {
    const phone = await fixtureWorker();
    await signIn(page, phone);
    await expect(page).toHaveURL(/\/grid$/);
    const cookies = await context.cookies();
    await sql(`UPDATE "User" SET "disabledAt" = now() WHERE phone = $1`, [phone]);
    await page.goto("/grid");
    await expect(page).toHaveURL(/\/login$/);
    const replay = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies, origins: [] } });
    const response = await replay.get("/grid", { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(response.headers().location).toMatch(/\/login/);
    await replay.dispose();
    // And the password no longer opens a session.
    await signIn(page, phone);
    await expect(page.getByText(INVALID)).toBeVisible();
    await sql(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE $1`, [`%${phone}%`]);
  });
});

// ---------------------------------------------------------------------------------------

/** A photo as a phone takes it, with a GPS position and the camera's make in its EXIF. */
const gpsPhoto = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: "#3a7" } })
    .withExif({ IFD0: { Make: "TestPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 39/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "104/1 4/1 0/1" } })
    .jpeg()
    .toBuffer();

test.describe("uploading a photo", () => {
  let api: APIRequestContext;
  let uploaderId: string;

  test.beforeAll(async ({ browser, playwright }) => {
    const page = await browser.newPage();
    await signInAndLand(page, "13800000007", "/resident");
    api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: await page.context().storageState() });
    await page.close();
    [{ id: uploaderId }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE phone = '13800000007'`);
  });
  test.afterAll(async () => {
    await api.dispose();
  });

  const upload = (name: string, mimeType: string, buffer: Buffer, headers: Record<string, string> = {}) =>
    api.post("/api/uploads", { multipart: { file: { name, mimeType, buffer } }, headers });
  const photoCount = async () => Number((await sql(`SELECT count(*) FROM "OrderPhoto" WHERE "uploaderId" = $1`, [uploaderId]))[0].count);

  test("refuses what is not a photo, whatever its name and declared type, and stores nothing", async () => {
    const before = await photoCount();
    const cases = [
      { name: "photo.jpg", type: "image/jpeg", body: Buffer.from("<html><script>alert(1)</script></html>") },
      { name: "photo.png", type: "image/png", body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      { name: "drawing.svg", type: "image/svg+xml", body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') },
      { name: "photo.jpg", type: "image/jpeg", body: Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\n") },
    ];
    for (const c of cases) {
      const response = await upload(c.name, c.type, c.body);
      expect(response.status(), c.name).toBe(415);
      expect((await response.json()).error).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await photoCount()).toBe(before);
  });

  test("refuses a file over 10 MB with 413 and a 20000 × 20000 pixel flood with 400", async () => {
    const before = await photoCount();
    const jpeg = await gpsPhoto();
    const huge = Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024 - jpeg.length)]);
    const tooBig = await upload("big.jpg", "image/jpeg", huge);
    expect(tooBig.status()).toBe(413);
    expect((await tooBig.json()).error).toBe("照片不能超过 10 MB。");
    const flood = await upload("flood.png", "image/png", await floodPng(20_000, 20_000));
    expect(flood.status()).toBe(400);
    expect((await flood.json()).error).toBe("照片尺寸过大，请压缩后再上传。");
    expect(await photoCount()).toBe(before);
  });

  test("refuses an upload sent from another site", async () => {
    const before = await photoCount();
    const response = await upload("photo.jpg", "image/jpeg", await gpsPhoto(), { Origin: "https://evil.example" });
    expect(response.status()).toBe(403);
    expect(await photoCount()).toBe(before);
  });

  test("stores a phone photo without its GPS position or camera details, and serves it only to its uploader", async ({ playwright }) => {
    const original = await gpsPhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const response = await upload("IMG_0001.jpg", "image/jpeg", original);
    expect(response.status()).toBe(201);
    const { id } = await response.json();

    const served = await api.get(`/api/photos/${id}`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/jpeg");
    const body = await served.body();
    const meta = await sharp(body).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 320, height: 240 });
    expect(meta.exif).toBeUndefined();
    expect(body.includes(Buffer.from("TestPhone"))).toBe(false);

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await anonymous.get(`/api/photos/${id}`)).status()).toBe(404);
    await anonymous.dispose();
  });
});
