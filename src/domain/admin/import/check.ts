// The dry run, pure: every row of the file against the community as it is (the "world"),
// giving each row's problems (line, column, message key) and the plan of what a commit
// would write. Rows match what exists — courtyards on name within grid, buildings on
// number within courtyard, residents on phone — so importing the same file twice plans
// nothing the second time. An empty optional cell keeps what is stored.
import { buildingKey, findBuilding, unitLabel } from "../names";
import { normalizePhone, toHalfWidth } from "../schemas";
import type { ColumnMap } from "./columns";
import type { ImportKind, ImportSummary, Problem, Table, TableRow } from "./types";

export type WorldGrid = { id: string; name: string; active: boolean };
export type WorldCourtyard = { id: string; gridId: string; name: string; active: boolean; address: string; partyBranchName: string };
export type WorldBuilding = { id: string; courtyardId: string; number: string; active: boolean; units: number; floors: number; headName: string };
export type WorldResidence = { id: string; courtyardId: string; buildingId: string | null; unit: string; room: string };
export type WorldUser = {
  id: string;
  name: string;
  disabled: boolean;
  residentOf: Set<string>;
  residences: WorldResidence[];
  /** Already a volunteer of the community the file is imported into. */
  volunteer?: boolean;
};
export type World = {
  grids: WorldGrid[];
  courtyards: WorldCourtyard[];
  buildings: WorldBuilding[];
  /** Accounts within the administrator's communities, by number. */
  users: Map<string, WorldUser>;
  /** Numbers whose accounts lie outside them: nothing more is known of those here. */
  unavailable: Set<string>;
};

export type CourtyardPlan = {
  creates: { gridId: string; name: string; address: string; partyBranchName: string }[];
  updates: { id: string; data: { address?: string; partyBranchName?: string } }[];
};
export type BuildingPlan = {
  creates: { courtyardId: string; number: string; units: number; floors: number; headName: string }[];
  updates: { id: string; data: { units?: number; floors?: number; headName?: string } }[];
};
export type ResidentPlan = {
  newUsers: { phone: string; name: string }[];
  /** `userId` for an account that exists; new accounts are known by their phone until created. */
  roles: { phone: string; userId?: string; courtyardId: string }[];
  residences: { phone: string; userId?: string; courtyardId: string; buildingId: string | null; unit: string; room: string }[];
  residenceUpdates: { id: string; buildingId: string | null; unit: string; room: string }[];
  /** People to register as volunteers of the community (志愿者 = 是); nobody is unregistered. */
  volunteers: { phone: string; userId?: string }[];
};
export type Plan = { kind: "courtyards"; plan: CourtyardPlan } | { kind: "buildings"; plan: BuildingPlan } | { kind: "residents"; plan: ResidentPlan };

/** `unavailable`: the numbers the problems tell are taken outside the administrator's reach. */
export type CheckResult = Plan & { problems: Problem[]; summary: ImportSummary; unavailable: string[] };

const LIMITS = { name: 40, grid: 40, courtyard: 40, address: 200, partyBranchName: 60, number: 20, headName: 30, personName: 30, unit: 20, room: 20 };

