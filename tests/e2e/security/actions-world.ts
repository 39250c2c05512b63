// The callers of the probes and the records they act on. Every caller holds a real session,
// signed in through signInAction; records are made fresh for each case through the actions
// themselves, as the roles allowed to make them (so that each step is also a check that the
// action works for those it should work for).
import crypto from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { volumeLimits } from "../../../src/domain/limits/volume-limits";
import { createPerson, db, freshPhone, idOf } from "./actions-db";
import { callAction, formData, newClient, signedInClient, type ActionAnswer, type CallOptions, type Fields, type ManifestEntry } from "./actions-wire";

/** Anonymous, the seven demo accounts, a secretary of the next courtyard, and staff and a community administrator of 锦城社区. */
export const callers = [
  "anonymous",
  "resident", // 13800000001, 府河小区 (柳江社区 第一网格)
  "grid", // 13800000002, 柳江社区 第一网格
  "branch", // 13800000003, 府河小区
  "staff", // 13800000004, 柳江社区
  "admin", // 13800000005, every community
  "otherGrid", // 13800000006, 柳江社区 第二网格
  "otherResident", // 13800000007, a courtyard of 第二网格
  "otherBranch", // 13800001002, 龙湖上城 (the same grid as 府河小区)
  "foreignStaff", // fixture: staff of 锦城社区
  "foreignAdmin", // fixture: administrator of 锦城社区 only
] as const;
export type Caller = (typeof callers)[number];

export const demoPhones: Partial<Record<Caller, string>> = {
  resident: "13800000001",
  grid: "13800000002",
  branch: "13800000003",
  staff: "13800000004",
  admin: "13800000005",
  otherGrid: "13800000006",
  otherResident: "13800000007",
  otherBranch: "13800001002",
};

/** How an action takes its arguments, as its callers in the UI pass them. */
export type Shape = "state-form" | "form" | "string" | "none";

export const shapes: Record<string, Shape> = {
  signInAction: "state-form",
  signOutAction: "none",
  setLocaleAction: "form",
  changePasswordAction: "state-form",
  mapAction: "state-form",
  categoryAction: "state-form",
  peopleAction: "state-form",
  placeOrderAction: "state-form",
  orderCommandAction: "state-form",
  meTooAction: "state-form",
  searchVolunteersAction: "form",
  markNotificationsReadAction: "form",
  revealPhoneAction: "string",
};

export type Input = Fields | string;

export function argsFor(exportedName: string, input: Input | FormData): unknown[] {
  const shape = shapes[exportedName];
  if (shape === "string") return [input];
  if (shape === "none") return [];
  const form = typeof input === "string" || input instanceof FormData ? input : formData(input);
  return shape === "form" ? [form] : [exportedName === "signInAction" ? {} : null, form];
}

