// Measures the bulk import of 10,000 residents — the dry run and the all-or-nothing commit,
// from CSV and from .xlsx — on a fresh database with the demo data. Not part of the suite
// (QUALITY.md: measure in a benchmark, not in a timed test). Run:
//
//   npx tsx --conditions=react-server tests/integration/admin/import-benchmark.ts
//
// (react-server: the domain modules import "server-only", as Next.js's server bundle allows.)
// Uses an embedded PostgreSQL in a temporary folder, or the server of DATABASE_URL.
import crypto from "node:crypto";
import os from "node:os";
import ExcelJS from "exceljs";
import { dropDatabase } from "../../../src/server/db/migrate";
import { prepareDatabase } from "../../../scripts/lib/prepare-database";
import { throwawayServer } from "../../../scripts/lib/throwaway-db";

const ROWS = Number(process.env.ROWS ?? 10_000);
const server = await throwawayServer();
const name = `linli_bench_${crypto.randomBytes(3).toString("hex")}`;
const url = server.url(name);
await prepareDatabase({ adminUrl: server.adminUrl, url, recreate: true, seed: "always" });
process.env.DATABASE_URL = url;

const { db } = await import("../../../src/server/db/client");
const { loadActor } = await import("../../../src/server/auth/actor");
const { checkImport, commitImport } = await import("../../../src/domain/admin/import/run");

const results: { step: string; ms: number; note: string }[] = [];
async function timed<T>(step: string, work: () => Promise<T>, note: (r: T) => string): Promise<T> {
  const started = performance.now();
  const result = await work();
  results.push({ step, ms: Math.round(performance.now() - started), note: note(result) });
  return result;
}

try {
  const admin = await db.user.findUniqueOrThrow({ where: { phone: "13800000005" } });
  const session = await db.userSession.create({ data: { userId: admin.id, expiresAt: new Date(Date.now() + 3600_000) } });
  const actor = (await loadActor(session.id))!;
  const community = await db.community.findFirstOrThrow({ where: { name: "柳江社区" } });
  const courtyards = await db.courtyard.findMany({ where: { grid: { communityId: community.id } }, include: { buildings: true } });

  // 10,000 new residents spread over the community's courtyards and buildings.
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const y = courtyards[i % courtyards.length];
    const b = y.buildings[i % y.buildings.length];
    return [`居民${i}`, `166${String(i).padStart(8, "0")}`, y.name, b.number, `${1 + (i % b.units)}`, `${1 + (i % b.floors)}0${1 + (i % 4)}`];
  });
  const header = ["姓名", "手机号", "小区名称", "楼栋号", "单元", "房号"];
  const csv = new TextEncoder().encode(`\uFEFF${[header, ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`);
  const request = { kind: "residents", communityId: community.id, fileName: "居民.csv", bytes: csv };

  const report = await timed("dry run (CSV)", () => checkImport(actor, request), (r) => `${r.summary.rows} rows, ${r.problems.length} problems, ${r.summary.newAccounts} new accounts planned`);
  await timed("commit (CSV)", () => commitImport(actor, { ...request, digest: report.digest }), (r) => (r.ok ? `${r.summary.created} homes, ${r.summary.newAccounts} accounts written` : "refused"));
  await timed("dry run again (same file)", () => checkImport(actor, request), (r) => `${r.summary.unchanged} unchanged, ${r.summary.created} new`);
  await timed("commit again (same file)", () => commitImport(actor, { ...request, digest: report.digest }), (r) => (r.ok ? `changed: ${r.changed}` : "refused"));

  // The same people as .xlsx, into the other community's courtyards (new homes for existing accounts would be
  // a different case): fresh phone numbers, so the commit writes 10,000 accounts again.
  const other = await db.community.findFirstOrThrow({ where: { name: "锦城社区" } });
  const otherCourtyards = await db.courtyard.findMany({ where: { grid: { communityId: other.id } }, include: { buildings: true } });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("居民");
  sheet.addRow(header);
  rows.forEach((r, i) => {
    const y = otherCourtyards[i % otherCourtyards.length];
    sheet.addRow([r[0], `167${String(i).padStart(8, "0")}`, y.name, y.buildings[i % y.buildings.length].number, r[4], r[5]]);
  });
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
  const xlsxRequest = { kind: "residents", communityId: other.id, fileName: "居民.xlsx", bytes: xlsx };
  const xlsxReport = await timed("dry run (.xlsx)", () => checkImport(actor, xlsxRequest), (r) => `${r.summary.rows} rows, ${r.problems.length} problems (${Math.round(xlsx.length / 1024)} KB file)`);
  await timed("commit (.xlsx)", () => commitImport(actor, { ...xlsxRequest, digest: xlsxReport.digest }), (r) => (r.ok ? `${r.summary.created} homes, ${r.summary.newAccounts} accounts written` : "refused"));

  const cpu = os.cpus();
  process.stdout.write(`\n${ROWS} residents · ${cpu.length} × ${cpu[0]?.model ?? "CPU"} · Node ${process.version}\n\n| step | ms | result |\n|---|---:|---|\n`);
  for (const r of results) process.stdout.write(`| ${r.step} | ${r.ms} | ${r.note} |\n`);
} finally {
  await db.$disconnect();
  await dropDatabase(server.adminUrl, name).catch(() => {});
  await server.stop();
}