/** Reads one row's cells and collects its problems. */
class RowReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly row: TableRow,
    private readonly columns: ColumnMap,
  ) {}
  get line() {
    return this.row.line;
  }
  text(key: string): string {
    const i = this.columns.index[key];
    return i === undefined ? "" : (this.row.cells[i] ?? "").replace(/\s+/g, " ").trim();
  }
  problem(key: string, code: string, params?: Problem["params"]) {
    this.problems.push({ line: this.row.line, column: this.columns.label[key] ?? key, code, ...(params ? { params } : {}) });
  }
  /** A required or optional text, checked for length; "" when missing. */
  field(key: string, max: number, required = false): string {
    const value = this.text(key);
    if (required && !value) this.problem(key, "required", { column: this.columns.label[key] ?? key });
    else if ([...value].length > max) this.problem(key, "tooLong", { column: this.columns.label[key] ?? key, max });
    return value;
  }
  /** A whole number in range; undefined when the cell is empty (keep / default). */
  whole(key: string, min: number, max: number): number | undefined {
    const value = toHalfWidth(this.text(key));
    if (!value) return undefined;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) {
      this.problem(key, "numberRange", { column: this.columns.label[key] ?? key, min, max });
      return undefined;
    }
    return n;
  }
  get ok() {
    return this.problems.length === 0;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Finds the courtyard a row names (with its grid when the name alone is ambiguous). */
function courtyardFinder(world: World) {
  const byName = groupBy(world.courtyards, (c) => c.name);
  const gridName = new Map(world.grids.map((g) => [g.id, g.name]));
  return (r: RowReader): WorldCourtyard | undefined => {
    const name = r.field("courtyard", LIMITS.courtyard, true);
    const grid = r.field("grid", LIMITS.grid);
    if (!name) return undefined;
    let found = byName.get(name) ?? [];
    if (grid) found = found.filter((c) => gridName.get(c.gridId) === grid);
    if (found.length === 0) {
      r.problem("courtyard", grid ? "courtyardNotInGrid" : "courtyardNotFound", { name, grid });
      return undefined;
    }
    if (found.length > 1) {
      r.problem("courtyard", "courtyardAmbiguous", { name });
      return undefined;
    }
    if (!found[0].active) {
      r.problem("courtyard", "courtyardInactive", { name });
      return undefined;
    }
    return found[0];
  };
}

function checkCourtyards(table: Table, columns: ColumnMap, world: World) {
  const plan: CourtyardPlan = { creates: [], updates: [] };
  const problems: Problem[] = [];
  let unchanged = 0;
  const grids = new Map(world.grids.map((g) => [g.name, g]));
  const gridName = new Map(world.grids.map((g) => [g.id, g.name]));
  const existing = new Map(world.courtyards.map((c) => [`${c.gridId}/${c.name}`, c]));
  const byName = groupBy(world.courtyards, (c) => c.name);
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(row, columns);
    const gridLabel = r.field("grid", LIMITS.grid, true);
    const name = r.field("name", LIMITS.name, true);
    const address = r.field("address", LIMITS.address);
    const partyBranchName = r.field("partyBranchName", LIMITS.partyBranchName);
    const grid = gridLabel ? grids.get(gridLabel) : undefined;
    if (gridLabel && !grid) r.problem("grid", "gridNotFound", { name: gridLabel });
    else if (grid && !grid.active) r.problem("grid", "gridInactive", { name: gridLabel });
    if (r.ok && grid) {
      const key = `${grid.id}/${name}`;
      const current = existing.get(key);
      const elsewhere = (byName.get(name) ?? []).find((c) => c.gridId !== grid.id);
      if (seen.has(key)) r.problem("name", "duplicateRow", { line: seen.get(key)! });
      else if (!current && elsewhere) r.problem("name", "courtyardInOtherGrid", { name, grid: gridName.get(elsewhere.gridId) ?? "" });
      seen.set(key, seen.get(key) ?? row.line);
      if (r.ok && !current) plan.creates.push({ gridId: grid.id, name, address, partyBranchName });
      if (r.ok && current) {
        const data: CourtyardPlan["updates"][number]["data"] = {};
        if (address && address !== current.address) data.address = address;
        if (partyBranchName && partyBranchName !== current.partyBranchName) data.partyBranchName = partyBranchName;
        if (Object.keys(data).length) plan.updates.push({ id: current.id, data });
        else unchanged++;
      }
    }
    problems.push(...r.problems);
  }
  return { kind: "courtyards" as const, plan, problems, counts: { created: plan.creates.length, updated: plan.updates.length, unchanged, newAccounts: 0 } };
}

function checkBuildings(table: Table, columns: ColumnMap, world: World) {
  const plan: BuildingPlan = { creates: [], updates: [] };
  const problems: Problem[] = [];
  let unchanged = 0;
  const findCourtyard = courtyardFinder(world);
  const buildingsOf = groupBy(world.buildings, (b) => b.courtyardId);
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const r = new RowReader(row, columns);
    const courtyard = findCourtyard(r);
    const number = r.field("number", LIMITS.number, true);
    const units = r.whole("units", 1, 99);
    const floors = r.whole("floors", 1, 200);
    const headName = r.field("headName", LIMITS.headName);
    if (r.ok && courtyard) {
      const key = `${courtyard.id}/${buildingKey(number)}`;
      if (seen.has(key)) r.problem("number", "duplicateRow", { line: seen.get(key)! });
      seen.set(key, seen.get(key) ?? row.line);
      const current = findBuilding(buildingsOf.get(courtyard.id) ?? [], number);
      if (r.ok && !current) plan.creates.push({ courtyardId: courtyard.id, number, units: units ?? 1, floors: floors ?? 1, headName });
      if (r.ok && current) {
        const data: BuildingPlan["updates"][number]["data"] = {};
        if (units !== undefined && units !== current.units) data.units = units;
        if (floors !== undefined && floors !== current.floors) data.floors = floors;
        if (headName && headName !== current.headName) data.headName = headName;
        if (Object.keys(data).length) plan.updates.push({ id: current.id, data });
        else unchanged++;
      }
    }
    problems.push(...r.problems);
  }
  return { kind: "buildings" as const, plan, problems, counts: { created: plan.creates.length, updated: plan.updates.length, unchanged, newAccounts: 0 } };
}