const inDays = (days: number) => new Date(Date.now() + days * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

export class World {
  readonly tag = crypto.randomBytes(3).toString("hex");
  private counter = 0;
  clients = {} as Record<Caller, APIRequestContext>;
  /** Residents of 府河小区 who are not callers: a neighbour who places public orders, and one a grid worker places for. */
  neighbour!: APIRequestContext;
  ids = {} as {
    street: string;
    liujiang: string;
    grid1: string;
    grid2: string;
    fuhe: string;
    onBehalfResident: string;
    jinchengGrid: string;
    jinchengCourtyard: string;
    jinchengUser: string;
  };

  constructor(readonly actions: ManifestEntry[]) {}

  /** A short name no other run uses. */
  unique(prefix: string) {
    return `${prefix}${this.tag}${++this.counter}`;
  }

  static async create(actions: ManifestEntry[]): Promise<World> {
    const world = new World(actions);
    // The probes act for dozens of residents through a handful of accounts: the volume limits
    // (src/domain/limits/, tested in tests/integration/limits.test.ts) are raised here, through
    // the settings an operator would use, so that a probe is refused only for who calls it.
    await db().query(
      `INSERT INTO "Setting" (key, value, "updatedAt") SELECT 'limits.' || name, '100000'::jsonb, now() FROM unnest($1::text[]) AS name
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [Object.keys(volumeLimits)],
    );
    const foreignStaff = await createPerson("STAFF", "锦城社区", "锦城工作人员");
    const foreignAdmin = await createPerson("ADMIN", "锦城社区", "锦城管理员");
    const phones: Partial<Record<Caller, string>> = { ...demoPhones, foreignStaff: foreignStaff.phone, foreignAdmin: foreignAdmin.phone };
    for (const caller of callers) {
      world.clients[caller] = caller === "anonymous" ? await newClient() : await signedInClient(actions, phones[caller]!);
    }
    world.neighbour = await signedInClient(actions, "13900010001");
    const byName = (table: string, name: string, extra = "") => idOf(`SELECT id FROM "${table}" WHERE name = $1 ${extra}`, [name]);
    const liujiang = await byName("Community", "柳江社区");
    const jincheng = await byName("Community", "锦城社区");
    world.ids = {
      street: await byName("Street", "锦华路街道"),
      liujiang,
      grid1: await idOf(`SELECT id FROM "Grid" WHERE "communityId" = $1 AND name = '第一网格'`, [liujiang]),
      grid2: await idOf(`SELECT id FROM "Grid" WHERE "communityId" = $1 AND name = '第二网格'`, [liujiang]),
      fuhe: await byName("Courtyard", "府河小区"),
      onBehalfResident: await idOf(`SELECT id FROM "User" WHERE phone = '13900010002'`),
      jinchengGrid: await idOf(`SELECT id FROM "Grid" WHERE "communityId" = $1 AND name = '第一网格'`, [jincheng]),
      jinchengCourtyard: await byName("Courtyard", "爱丁堡小区"),
      jinchengUser: await idOf(
        `SELECT u.id FROM "User" u JOIN "Residence" r ON r."userId" = u.id JOIN "Courtyard" c ON c.id = r."courtyardId" WHERE c.name = '爱丁堡小区' ORDER BY u.phone LIMIT 1`,
      ),
    };
    return world;
  }

  async dispose() {
    for (const client of [...Object.values(this.clients), this.neighbour]) await client?.dispose();
  }

  action(exportedName: string): ManifestEntry {
    const found = this.actions.find((a) => a.exportedName === exportedName);
    if (!found) throw new Error(`${exportedName} is not in the build`);
    return found;
  }

  call(who: Caller | APIRequestContext, exportedName: string, page: string, input: Input, options?: CallOptions): Promise<ActionAnswer> {
    const client = typeof who === "string" ? this.clients[who] : who;
    return callAction(client, this.action(exportedName), page, argsFor(exportedName, input), options);
  }

  /** A step that must succeed; answers the action's data. */
  async must<T = Record<string, unknown>>(who: Caller | APIRequestContext, exportedName: string, page: string, input: Input): Promise<T> {
    const answer = await this.call(who, exportedName, page, input);
    expect(answer.status, `${exportedName} ${JSON.stringify(input).slice(0, 200)}`).toBe(200);
    expect(answer.result, `${exportedName} ${JSON.stringify(input).slice(0, 200)}`).toMatchObject({ ok: true });
    return (answer.result as { data: T }).data;
  }

  // ---------------------------------------------------------------------------------------
  // Orders, each fresh and brought to the status a case needs.

  orderFields(extra: Fields = {}): Fields {
    return {
      categoryId: "category_wish",
      title: this.unique("楼道灯坏了"),
      description: "三单元二楼的楼道灯不亮，晚上老人上下楼不安全。",
      contactPreference: "PHONE",
      idempotencyKey: crypto.randomUUID(),
      ...extra,
    };
  }

  async place(extra: Fields = {}, by: Caller | APIRequestContext = "resident") {
    return this.must<{ id: string; number: number }>(by, "placeOrderAction", "/resident/orders/new", this.orderFields(extra));
  }

  command(who: Caller, orderId: string, command: string, fields: Fields = {}) {
    return this.must(who, "orderCommandAction", `/orders/${orderId}`, { orderId, command, ...fields });
  }

  readonly dispatchFields = () => ({ plan: "联系物业更换灯泡，楼栋长协助。", outsideNames: "物业公司", dueAt: inDays(3) });
  readonly poorRating = { goal: "1", timing: "2", form: "1", conduct: "2", comment: "灯还是不亮" };

  /** An order of 13800000001 in 府河小区 with the status asked for (a category that needs dispatch). */
  async order(status: "PLACED" | "ACCEPTED" | "IN_PROGRESS" | "COMPLETED" | "REOPENED") {
    const order = await this.place();
    const steps = ["PLACED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "REOPENED"];
    const reach = steps.indexOf(status);
    if (reach >= 1) await this.command("grid", order.id, "accept");
    if (reach >= 2) await this.command("branch", order.id, "dispatch", this.dispatchFields());
    if (reach >= 3) await this.command("grid", order.id, "complete", { note: "已更换灯泡" });
    if (reach >= 4) await this.command("resident", order.id, "rate", this.poorRating);
    return order;
  }

  /** A public order of the neighbour (a category handled without dispatch), open or completed. */
  async publicOrder(status: "PLACED" | "COMPLETED") {
    const order = await this.place({ categoryId: "category_service", isPublic: "on" }, this.neighbour);
    if (status === "COMPLETED") {
      await this.command("grid", order.id, "accept");
      await this.command("grid", order.id, "complete", { note: "已代办" });
    }
    return order;
  }

  /** An unread notification of 13800000002 (a new order in the grid). */
  async gridWorkerNotification() {
    const order = await this.place();
    return idOf(
      `SELECT n.id FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.phone = '13800000002' AND n."orderId" = $1 AND n."readAt" IS NULL`,
      [order.id],
    );
  }

  /**
   * Real ids outside the performers' reach: an order of 柳江社区 第二网格 and one of 锦城社区, a grid,
   * a courtyard and a resident of 锦城社区.
   */
  async foreignIds(): Promise<string[]> {
    const secondGrid = await this.place({}, "otherResident");
    const jinchengResident = await signedInClient(this.actions, "13900070001");
    const jincheng = await this.place({}, jinchengResident);
    await jinchengResident.dispose();
    return [secondGrid.id, jincheng.id, this.ids.jinchengGrid, this.ids.jinchengCourtyard, this.ids.jinchengUser];
  }

  // ---------------------------------------------------------------------------------------
  // The map, categories and people, made by the demo administrator.

  private admin(exportedName: string, fields: Fields) {
    return this.must<{ id?: string }>("admin", exportedName, "/admin/map", fields);
  }

  async street() {
    const name = this.unique("测试街道");
    await this.admin("mapAction", { intent: "street.create", name });
    return idOf(`SELECT id FROM "Street" WHERE name = $1`, [name]);
  }

  async community() {
    const name = this.unique("测试社区");
    await this.admin("mapAction", { intent: "community.create", streetId: this.ids.street, name });
    return idOf(`SELECT id FROM "Community" WHERE name = $1`, [name]);
  }

  /** A grid of 柳江社区, where the administrator of 锦城社区 has no say. */
  async grid() {
    const name = this.unique("测试网格");
    await this.admin("mapAction", { intent: "grid.create", communityId: this.ids.liujiang, name });
    return idOf(`SELECT id FROM "Grid" WHERE name = $1`, [name]);
  }

  async courtyard(gridId?: string) {
    const created = await this.admin("mapAction", {
      intent: "courtyard.create",
      gridId: gridId ?? (await this.grid()),
      name: this.unique("测试小区"),
      address: "测试路1号",
    });
    return created.id!;
  }

  async building() {
    const courtyardId = await this.courtyard();
    await this.admin("mapAction", { intent: "building.create", courtyardId, number: "1栋", units: "2", floors: "6" });
    return idOf(`SELECT id FROM "Building" WHERE "courtyardId" = $1`, [courtyardId]);
  }

  async category() {
    const nameZh = this.unique("测试类");
    await this.admin("categoryAction", { intent: "category.create", ...this.categoryFields(nameZh) });
    return idOf(`SELECT id FROM "OrderCategory" WHERE "nameZh" = $1`, [nameZh]);
  }

  categoryFields(nameZh: string): Fields {
    return { nameZh, nameEn: "Test category", responseHours: "24", resolutionDays: "7", requiresDispatch: "on", active: "on", sortOrder: "90" };
  }

  /** A grid worker of 柳江社区 第一网格, made through the console. */
  async person() {
    const created = await this.admin("peopleAction", {
      intent: "user.create",
      name: "测试人员",
      phone: freshPhone(),
      role: "GRID_WORKER",
      scopeId: this.ids.grid1,
    });
    return created.id!;
  }

  async assignment() {
    const userId = await this.person();
    await this.admin("peopleAction", { intent: "role.assign", id: userId, role: "BRANCH_SECRETARY", scopeId: this.ids.fuhe });
    return idOf(`SELECT id FROM "RoleAssignment" WHERE "userId" = $1 AND role = 'BRANCH_SECRETARY'`, [userId]);
  }

  async residence() {
    const userId = await this.person();
    await this.admin("peopleAction", { intent: "home.add", id: userId, courtyardId: this.ids.fuhe, buildingNumber: "1栋", unit: "1", room: "101" });
    return idOf(`SELECT id FROM "Residence" WHERE "userId" = $1`, [userId]);
  }

  /** Someone with no role, signed in in a client of their own: for the actions on one's own account. */
  async ownAccount() {
    const person = await createPerson(null, null, "自助用户");
    return { ...person, client: await signedInClient(this.actions, person.phone) };
  }

  /** A global setting as it stands (its default when never set). */
  async setting(key: string, fallback: number): Promise<number> {
    const { rows } = await db().query<{ value: number }>(`SELECT value FROM "Setting" WHERE key = $1`, [key]);
    return rows.length ? Number(rows[0].value) : fallback;
  }
}
