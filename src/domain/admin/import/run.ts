// Bulk import, the service: authorize the community → sniff → read → check against the
// community as it is → (commit) in one transaction, under a per-community lock, check
// again and write everything with batched statements, plus one audit row. A problem in
// any row, or any failure while writing, leaves nothing behind.
import crypto from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { communityScope } from "@/server/authz/scope";
import type { Actor, Operation } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { recordAudit, type Tx } from "../audit";
import { byPlace, expiryAfter, issueOneTimePassword, oneTimePasswordDays, placeOf, slipOf, type Slip } from "../one-time-passwords";
import { userScope } from "../scope";
import { assertAnswersLeft, discloseUnavailable } from "../unavailable";
import { normalizePhone } from "../schemas";
import { check, type CheckResult, type World, type WorldUser } from "./check";
import { mapColumns } from "./columns";
import { readTable } from "./read";
import { sniff } from "./sniff";
import { ImportFileError, importKinds, type ImportKind, type ImportSummary, type Problem } from "./types";

export type ImportRequest = { kind: string; communityId: string; fileName: string; bytes: Uint8Array };
export type ImportReport = { kind: ImportKind; fileName: string; digest: string; summary: ImportSummary; problems: Problem[] };
export type CommitResult = { ok: true; summary: ImportSummary; changed: boolean; slips: Slip[] } | { ok: false; report: ImportReport };

const BATCH = 1_000;
const RAW_BATCH = 5_000;
const IMPORT_LOCK = 4_104_012;

export const digestOf = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const operationFor = (kind: ImportKind): Operation => (kind === "residents" ? "users.manage" : "map.configure");

async function prepare(actor: Actor, request: ImportRequest) {
  const kind = importKinds.find((k) => k === request.kind);
  if (!kind) throw new ImportFileError("kindInvalid");
  const community = await db.community.findFirst({
    where: { AND: [{ id: request.communityId }, communityScope(actor, operationFor(kind))] },
    select: { id: true, name: true, active: true },
  });
  if (!community) throw notFoundError();
  if (!community.active) throw new ImportFileError("communityInactive");
  if (kind === "residents") await throttledAsFile(() => assertAnswersLeft(actor));
  const sniffed = sniff(request.bytes);
  const table = await readTable(request.bytes, sniffed);
  const columns = mapColumns(kind, table);
  const fileName = request.fileName.slice(0, 120);
  return { kind, community, table, columns, fileName, digest: digestOf(request.bytes) };
}
type Prepared = Awaited<ReturnType<typeof prepare>>;

/**
 * The community's map, and the people the file names, as they are now. People come only
 * from the administrator's communities: a number whose account lies outside them is only
 * known to be unavailable (./check.ts answers it alike for every such account).
 */
async function loadWorld(client: Tx, actor: Actor, p: Prepared): Promise<World> {
  const inCommunity = { grid: { communityId: p.community.id } };
  const [grids, courtyards, buildings] = await Promise.all([
    client.grid.findMany({ where: { communityId: p.community.id }, select: { id: true, name: true, active: true } }),
    client.courtyard.findMany({ where: inCommunity, select: { id: true, gridId: true, name: true, active: true, address: true, partyBranchName: true } }),
    p.kind === "courtyards"
      ? Promise.resolve([])
      : client.building.findMany({
          where: { courtyard: inCommunity },
          select: { id: true, courtyardId: true, number: true, active: true, units: true, floors: true, headName: true },
        }),
  ]);
  const users = new Map<string, WorldUser>();
  const unavailable = new Set<string>();
  if (p.kind === "residents") {
    const phoneColumn = p.columns.index.phone;
    const phones = [...new Set(p.table.rows.map((r) => normalizePhone(r.cells[phoneColumn] ?? "")))].filter((ph) => /^1\d{10}$/.test(ph));
    for (let i = 0; i < phones.length; i += 5_000) {
      const batch = phones.slice(i, i + 5_000);
      const taken = await client.user.findMany({ where: { phone: { in: batch } }, select: { phone: true } });
      for (const t of taken) unavailable.add(t.phone);
      const found = await client.user.findMany({
        where: { AND: [{ phone: { in: batch } }, userScope(actor)] },
        select: {
          id: true,
          phone: true,
          name: true,
          disabledAt: true,
          roles: {
            where: {
              OR: [
                { role: "RESIDENT", courtyard: inCommunity },
                { role: "VOLUNTEER", communityId: p.community.id },
              ],
            },
            select: { role: true, courtyardId: true },
          },
          residences: { where: { courtyard: inCommunity }, select: { id: true, courtyardId: true, buildingId: true, unit: true, room: true } },
        },
      });
      for (const u of found) {
        unavailable.delete(u.phone);
        users.set(u.phone, {
          id: u.id,
          name: u.name,
          disabled: !!u.disabledAt,
          residentOf: new Set(u.roles.filter((r) => r.role === "RESIDENT").map((r) => r.courtyardId!)),
          volunteer: u.roles.some((r) => r.role === "VOLUNTEER"),
          residences: u.residences,
        });
      }
    }
  }
  return { grids, courtyards, buildings, users, unavailable };
}