function checkResidents(table: Table, columns: ColumnMap, world: World) {
  const plan: ResidentPlan = { newUsers: [], roles: [], residences: [], residenceUpdates: [], volunteers: [] };
  const problems: Problem[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0, newAccounts: 0 };
  const findCourtyard = courtyardFinder(world);
  const buildingsOf = groupBy(world.buildings, (b) => b.courtyardId);
  const seen = new Map<string, number>();
  const nameOfPhone = new Map<string, { name: string; line: number }>();
  const newPhones = new Set<string>();
  const unavailable = new Set<string>();
  for (const row of table.rows) {
    const r = new RowReader(row, columns);
    const name = r.field("name", LIMITS.personName, true);
    const rawPhone = r.text("phone");
    const phone = normalizePhone(rawPhone);
    if (!rawPhone) r.problem("phone", "required", { column: columns.label.phone ?? "phone" });
    else if (!/^1[3-9]\d{9}$/.test(phone)) r.problem("phone", "phoneFormat");
    const courtyard = findCourtyard(r);
    const buildingNumber = r.field("building", LIMITS.number);
    const unit = unitLabel(r.field("unit", LIMITS.unit));
    const room = r.field("room", LIMITS.room);
    const volunteer = yesNo(r.text("volunteer"));
    if (volunteer === undefined) r.problem("volunteer", "yesNo", { column: columns.label.volunteer ?? "volunteer" });
    let buildingId: string | null = null;
    if (courtyard && buildingNumber) {
      const building = findBuilding(buildingsOf.get(courtyard.id) ?? [], buildingNumber);
      if (!building) r.problem("building", "buildingNotFound", { courtyard: courtyard.name, number: buildingNumber });
      else if (!building.active) r.problem("building", "buildingInactive", { number: building.number });
      else buildingId = building.id;
    }
    if (r.ok && courtyard) {
      const key = `${phone}/${courtyard.id}`;
      const first = nameOfPhone.get(phone);
      const existing = world.users.get(phone);
      // One answer for every account outside reach: no name check, no disabled state.
      if (world.unavailable.has(phone)) {
        r.problem("phone", "phoneUnavailable");
        unavailable.add(phone);
      } else if (seen.has(key)) r.problem("phone", "duplicateRow", { line: seen.get(key)! });
      else if (first && first.name !== name) r.problem("name", "phoneNameConflict", { line: first.line, name: first.name });
      else if (existing?.disabled) r.problem("phone", "accountDisabled");
      else if (existing && existing.name !== name) r.problem("name", "existingNameMismatch");
      seen.set(key, seen.get(key) ?? row.line);
      if (!first) nameOfPhone.set(phone, { name, line: row.line });
      if (r.ok) planResident(plan, counts, newPhones, { phone, name, courtyardId: courtyard.id, buildingId, unit, room, volunteer: !!volunteer }, existing);
    }
    problems.push(...r.problems);
  }
  return { kind: "residents" as const, plan, problems, counts, unavailable: [...unavailable] };
}

/** 是 / 否 as people write them; "" is no answer; undefined is not an answer at all. */
export function yesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  if (["是", "y", "yes", "true", "1", "√", "✓"].includes(t)) return true;
  if (["否", "n", "no", "false", "0", "×"].includes(t)) return false;
  return undefined;
}

function planResident(
  plan: ResidentPlan,
  counts: Omit<ImportSummary, "rows">,
  newPhones: Set<string>,
  row: { phone: string; name: string; courtyardId: string; buildingId: string | null; unit: string; room: string; volunteer: boolean },
  existing: WorldUser | undefined,
) {
  const { phone, courtyardId, buildingId, unit, room } = row;
  // Registered once per person, however many homes the file gives them.
  const becomesVolunteer = row.volunteer && !existing?.volunteer && !plan.volunteers.some((v) => v.phone === phone);
  if (becomesVolunteer) plan.volunteers.push({ phone, ...(existing ? { userId: existing.id } : {}) });
  if (!existing) {
    if (!newPhones.has(phone)) {
      newPhones.add(phone);
      plan.newUsers.push({ phone, name: row.name });
      counts.newAccounts++;
    }
    plan.roles.push({ phone, courtyardId });
    plan.residences.push({ phone, courtyardId, buildingId, unit, room });
    counts.created++;
    return;
  }
  const userId = existing.id;
  const needsRole = !existing.residentOf.has(courtyardId);
  if (needsRole) plan.roles.push({ phone, userId, courtyardId });
  const home = existing.residences.find((h) => h.courtyardId === courtyardId);
  if (!home) {
    plan.residences.push({ phone, userId, courtyardId, buildingId, unit, room });
    counts.created++;
    return;
  }
  const next = { buildingId: buildingId ?? home.buildingId, unit: unit || home.unit, room: room || home.room };
  if (next.buildingId !== home.buildingId || next.unit !== home.unit || next.room !== home.room) {
    plan.residenceUpdates.push({ id: home.id, ...next });
    counts.updated++;
  } else if (needsRole || becomesVolunteer) counts.updated++;
  else counts.unchanged++;
}

export function check(kind: ImportKind, table: Table, columns: ColumnMap, world: World): CheckResult {
  const result =
    kind === "courtyards"
      ? checkCourtyards(table, columns, world)
      : kind === "buildings"
        ? checkBuildings(table, columns, world)
        : checkResidents(table, columns, world);
  const { counts, ...rest } = result;
  return { unavailable: [], ...rest, summary: { rows: table.rows.length, ...counts } } as CheckResult;
}
