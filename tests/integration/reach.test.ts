// One reach: every Prisma `where` builder returns exactly the rows for which can() says yes,
// for every operation × every person of the demo city (each role at each of its scopes) ×
// every row — communities, grids, courtyards, orders, the board, people, role assignments and
// audit entries. The demo city is seeded into a database of its own, with orders added
// (private, public, hidden from the board, transferred to the sibling grid, a mover's).
import crypto from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { orderRow } from "../support/order-row";
import { assignmentScope, auditScope, reachOf, reaches, userScope } from "@/domain/admin/scope";
import { boardWhere, openableWhere, publicBoardWhere } from "@/domain/orders/board";
import { boardStatuses } from "@/domain/orders/machine";
import { orderLocation, orderScope } from "@/domain/orders/scope";
import { onBehalfWhere } from "@/features/orders/queue-options";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import type { OrderStatus, Role } from "@/generated/prisma/enums";
import { can, operations, permissions, type Actor, type Location, type Operation } from "@/server/authz/permissions";
import { communityScope, courtyardScope, gridScope } from "@/server/authz/scope";
import { dropDatabase, ensureDatabase, migrate } from "@/server/db/migrate";

const name = `linli_reach_${crypto.randomBytes(3).toString("hex")}`;
const base = new URL(process.env.DATABASE_URL!);
const adminUrl = Object.assign(new URL(base), { pathname: "/postgres" }).toString();
const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
let db: PrismaClient;

/** A place on no community of the map: only a reach of everything covers it (a global administrator's role, someone holding nothing). */
const NOWHERE: Location = { communityId: "nowhere" };

type City = Awaited<ReturnType<typeof loadCity>>;
let city: City;

async function addOrders() {
  const courtyards = await db.courtyard.findMany({ include: { grid: true, roles: { where: { role: "RESIDENT" }, orderBy: { userId: "asc" } } } });
  const grids = await db.grid.findMany();
  const order = (y: (typeof courtyards)[number], requesterId: string, status: OrderStatus, extra: Partial<Prisma.OrderUncheckedCreateInput> = {}) =>
    orderRow({ courtyardId: y.id, gridId: y.gridId, communityId: y.grid.communityId }, requesterId, status, {
      title: `${y.name} ${status}`,
      description: "测试",
      ...extra,
    });
  const rows: Prisma.OrderUncheckedCreateInput[] = [];
  for (const y of courtyards) {
    const [first, second, third] = y.roles.map((r) => r.userId);
    const sibling = grids.find((g) => g.communityId === y.grid.communityId && g.id !== y.gridId)!;
    rows.push(
      order(y, first, "PLACED"),
      order(y, second, "ACCEPTED", { isPublic: true }),
      order(y, third, "IN_PROGRESS", { isPublic: true, boardHiddenAt: new Date() }),
      order(y, first, "WITHDRAWN", { isPublic: true }),
      // 转派: the sibling grid answers for it now, not the courtyard's own.
      order(y, second, "ACCEPTED", { gridId: sibling.id, isPublic: true }),
    );
  }
  // The demo resident's own, and one by someone who has since moved out of 府河小区 to 新莲新苑小区.
  const fuhe = courtyards.find((y) => y.name === "府河小区")!;
  const xinlian = courtyards.find((y) => y.name === "新莲新苑小区")!;
  const resident = await db.user.findUniqueOrThrow({ where: { phone: "13800000001" } });
  const mover = await db.user.create({
    data: { phone: "13700000001", name: "搬家的人", passwordHash: "x", roles: { create: [{ role: "RESIDENT", courtyardId: xinlian.id }] } },
  });
  rows.push(order(fuhe, resident.id, "COMPLETED", { isPublic: true }), order(fuhe, mover.id, "PLACED", { isPublic: true }), order(xinlian, mover.id, "PLACED"));
  await db.order.createMany({ data: rows });
}