/** The file's answer while the administrator's budget of "unavailable" answers is spent. */
async function throttledAsFile(work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "throttled") throw new ImportFileError("unavailableThrottled", {}, 429);
    throw error;
  }
}

/** Telling which numbers are unavailable spends the administrator's budget (../unavailable.ts). */
const disclose = (actor: Actor, p: Prepared, result: CheckResult) =>
  throttledAsFile(() => discloseUnavailable(actor, p.community.id, result.unavailable, "import"));

const reportOf = (p: Prepared, result: CheckResult): ImportReport => ({
  kind: p.kind,
  fileName: p.fileName,
  digest: p.digest,
  summary: result.summary,
  problems: result.problems,
});

/** The dry run: what a commit would do, and every row's problems. Writes nothing. */
export async function checkImport(actor: Actor, request: ImportRequest): Promise<ImportReport> {
  const p = await prepare(actor, request);
  const result = check(p.kind, p.table, p.columns, await loadWorld(db, actor, p));
  await disclose(actor, p, result);
  return reportOf(p, result);
}

const chunks = <T>(items: T[], size = BATCH) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
/** Prisma keeps DateTime columns as UTC timestamps without a zone; so do the raw inserts. */
const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
/** Shaped like Prisma's cuid(): "c" and 24 base-36 characters (~124 random bits). */
const newId = () =>
  `c${BigInt(`0x${crypto.randomBytes(16).toString("hex")}`)
    .toString(36)
    .padStart(25, "0")
    .slice(-24)}`;
const changes = (s: ImportSummary) => s.created + s.updated > 0;

