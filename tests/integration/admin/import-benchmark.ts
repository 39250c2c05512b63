// Measures the bulk import of 10,000 residents — the dry run and the all-or-nothing commit,
// from CSV and from .xlsx — on a fresh database with the demo data. Not part of the suite
// (speed is measured in benchmarks, not in timed tests: docs/performance.md). Run:
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
const { slipsWorkbook } = await import("../../../src/domain/admin/slips-workbook");
const { hashOneTimePassword, hashPassword } = await import("../../../src/server/auth/password");
const { generateTemporaryPassword } = await import("../../../src/domain/admin/passwords");

const results: { step: string; ms: number; note: string }[] = [];
const slipTexts = {
  sheet: "临时密码",
  notesSheet: "使用说明",
  columns: { name: "姓名", phone: "手机号", place: "住址", password: "临时密码", expiresAt: "有效期至" },
  notes: ["每人一个临时密码。"],
  date: (iso: string) => iso.slice(0, 10),
};
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

  const report = await timed(
    "dry run (CSV)",
    () => checkImport(actor, request),
    (r) => `${r.summary.rows} rows, ${r.problems.length} problems, ${r.summary.newAccounts} new accounts planned`,
  );
  const committed = await timed(
    "commit (CSV)",
    () => commitImport(actor, { ...request, digest: report.digest }),
    (r) => (r.ok ? `${r.summary.created} homes, ${r.summary.newAccounts} accounts written, each with its own one-time password` : "refused"),
  );
  // What the upload route adds to the commit's answer: the slips as an .xlsx.
  const slips = committed.ok ? committed.slips : [];
  await timed(
    "slips .xlsx (CSV commit)",
    () => slipsWorkbook(slips, slipTexts),
    (b) => `${slips.length} rows, ${Math.round(b.length / 1024)} KB, ${Math.round((b.length * 4) / 3 / 1024)} KB as base64`,
  );
  await timed(
    "dry run again (same file)",
    () => checkImport(actor, request),
    (r) => `${r.summary.unchanged} unchanged, ${r.summary.created} new`,
  );
  await timed(
    "commit again (same file)",
    () => commitImport(actor, { ...request, digest: report.digest }),
    (r) => (r.ok ? `changed: ${r.changed}` : "refused"),
  );

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
  const xlsxReport = await timed(
    "dry run (.xlsx)",
    () => checkImport(actor, xlsxRequest),
    (r) => `${r.summary.rows} rows, ${r.problems.length} problems (${Math.round(xlsx.length / 1024)} KB file)`,
  );
  await timed(
    "commit (.xlsx)",
    () => commitImport(actor, { ...xlsxRequest, digest: xlsxReport.digest }),
    (r) => (r.ok ? `${r.summary.created} homes, ${r.summary.newAccounts} accounts written` : "refused"),
  );

  // Why one-time passwords are not hashed with argon2id: its cost for a whole import.
  const ARGON_SAMPLE = 16;
  const argon = await timed(
    `argon2id 46 MiB × ${ARGON_SAMPLE} (in parallel)`,
    () => Promise.all(Array.from({ length: ARGON_SAMPLE }, () => hashPassword(generateTemporaryPassword()))),
    () => "",
  );
  const argonMs = results.at(-1)!.ms;
  results.at(-1)!.note = `${argon.length} hashes; ${ROWS} would take about ${Math.round(((argonMs / ARGON_SAMPLE) * ROWS) / 1000)} s`;
  await timed(
    `salted SHA-256 one-time passwords × ${ROWS} (generate and hash)`,
    async () => {
      for (let i = 0; i < ROWS; i++) hashOneTimePassword(generateTemporaryPassword());
    },
    () => "as the commit does for each new account",
  );

  const cpu = os.cpus();
  process.stdout.write(`\n${ROWS} residents · ${cpu.length} × ${cpu[0]?.model ?? "CPU"} · Node ${process.version}\n\n| step | ms | result |\n|---|---:|---|\n`);
  for (const r of results) process.stdout.write(`| ${r.step} | ${r.ms} | ${r.note} |\n`);
} finally {
  await db.$disconnect();
  await dropDatabase(server.adminUrl, name).catch(() => {});
  await server.stop();
}