async function addPeople() {
  const liujiang = await db.community.findFirstOrThrow({ where: { name: "柳江社区" } });
  const jincheng = await db.community.findFirstOrThrow({ where: { name: "锦城社区" } });
  const grid2 = await db.grid.findFirstOrThrow({ where: { communityId: liujiang.id, name: "第二网格" } });
  const fuhe = await db.courtyard.findFirstOrThrow({ where: { name: "府河小区" } });
  const people: { phone: string; roles: { role: Role; communityId?: string; gridId?: string; courtyardId?: string }[] }[] = [
    { phone: "13700000002", roles: [{ role: "ADMIN", communityId: liujiang.id }] },
    {
      phone: "13700000003",
      roles: [
        { role: "STAFF", communityId: jincheng.id },
        { role: "GRID_WORKER", gridId: grid2.id },
        { role: "RESIDENT", courtyardId: fuhe.id },
      ],
    },
    {
      phone: "13700000004",
      roles: [
        { role: "BRANCH_SECRETARY", courtyardId: fuhe.id },
        { role: "RESIDENT", courtyardId: fuhe.id },
        { role: "VOLUNTEER", communityId: liujiang.id },
      ],
    },
    { phone: "13700000005", roles: [] },
  ];
  for (const p of people) await db.user.create({ data: { phone: p.phone, name: "测试", passwordHash: "x", roles: { create: p.roles } } });
  await db.auditLog.createMany({
    data: [
      { action: "test", entityType: "test", communityId: liujiang.id },
      { action: "test", entityType: "test", communityId: jincheng.id },
      { action: "test", entityType: "test", communityId: null },
    ],
  });
}

async function loadCity() {
  const [communities, grids, courtyards, orders, users, assignments, audit] = await Promise.all([
    db.community.findMany({ select: { id: true } }),
    db.grid.findMany({ select: { id: true, communityId: true } }),
    db.courtyard.findMany({ select: { id: true, gridId: true, grid: { select: { communityId: true } } } }),
    db.order.findMany({
      select: { id: true, communityId: true, gridId: true, courtyardId: true, requesterId: true, isPublic: true, boardHiddenAt: true, status: true },
    }),
    db.user.findMany({ select: { id: true, phone: true, name: true, roles: true, residences: { select: { courtyardId: true } } } }),
    db.roleAssignment.findMany({
      select: {
        id: true,
        role: true,
        communityId: true,
        gridId: true,
        courtyardId: true,
        grid: { select: { communityId: true } },
        courtyard: { select: { gridId: true, grid: { select: { communityId: true } } } },
      },
    }),
    db.auditLog.findMany({ select: { id: true, communityId: true } }),
  ]);
  const courtyardAt = new Map(courtyards.map((y) => [y.id, { communityId: y.grid.communityId, gridId: y.gridId, courtyardId: y.id }]));
  const placeOf = (a: (typeof assignments)[number]): Location => {
    if (a.courtyardId) return courtyardAt.get(a.courtyardId)!;
    if (a.gridId) return { communityId: a.grid!.communityId, gridId: a.gridId };
    return a.communityId ? { communityId: a.communityId } : NOWHERE;
  };
  const assignmentPlaces = new Map(assignments.map((a) => [a.id, placeOf(a)]));
  const actors: (Actor | null)[] = [
    null,
    ...users.map((u) => ({
      userId: u.id,
      sessionId: "none",
      name: u.name,
      phone: u.phone,
      mustChangePassword: false,
      roles: u.roles.map((r) => ({ role: r.role, communityId: r.communityId, gridId: r.gridId, courtyardId: r.courtyardId })),
    })),
  ];
  return {
    actors,
    communities: communities.map((c) => ({ id: c.id, at: { communityId: c.id } as Location })),
    grids: grids.map((g) => ({ id: g.id, at: { communityId: g.communityId, gridId: g.id } as Location })),
    courtyards: courtyards.map((y) => ({ id: y.id, at: courtyardAt.get(y.id)! })),
    orders: orders.map((o) => ({ ...o, at: orderLocation(o) })),
    users: users.map((u) => {
      const places = [...u.roles.map((r) => assignmentPlaces.get(r.id)!), ...u.residences.map((h) => courtyardAt.get(h.courtyardId)!)];
      return {
        id: u.id,
        places: places.length ? places : [NOWHERE],
        residentAt: u.roles.filter((r) => r.role === "RESIDENT").map((r) => assignmentPlaces.get(r.id)!),
      };
    }),
    assignments: assignments.map((a) => ({ id: a.id, at: assignmentPlaces.get(a.id)! })),
    audit: audit.map((e) => ({ id: e.id, at: e.communityId ? { communityId: e.communityId } : NOWHERE })),
  };
}

