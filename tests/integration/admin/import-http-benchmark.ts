// Measures the 10,000-resident import through the real upload route (POST /api/admin/import:
// multipart upload, sniffing, parsing, checking, writing, the JSON answer) against a running
// portal with the demo data. Not part of the suite. Run, with the portal's database:
//
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgresql://… npx tsx tests/integration/admin/import-http-benchmark.ts
//
// PREFIX (default 168) picks the phone numbers, so that each run imports new people.
import { chromium } from "@playwright/test";
import pg from "pg";
import { chromiumArgs, findChromium } from "../../../scripts/lib/chromium";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const prefix = process.env.PREFIX ?? "168";
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const community = (await client.query<{ id: string }>(`SELECT id FROM "Community" WHERE name = '柳江社区'`)).rows[0];
const places = (
  await client.query<{ courtyard: string; number: string }>(
    `SELECT y.name AS courtyard, b.number FROM "Courtyard" y JOIN "Grid" g ON g.id = y."gridId"
     JOIN "Building" b ON b."courtyardId" = y.id WHERE g."communityId" = $1 AND y.active AND b.active`,
    [community.id],
  )
).rows;
await client.end();

const lines = ["姓名,手机号,小区名称,楼栋号,单元,房号"];
for (let i = 0; i < 10_000; i++) {
  const p = places[i % places.length];
  lines.push(`居民${i},${prefix}${String(i).padStart(8, "0")},${p.courtyard},${p.number},1,${100 + (i % 30)}`);
}
const buffer = Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`);

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: chromiumArgs });
const page = await browser.newPage();
await page.goto(`${base}/login`);
await page.getByLabel("手机号").fill("13800000005");
await page.getByLabel("密码").fill("Linli@2026");
await page.getByRole("button", { name: "登录" }).click();
await page.waitForURL(/\/admin/);

async function post(mode: "check" | "commit", digest = "") {
  const started = performance.now();
  const response = await page.request.post(`${base}/api/admin/import`, {
    headers: { origin: base },
    multipart: { kind: "residents", communityId: community.id, mode, digest, file: { name: "居民.csv", mimeType: "text/csv", buffer } },
  });
  return { ms: Math.round(performance.now() - started), status: response.status(), body: await response.json() };
}
const check = await post("check");
process.stdout.write(
  `check  ${check.ms} ms · HTTP ${check.status} · ${check.body.summary?.rows} rows, ${check.body.problems?.length} problems · ${Math.round(buffer.length / 1024)} KB\n`,
);
const commit = await post("commit", check.body.digest);
process.stdout.write(`commit ${commit.ms} ms · HTTP ${commit.status} · ${commit.body.summary?.created} homes, ${commit.body.summary?.newAccounts} accounts\n`);
await browser.close();
