// Every server action of the build, with each operation it multiplexes (an admin `intent`, an
// order `command`): who may perform it, valid arguments made on fresh records, and what
// everyone else must get instead. actions.spec.ts fails when the build has an action, an
// admin action's source an intent, or the order registry a command, that this table does not list.
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { orderCommands } from "../../../src/domain/orders/registry";
import { postedCommands } from "../../../src/domain/workflow/table";
import { freshPhone, one } from "./actions-db";
import { newClient, type ActionAnswer, type Fields } from "./actions-wire";
import { demoPhones, type Caller, type Input, type World } from "./actions-world";

const root = path.resolve(import.meta.dirname, "../../..");

export type Case = {
  /** The action's exported name; its file is the `file` of its group below. */
  action: string;
  /** The intent or command exercised; "" for an action with one purpose. */
  name: string;
  /** The page the form lives on (the action's module is loaded there). */
  page: string | ((input: Input) => string);
  /** Who may do it; the first one performs it once everyone else was refused. */
  allowed: Caller[] | "everyone" | "signedIn";
  /** Valid arguments on fresh records, and the client that performs it when not a caller. */
  setup: (w: World) => Promise<{ input: Input; performer?: APIRequestContext }>;
  /** What the refused signed-in callers get: a key of the "errors" messages, or "void" (no answer). */
  refusal?: string;
  /** Nothing is stored when it succeeds (a cookie only). */
  storesNothing?: boolean;
  /** More checks on a success. */
  verify?: (w: World, answer: ActionAnswer, input: Input) => Promise<void>;
};

export const actionFiles: Record<string, string> = {
  signInAction: "src/features/auth/actions.ts",
  signOutAction: "src/features/auth/actions.ts",
  setLocaleAction: "src/features/i18n/actions.ts",
  changePasswordAction: "src/features/admin/actions.ts",
  mapAction: "src/features/admin/actions.ts",
  categoryAction: "src/features/admin/actions.ts",
  peopleAction: "src/features/admin/actions.ts",
  placeOrderAction: "src/features/orders/actions.ts",
  orderCommandAction: "src/features/orders/actions.ts",
  meTooAction: "src/features/orders/actions.ts",
  searchVolunteersAction: "src/features/orders/actions.ts",
  markNotificationsReadAction: "src/features/notifications/actions.ts",
  revealPhoneAction: "src/features/staff/actions.ts",
};

const orderPage = (input: Input) => `/orders/${encodeURIComponent(typeof input === "string" ? input : String(input.orderId))}`;
const fields = (input: Input) => input as Record<string, string>;