/** All or nothing: the file is checked again inside the transaction, then written in batches. */
export async function commitImport(actor: Actor, request: ImportRequest & { digest: string }): Promise<CommitResult> {
  const p = await prepare(actor, request);
  if (request.digest !== p.digest) throw new ImportFileError("fileChanged", {}, 409);
  const expiresAt = expiryAfter(p.kind === "residents" ? await oneTimePasswordDays() : 0);

  const outcome = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${p.community.id}))`;
      const world = await loadWorld(tx, actor, p);
      const result = check(p.kind, p.table, p.columns, world);
      if (result.problems.length) return { ok: false as const, report: reportOf(p, result), result };
      if (!changes(result.summary)) return { ok: true as const, summary: result.summary, changed: false, slips: [] };
      const slips = await write(tx, result, world, expiresAt, p.community.id);
      await recordAudit(tx, actor, {
        action: `import.${p.kind}`,
        entityType: "import",
        communityId: p.community.id,
        after: { fileName: p.fileName, community: p.community.name, ...result.summary },
      });
      return {
        ok: true as const,
        summary: result.summary,
        changed: true,
        slips,
      };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
  if (!outcome.ok) {
    await disclose(actor, p, outcome.result);
    return { ok: false, report: outcome.report };
  }
  return outcome;
}

/** Writes the plan; answers the slips of the accounts it created, one secret per person. */
async function write(tx: Tx, result: CheckResult, world: World, expiresAt: Date, communityId: string): Promise<Slip[]> {
  if (result.kind === "courtyards") {
    for (const batch of chunks(result.plan.creates)) await tx.courtyard.createMany({ data: batch });
    for (const u of result.plan.updates) await tx.courtyard.update({ where: { id: u.id }, data: u.data });
    return [];
  }
  if (result.kind === "buildings") {
    for (const batch of chunks(result.plan.creates)) await tx.building.createMany({ data: batch });
    for (const u of result.plan.updates) await tx.building.update({ where: { id: u.id }, data: u.data });
    return [];
  }
  // Residents come by the thousand: one INSERT … SELECT FROM unnest(arrays) per table and
  // batch, with ids made here (cuid-shaped), instead of thousands of parameter tuples.
  const { newUsers, roles, residences, residenceUpdates, volunteers } = result.plan;
  const idOf = new Map(newUsers.map((u) => [u.phone, newId()]));
  const userOf = (r: { phone: string; userId?: string }) => r.userId ?? idOf.get(r.phone)!;
  // Every new account its own secret: a salted hash each, cheap enough for 10,000 at once.
  const secrets = new Map(newUsers.map((u) => [u.phone, issueOneTimePassword()]));
  const expires = Prisma.sql`(${expiresAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  for (const batch of chunks(newUsers, RAW_BATCH)) {
    await tx.$executeRaw`
      INSERT INTO "User" ("id", "phone", "name", "passwordHash", "mustChangePassword", "passwordExpiresAt", "createdAt", "updatedAt")
      SELECT u.id, u.phone, u.name, u.hash, true, ${expires}, ${NOW_UTC}, ${NOW_UTC}
      FROM unnest(
        ${batch.map((u) => idOf.get(u.phone)!)}::text[], ${batch.map((u) => u.phone)}::text[], ${batch.map((u) => u.name)}::text[],
        ${batch.map((u) => secrets.get(u.phone)!.passwordHash)}::text[]
      ) AS u(id, phone, name, hash)`;
  }
  for (const batch of chunks(roles, RAW_BATCH)) {
    await tx.$executeRaw`
      INSERT INTO "RoleAssignment" ("id", "userId", "role", "courtyardId", "createdAt")
      SELECT r.id, r.user_id, 'RESIDENT'::"Role", r.courtyard_id, ${NOW_UTC}
      FROM unnest(${batch.map(() => newId())}::text[], ${batch.map(userOf)}::text[], ${batch.map((r) => r.courtyardId)}::text[]) AS r(id, user_id, courtyard_id)`;
  }
  for (const batch of chunks(volunteers, RAW_BATCH)) {
    await tx.$executeRaw`
      INSERT INTO "RoleAssignment" ("id", "userId", "role", "communityId", "createdAt")
      SELECT r.id, r.user_id, 'VOLUNTEER'::"Role", ${communityId}, ${NOW_UTC}
      FROM unnest(${batch.map(() => newId())}::text[], ${batch.map(userOf)}::text[]) AS r(id, user_id)`;
  }
  for (const batch of chunks(residences, RAW_BATCH)) {
    await tx.$executeRaw`
      INSERT INTO "Residence" ("id", "userId", "courtyardId", "buildingId", "unit", "room", "createdAt")
      SELECT h.id, h.user_id, h.courtyard_id, h.building_id, h.unit, h.room, ${NOW_UTC}
      FROM unnest(
        ${batch.map(() => newId())}::text[], ${batch.map(userOf)}::text[], ${batch.map((h) => h.courtyardId)}::text[],
        ${batch.map((h) => h.buildingId)}::text[], ${batch.map((h) => h.unit)}::text[], ${batch.map((h) => h.room)}::text[]
      ) AS h(id, user_id, courtyard_id, building_id, unit, room)`;
  }
  for (const batch of chunks(residenceUpdates)) {
    const values = Prisma.join(batch.map((u) => Prisma.sql`(${u.id}, ${u.buildingId}, ${u.unit}, ${u.room})`));
    await tx.$executeRaw`
      UPDATE "Residence" AS r SET "buildingId" = v.b, "unit" = v.u, "room" = v.r
      FROM (VALUES ${values}) AS v(id, b, u, r) WHERE r."id" = v.id`;
  }
  return slipsFor(newUsers, residences, world, secrets, expiresAt);
}

function slipsFor(
  newUsers: { phone: string; name: string }[],
  residences: { phone: string; courtyardId: string; buildingId: string | null; unit: string; room: string }[],
  world: World,
  secrets: Map<string, { password: string }>,
  expiresAt: Date,
): Slip[] {
  const courtyard = new Map(world.courtyards.map((c) => [c.id, c.name]));
  const building = new Map(world.buildings.map((b) => [b.id, b.number]));
  const home = new Map<string, string>();
  for (const h of residences) {
    if (!home.has(h.phone)) home.set(h.phone, placeOf([courtyard.get(h.courtyardId), h.buildingId && building.get(h.buildingId), h.unit, h.room]));
  }
  return newUsers.map((u) => slipOf({ ...u, place: home.get(u.phone) }, secrets.get(u.phone)!.password, expiresAt)).sort(byPlace);
}