beforeAll(async () => {
  await ensureDatabase(adminUrl, name, { recreate: true });
  await migrate(url);
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  await seedDemo(db);
  await addPeople();
  await addOrders();
  city = await loadCity();
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase(adminUrl, name);
});

// Many actors share a `where` (most reach nothing for most operations): ask the database once per distinct one.
const answers = new Map<string, Promise<string[]>>();
function idsWhere(model: "community" | "grid" | "courtyard" | "order" | "user" | "roleAssignment" | "auditLog", where: object): Promise<string[]> {
  const key = `${model} ${JSON.stringify(where)}`;
  if (!answers.has(key)) {
    const delegate = db[model] as unknown as { findMany(args: object): Promise<{ id: string }[]> };
    answers.set(
      key,
      delegate.findMany({ where, select: { id: true } }).then((rows) => rows.map((r) => r.id).sort()),
    );
  }
  return answers.get(key)!;
}

const who = (actor: Actor | null) => (actor ? `${actor.phone} ${actor.roles.map((r) => r.role).join("+") || "no role"}` : "anonymous");
const expected = <T extends { id: string }>(rows: T[], yes: (row: T) => boolean) =>
  rows
    .filter(yes)
    .map((r) => r.id)
    .sort();
const onBoard = (o: City["orders"][number]) => o.isPublic && o.boardHiddenAt === null && boardStatuses.includes(o.status);