const sessionsOf = async (phone: string) =>
  (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE u.phone = $1`, [phone])).n;

async function statusOf(orderId: string) {
  return (await one<{ status: string }>(`SELECT status FROM "Order" WHERE id = $1`, [orderId])).status;
}

/** An order command on a fresh order in the given status. */
function command(
  name: string,
  allowed: Caller[],
  status: Parameters<World["order"]>[0],
  extra: (w: World) => Record<string, string> | Promise<Record<string, string>>,
  expectStatus: string,
): Case {
  return {
    action: "orderCommandAction",
    name,
    page: orderPage,
    allowed,
    setup: async (w) => {
      const order = await w.order(status);
      return { input: { orderId: order.id, command: name, ...(await extra(w)) } };
    },
    verify: async (w, answer, input) => {
      expect(answer.result).toEqual({ ok: true, data: { status: expectStatus } });
      expect(await statusOf(fields(input).orderId)).toBe(expectStatus);
    },
  };
}

const note = (text: string) => () => ({ note: text });

/** Hiding or restoring a public post of 府河小区: the status stays, the board flag changes. */
function boardCommand(name: "hideFromBoard" | "restoreToBoard", hiddenBefore: boolean, hiddenAfter: boolean): Case {
  return {
    ...command(name, ["staff"], "PLACED", note("含门牌号"), "PLACED"),
    setup: async (w) => {
      const order = await w.publicOrder("PLACED");
      if (hiddenBefore) await w.command("staff", order.id, "hideFromBoard", { note: "含门牌号" });
      return { input: { orderId: order.id, command: name, note: "含门牌号" } };
    },
    verify: async (w, answer, input) => {
      expect(answer.result).toEqual({ ok: true, data: { status: "PLACED" } });
      const { hidden } = await one<{ hidden: boolean }>(`SELECT "boardHiddenAt" IS NOT NULL AS hidden FROM "Order" WHERE id = $1`, [fields(input).orderId]);
      expect(hidden).toBe(hiddenAfter);
    },
  };
}

/** 居民点单 or 代点单: the order lands in 府河小区 for the requester, placed by the performer. */
function placing(name: string, page: string, allowed: Caller[], extra: (w: World) => Fields, requester: string): Case {
  return {
    action: "placeOrderAction",
    name,
    page,
    allowed,
    setup: async (w) => ({ input: w.orderFields(extra(w)) }),
    verify: async (w, answer, input) => {
      const order = await one<{ requester: string; placedBy: string; courtyard: string }>(
        `SELECT r.phone AS requester, p.phone AS "placedBy", c.name AS courtyard
         FROM "Order" o JOIN "User" r ON r.id = o."requesterId" JOIN "User" p ON p.id = o."placedById" JOIN "Courtyard" c ON c.id = o."courtyardId"
         WHERE o.title = $1`,
        [fields(input).title],
      );
      expect(order).toEqual({ requester, placedBy: demoPhones[allowed[0]], courtyard: "府河小区" });
    },
  };
}

/** An admin console operation, performed by the demo administrator (unscoped). */
function admin(action: "mapAction" | "categoryAction" | "peopleAction", name: string, input: (w: World) => Promise<Fields>, extra: Partial<Case> = {}): Case {
  return {
    action,
    name,
    page: "/admin/map",
    allowed: ["admin"],
    setup: async (w) => ({ input: { intent: name, ...(await input(w)) } }),
    ...extra,
  };
}

export const cases: Case[] = [
  // -------------------------------------------------------------------------------------
  // Anyone: signing in and out, the language.
  {
    action: "signInAction",
    name: "",
    page: "/login",
    allowed: "everyone",
    setup: async (w) => {
      const own = await w.ownAccount();
      await own.client.dispose();
      return { input: { phone: own.phone, password: "Linli@2026" }, performer: await newClient() };
    },
    verify: async (w, answer, input) => {
      expect(answer.headers["x-action-redirect"]).toBeTruthy();
      expect(await sessionsOf(fields(input).phone), "the first sign-in's session and this one").toBe(2);
    },
  },
  {
    action: "signOutAction",
    name: "",
    page: "/notifications",
    allowed: "everyone",
    setup: async (w) => {
      const own = await w.ownAccount();
      return { input: { phone: own.phone }, performer: own.client };
    },
    verify: async (w, answer, input) => {
      expect(answer.headers["x-action-redirect"]).toContain("/login?signedOut=1");
      expect(await sessionsOf(fields(input).phone), "the session ended").toBe(0);
    },
  },
  {
    action: "setLocaleAction",
    name: "",
    page: "/login",
    allowed: "everyone",
    storesNothing: true,
    setup: async () => ({ input: { locale: "en" }, performer: await newClient() }),
    verify: async (w, answer) => {
      expect(answer.headers["set-cookie"]).toMatch(/^linli-locale=en;/);
    },
  },
  {
    action: "changePasswordAction",
    name: "",
    page: "/account/password",
    allowed: "signedIn",
    setup: async (w) => {
      const own = await w.ownAccount();
      return { input: { current: "Linli@2026", next: "Changed-2026", confirm: "Changed-2026" }, performer: own.client };
    },
    verify: async (w, answer) => {
      expect(answer.result).toEqual({ ok: true, data: { done: "passwordChanged" } });
    },
  },

  // -------------------------------------------------------------------------------------
  // Placing orders, 同需, notifications, 显示号码.
  // Someone with no home anywhere is told so; nothing about the courtyards of others.
  { ...placing("self", "/resident/orders/new", ["resident", "otherResident"], () => ({}), "13800000001"), refusal: "noHome" },
  placing("onBehalf", "/grid/orders/new", ["grid"], (w) => ({ requesterId: w.ids.onBehalfResident }), "13900010002"),
  {
    action: "meTooAction",
    name: "",
    page: "/resident/board",
    allowed: ["resident"],
    setup: async (w) => ({ input: { orderId: (await w.publicOrder("PLACED")).id } }),
    verify: async (w, answer, input) => {
      expect((await one<{ n: number }>(`SELECT "meTooCount" AS n FROM "Order" WHERE id = $1`, [fields(input).orderId])).n).toBe(1);
    },
  },
  {
    action: "markNotificationsReadAction",
    name: "",
    page: "/notifications",
    allowed: ["grid"],
    // It answers nothing either way: the check is that the notification stays unread.
    refusal: "void",
    setup: async (w) => ({ input: { id: await w.gridWorkerNotification() } }),
    verify: async (w, answer, input) => {
      const { read } = await one<{ read: boolean }>(`SELECT "readAt" IS NOT NULL AS read FROM "Notification" WHERE id = $1`, [fields(input).id]);
      expect(read).toBe(true);
    },
  },
  {
    action: "revealPhoneAction",
    name: "",
    page: "/staff/follow-ups",
    allowed: ["staff"],
    setup: async (w) => ({ input: (await w.order("PLACED")).id }),
    verify: async (w, answer, input) => {
      expect(answer.result).toEqual({ ok: true, data: { phone: "13800000001" } });
      const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'resident.revealContact' AND after->>'orderId' = $1`, [
        input,
      ]);
      expect(n).toBe(1);
    },
  },

  // -------------------------------------------------------------------------------------
  // The loop on an order of 府河小区 (柳江社区 第一网格).
  command("accept", ["grid"], "PLACED", () => ({}), "ACCEPTED"),
  command("decline", ["grid"], "PLACED", note("不属于社区受理范围"), "DECLINED"),
  command("transfer", ["grid"], "PLACED", (w) => ({ gridId: w.ids.grid2, note: "该楼栋归第二网格" }), "PLACED"),
  {
    ...command("merge", ["grid"], "PLACED", () => ({}), "CLOSED"),
    setup: async (w) => {
      const [order, target] = [await w.order("PLACED"), await w.order("PLACED")];
      return { input: { orderId: order.id, command: "merge", targetNumber: String(target.number), note: "同一盏灯" } };
    },
  },
  command("withdraw", ["resident"], "PLACED", note("灯已经修好了"), "WITHDRAWN"),
  command("addInfo", ["resident"], "PLACED", note("晚上七点以后在家"), "PLACED"),
  command("dispatch", ["branch"], "ACCEPTED", (w) => w.dispatchFields(), "IN_PROGRESS"),
  command("requestMeeting", ["branch"], "ACCEPTED", note("需要议事会讨论费用分摊"), "ACCEPTED"),
  // 下单's volunteer picker: the community's registered volunteers by name, for the secretary
  // of the order's courtyard; the search only spends from a throttle (rate-limiter table).
  {
    action: "searchVolunteersAction",
    name: "",
    page: orderPage,
    allowed: ["branch"],
    setup: async (w) => ({ input: { orderId: (await w.order("ACCEPTED")).id, query: "" } }),
    verify: async (w, answer) => {
      const result = answer.result as { ok: boolean; data: { id: string; name: string; phone: string }[] };
      expect(result.ok).toBe(true);
      expect(result.data.length).toBeGreaterThan(0);
      for (const v of result.data) expect(v.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    },
  },
  command("progress", ["grid", "branch"], "IN_PROGRESS", note("物业已排期"), "IN_PROGRESS"),
  command("complete", ["grid"], "IN_PROGRESS", note("已更换灯泡"), "COMPLETED"),
  command("rate", ["resident"], "COMPLETED", (w) => w.poorRating, "REOPENED"),
  {
    ...command("rateAsNeighbour", ["resident"], "COMPLETED", () => ({}), "COMPLETED"),
    setup: async (w) => ({
      input: { orderId: (await w.publicOrder("COMPLETED")).id, command: "rateAsNeighbour", goal: "5", timing: "5", form: "4", conduct: "5", comment: "办得好" },
    }),
  },
  command("followUp", ["staff"], "REOPENED", note("已电话回访，居民反映灯仍不亮"), "REOPENED"),
  command("close", ["staff"], "REOPENED", note("回访后居民同意完结"), "CLOSED"),
  command("sendBack", ["staff"], "REOPENED", note("请网格重新处理"), "IN_PROGRESS"),
  // The board: staff of the community take a neighbour's public post off it, and back.
  boardCommand("hideFromBoard", false, true),
  boardCommand("restoreToBoard", true, false),

  // -------------------------------------------------------------------------------------
  // The admin console: the map.
  admin("mapAction", "street.create", async (w) => ({ name: w.unique("测试街道") })),
  admin("mapAction", "street.rename", async (w) => ({ id: await w.street(), name: w.unique("改名街道") })),
  admin("mapAction", "street.toggle", async (w) => ({ id: await w.street(), active: "false" })),
  admin("mapAction", "community.create", async (w) => ({ streetId: w.ids.street, name: w.unique("测试社区") })),
  admin("mapAction", "community.rename", async (w) => ({ id: await w.community(), name: w.unique("改名社区") })),
  admin("mapAction", "community.toggle", async (w) => ({ id: await w.community(), active: "false" })),
  admin("mapAction", "grid.create", async (w) => ({ communityId: w.ids.liujiang, name: w.unique("测试网格") })),
  admin("mapAction", "grid.rename", async (w) => ({ id: await w.grid(), name: w.unique("改名网格") })),
  admin("mapAction", "grid.toggle", async (w) => ({ id: await w.grid(), active: "false" })),
  admin("mapAction", "courtyard.create", async (w) => ({
    gridId: await w.grid(),
    name: w.unique("测试小区"),
    address: "测试路2号",
    partyBranchName: "测试党支部",
  })),
  admin("mapAction", "courtyard.update", async (w) => ({ id: await w.courtyard(), name: w.unique("改名小区"), address: "测试路3号", partyBranchName: "" })),
  admin("mapAction", "courtyard.move", async (w) => ({ id: await w.courtyard(), gridId: await w.grid() })),
  admin("mapAction", "courtyard.toggle", async (w) => ({ id: await w.courtyard(), active: "false" })),
  admin("mapAction", "building.create", async (w) => ({ courtyardId: await w.courtyard(), number: "2栋", units: "3", floors: "11", headName: "王楼长" })),
  admin("mapAction", "building.update", async (w) => ({ id: await w.building(), number: "1栋", units: "4", floors: "18", headName: "李楼长" })),
  admin("mapAction", "building.toggle", async (w) => ({ id: await w.building(), active: "false" })),

  // Categories and settings (every community: a global administrator's).
  admin("categoryAction", "category.create", async (w) => w.categoryFields(w.unique("测试类"))),
  admin("categoryAction", "category.update", async (w) => ({ id: await w.category(), ...w.categoryFields(w.unique("改名类")) })),
  admin("categoryAction", "setting.unratedCloseDays", async (w) => ({ days: String((await w.setting("orders.unratedCloseDays", 7)) === 8 ? 9 : 8) })),
  admin("categoryAction", "setting.oneTimePasswordDays", async (w) => ({
    days: String((await w.setting("accounts.oneTimePasswordDays", 14)) === 14 ? 15 : 14),
  })),

  // People and roles. A signed-in non-administrator (or one of another community) naming a
  // scope is told to choose one in their own reach: nothing is said about the one named.
  admin("peopleAction", "user.create", async (w) => ({ name: "新网格员", phone: freshPhone(), role: "GRID_WORKER", scopeId: w.ids.grid1 }), {
    refusal: "admin.scopeInvalid",
  }),
  admin("peopleAction", "user.rename", async (w) => ({ id: await w.person(), name: "改名人员" })),
  admin("peopleAction", "user.toggle", async (w) => ({ id: await w.person(), active: "false" })),
  admin("peopleAction", "user.resetPassword", async (w) => ({ id: await w.person() }), {
    verify: async (w, answer) =>
      expect(answer.result).toMatchObject({
        ok: true,
        data: { done: "passwordReset", slips: [expect.objectContaining({ password: expect.stringMatching(/^([a-z2-9]{4}-){3}[a-z2-9]{4}$/) })] },
      }),
  }),
  // In a community of its own, where nobody waits: the call is valid and writes nothing.
  // (The slips themselves: tests/integration/admin/one-time-passwords.test.ts.)
  admin("peopleAction", "user.reissueOneTimePasswords", async (w) => ({ communityId: await w.community() }), {
    storesNothing: true,
    verify: async (w, answer) => expect(answer.result).toEqual({ ok: true, data: { done: "oneTimeNoneWaiting" } }),
  }),
  admin("peopleAction", "user.revealPhone", async (w) => ({ id: await w.person() }), {
    verify: async (w, answer, input) => {
      const { phone } = await one<{ phone: string }>(`SELECT phone FROM "User" WHERE id = $1`, [fields(input).id]);
      expect(answer.result).toEqual({ ok: true, data: { done: "phoneRevealed", phone } });
    },
  }),
  admin("peopleAction", "role.assign", async (w) => ({ id: await w.person(), role: "BRANCH_SECRETARY", scopeId: w.ids.fuhe })),
  admin("peopleAction", "role.remove", async (w) => ({ id: await w.assignment() })),
  admin("peopleAction", "home.add", async (w) => ({ id: await w.person(), courtyardId: w.ids.fuhe, buildingNumber: "1栋", unit: "2", room: "202" })),
  admin("peopleAction", "home.remove", async (w) => ({ id: await w.residence() })),
];

/**
 * The operations the actions declare: the `intent` keys of the admin actions (read from their
 * source) and the commands orderCommandAction accepts — every row of the order registry that
 * a person may post, read from the registry itself — so that a new one fails the inventory
 * until it has its row here.
 */
export function declaredOperations(): Record<string, string[]> {
  const admin = fs.readFileSync(path.join(root, "src/features/admin/actions.ts"), "utf8");
  const intents = [...admin.matchAll(/^\s*"([a-z]+\.[A-Za-z]+)": async/gm)].map((m) => m[1]);
  return { admin: intents, orderCommandAction: postedCommands({ commands: orderCommands }) };
}