describe("one reach over the demo city", () => {
  it("has every kind of person and place the policy speaks of", () => {
    const roles = new Set(
      city.actors.flatMap((a) => a?.roles.map((r) => (r.role === "ADMIN" ? `ADMIN ${r.communityId ? "of one" : "of all"}` : r.role)) ?? []),
    );
    expect([...roles].sort()).toEqual(["ADMIN of all", "ADMIN of one", "BRANCH_SECRETARY", "GRID_WORKER", "RESIDENT", "STAFF", "VOLUNTEER"]);
    const transferred = city.orders.filter((o) => o.gridId !== city.courtyards.find((y) => y.id === o.courtyardId)!.at.gridId);
    expect(transferred.length).toBeGreaterThan(0);
  });

  const builders: [string, (actor: Actor | null, op: Operation) => Promise<{ got: string[]; want: string[] }>][] = [
    [
      "communityScope",
      async (a, op) => ({ got: await idsWhere("community", communityScope(a, op)), want: expected(city.communities, (c) => can(a, op, c.at)) }),
    ],
    ["gridScope", async (a, op) => ({ got: await idsWhere("grid", gridScope(a, op)), want: expected(city.grids, (g) => can(a, op, g.at)) })],
    [
      "courtyardScope",
      async (a, op) => ({ got: await idsWhere("courtyard", courtyardScope(a, op)), want: expected(city.courtyards, (y) => can(a, op, y.at)) }),
    ],
    ["orderScope", async (a, op) => ({ got: await idsWhere("order", orderScope(a, op)), want: expected(city.orders, (o) => can(a, op, o.at)) })],
  ];

  it.each(builders)(
    "%s returns the rows can() allows, for every operation and person",
    async (_name, check) => {
      const wrong: string[] = [];
      for (const op of operations) {
        for (const actor of city.actors) {
          const { got, want } = await check(actor, op);
          if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${op} · ${who(actor)}: ${got.length} rows, can() allows ${want.length}`);
        }
      }
      expect(wrong).toEqual([]);
    },
    120_000,
  );

  it("shows each person the board, the neighbours' posts and the orders they may open as can() allows them", async () => {
    const wrong: string[] = [];
    for (const actor of city.actors.filter((a): a is Actor => a !== null)) {
      const board = (o: City["orders"][number]) => onBoard(o) && can(actor, "order.board", o.at);
      const cases: [string, object, (o: City["orders"][number]) => boolean][] = [
        ["board", boardWhere(actor), board],
        ["neighbours' posts", publicBoardWhere(actor), (o) => board(o) && o.requesterId !== actor.userId],
        ["openable", openableWhere(actor), (o) => board(o) || can(actor, "order.view", o.at)],
      ];
      for (const [what, where, yes] of cases) {
        const got = await idsWhere("order", where);
        if (JSON.stringify(got) !== JSON.stringify(expected(city.orders, yes))) wrong.push(`${what} · ${who(actor)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("gives the administrator's people, role assignments and audit entries as can() allows them", async () => {
    const wrong: string[] = [];
    for (const actor of city.actors.filter((a): a is Actor => a !== null)) {
      const cases: [string, Promise<string[]>, string[]][] = [
        ["people", idsWhere("user", userScope(actor)), expected(city.users, (u) => u.places.some((p) => can(actor, "users.manage", p)))],
        ["role assignments", idsWhere("roleAssignment", assignmentScope(actor)), expected(city.assignments, (a) => can(actor, "users.manage", a.at))],
        ["audit entries", idsWhere("auditLog", auditScope(actor)), expected(city.audit, (e) => can(actor, "audit.view", e.at))],
      ];
      for (const [what, got, want] of cases) if (JSON.stringify(await got) !== JSON.stringify(want)) wrong.push(`${what} · ${who(actor)}`);
      // The console's community lists, for the operations granted to administrators alone.
      for (const op of operations.filter((o) => permissions[o].roles.every((r) => r === "ADMIN") && permissions[o].scope === "community")) {
        const reach = reachOf(actor, op);
        for (const c of city.communities) if (reaches(reach, c.id) !== can(actor, op, c.at)) wrong.push(`reachOf ${op} · ${who(actor)} · ${c.id}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("offers a grid worker, for 代点单, exactly the residents of the courtyards where can() lets them place an order", async () => {
    const wrong: string[] = [];
    for (const actor of city.actors.filter((a): a is Actor => a !== null)) {
      const resident = onBehalfWhere(actor);
      const got = resident ? await idsWhere("user", { roles: { some: resident } }) : [];
      const want = expected(city.users, (u) => u.residentAt.some((p) => can(actor, "order.placeOnBehalf", p)));
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(who(actor));
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("lets a resident reach only their own orders: read wherever they are, acted on where they live", async () => {
    const mover = city.actors.find((a) => a?.phone === "13700000001")!;
    const theirs = city.orders.filter((o) => o.requesterId === mover.userId);
    expect(theirs).toHaveLength(2);
    const open = await idsWhere("order", orderScope(mover, "order.view"));
    // The order left behind in 府河小区 is still theirs to read (it is in 我的点单), not to act on.
    expect([...open].sort()).toEqual(theirs.map((o) => o.id).sort());
    const managed = await idsWhere("order", orderScope(mover, "order.manageOwn"));
    expect(managed).toEqual(theirs.filter((o) => o.courtyardId === mover.roles[0].courtyardId).map((o) => o.id));
    const resident = city.actors.find((a) => a?.phone === "13800000001")!;
    const neighbours = city.orders.filter((o) => o.courtyardId === resident.roles[0].courtyardId && o.requesterId !== resident.userId);
    expect(neighbours.length).toBeGreaterThan(0);
    for (const o of neighbours) expect(can(resident, "order.view", o.at)).toBe(false);
  });
});
