// Hostile input to every server action (docs/security.md), over HTTP as the browser sends it, signed
// in as a role allowed to perform it: property-based mutations of valid arguments (fast-check,
// seeded, a bounded number of runs per operation), and calls no form produces (other types, no
// form at all, a NUL, unknown intents). Never a 500; a refusal carries a translated sentence and
// leaves the database exactly as it was; whatever is accepted is written whole.
// docs/decisions/017-server-action-probes.md says why this runs over HTTP.
import { orderCommands } from "../../../src/domain/orders/registry";
import { postedCommands } from "../../../src/domain/workflow/table";
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { brokenInvariants, changedTables, closeDb, db, fingerprint, type Fingerprint } from "./actions-db";
import { isClearError, login } from "./actions-messages";
import { cases, type Case } from "./actions-table";
import { buildActions, callAction, formData, postForm, type ActionAnswer, type Body, type ManifestEntry } from "./actions-wire";
import { argsFor, demoPhones, shapes, World, type Caller, type Input } from "./actions-world";

const RUNS = 10;
const SEED = 20261123;

let actions: ManifestEntry[];
let world: World;
let foreignIds: string[];

test.beforeAll(async () => {
  actions = buildActions();
  world = await World.create(actions);
  foreignIds = await world.foreignIds();
});

test.afterAll(async () => {
  await world?.dispose();
  await closeDb();
});

// prettier-ignore
const payloads = [
  "", " ", "\t\r\n", "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m", "\u200b\u200c\u200d\ufeff", "\u202eevil\u202c", "مرحبا بالعالم", "👨‍👩‍👧‍👦", "e\u0301\u0301\u0301", "\ud800", "\udfff",
  "' OR '1'='1", "'; DROP TABLE \"Order\"; --", "1; SELECT pg_sleep(3); --", '{"$gt": ""}', "%00", "../../etc/passwd",
  "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "{{7*7}}", "${7*7}", '=HYPERLINK("http://evil.example")',
  "-1", "0", "-0", "NaN", "Infinity", "-Infinity", "1e309", "9".repeat(40), "2147483648", "99999999999", "0x1F", "1.5", "1,000",
  "true", "false", "null", "undefined", "[]", "{}", "__proto__", "constructor", "toString",
  "2026-02-30", "9999-12-31", "0000-00-00", "1970-01-01", "+275760-09-13", "not a date",
  "１３８００００００01", "+86 138 0000 0001", "13800000005",
];
const huge = ["a".repeat(100_000), "好".repeat(100_000), " ".repeat(100_000)];
const extraNames = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "$ACTION_ID_0",
  "$K1",
  "role",
  "requesterId",
  "communityId",
  "status",
  "isAdmin",
];
/** Fields that pick the operation: kept, so that the mutations reach the operation's own fields. */
const routing = ["intent", "command"];

type Entries = [string, string][];

/**
 * Valid fields with one (now and then two) replaced by hostile values, sometimes one missing,
 * sometimes an extra field: the other fields stay valid, so that the hostile value travels as
 * far into the action as it can.
 */
function hostileFields(base: Record<string, string | string[]>, ids: string[]) {
  const names = Object.keys(base).filter((name) => !routing.includes(name));
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...payloads) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom(...huge) },
  );
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight = 1) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight, arbitrary });
  // One value, or several where the action reads one (an array where a string is expected).
  const values = fc.oneof({ weight: 5, arbitrary: value.map((v) => [v]) }, { weight: 1, arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }) });
  const replacement = fc.tuple(fc.constantFrom(...names), values);
  return fc
    .record({
      first: replacement,
      second: sometimes(replacement),
      removed: sometimes(fc.constantFrom(...names)),
      extra: sometimes(fc.tuple(fc.constantFrom(...extraNames), value), 2),
    })
    .map(({ first, second, removed, extra }): Entries => {
      const replaced = new Map<string, string[]>([first, ...(second ? [second] : [])]);
      // A 100,000-character value once per request at most: the body limit is 1 MB.
      let bigOnce = false;
      for (const [name, list] of replaced) {
        replaced.set(
          name,
          list.filter((v) => !huge.includes(v) || (!bigOnce && (bigOnce = true))),
        );
        if (replaced.get(name)!.length === 0) replaced.set(name, ["x"]);
      }
      const entries: Entries = [];
      for (const [name, original] of Object.entries(base)) {
        if (replaced.has(name)) entries.push(...replaced.get(name)!.map((v) => [name, v] as [string, string]));
        else if (name !== removed) entries.push(...([] as string[]).concat(original).map((v) => [name, v] as [string, string]));
      }
      return extra ? [...entries, extra] : entries;
    });
}

function formOf(entries: Entries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** Tables a refused call may still write: failed attempts are counted by the throttles. */
const counted: Record<string, string[]> = { signInAction: ["RateLimiterFlexible"], changePasswordAction: ["RateLimiterFlexible"] };

type Performer = { client: APIRequestContext; userId?: string };

/** Notifications of everyone but the performer, which no call of theirs may touch. */
async function othersNotifications(userId: string) {
  const { rows } = await db().query<{ h: string }>(
    `SELECT count(*) || ':' || coalesce(sum(hashtextextended(n::text, 0)), 0) AS h FROM "Notification" n WHERE "userId" <> $1`,
    [userId],
  );
  return rows[0].h;
}

/** The checks every answer passes, whatever was sent; answers the new baseline. */
async function judge(c: Case, answer: ActionAnswer, before: Fingerprint, what: string): Promise<Fingerprint> {
  expect(answer.status, `${what}: status`).toBe(200);
  expect(answer.threw, `${what}: the action threw`).toBe(false);
  const after = await fingerprint();
  const written = changedTables(before, after, counted[c.action]);
  const result = answer.result as { ok?: boolean; error?: unknown; fieldErrors?: Record<string, unknown>; phone?: string } | undefined;

  if (c.action === "signInAction") {
    // Message keys of the sign-in form; nothing reflected at length, no session from bad input.
    expect(result, what).toBeDefined();
    const keys = [...(result!.error ? [result!.error] : []), ...Object.values(result!.fieldErrors ?? {})];
    expect(keys.length, `${what}: says what is wrong`).toBeGreaterThan(0);
    for (const key of keys) expect(["invalid", "throttled", "phoneFormat", "passwordRequired"], `${what}: ${String(key)}`).toContain(key);
    expect(keys.every((k) => typeof login[k as string] === "string")).toBe(true);
    expect((result!.phone ?? "").length, `${what}: echoes at most a number's length`).toBeLessThanOrEqual(20);
    expect(written, `${what}: writes`).toEqual([]);
  } else if (result === undefined) {
    // Actions that answer nothing: the language cookie, marking one's own notifications read, signing out.
    if (c.action === "setLocaleAction") {
      expect(written, what).toEqual([]);
      const cookie = answer.headers["set-cookie"];
      if (cookie) expect(cookie, `${what}: only a supported language is stored`).toMatch(/^linli-locale=(zh-CN|en);/);
    }
    if (c.action === "markNotificationsReadAction")
      expect(
        written.filter((t) => t !== "Notification"),
        what,
      ).toEqual([]);
  } else if (result.ok === false) {
    expect(isClearError(result.error), `${what}: a clear message, got ${JSON.stringify(result.error)}`).toBe(true);
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) expect(isClearError(text), `${what}: ${field} ${JSON.stringify(text)}`).toBe(true);
    expect(written, `${what}: refused, yet wrote`).toEqual([]);
  } else {
    expect(result.ok, `${what}: answer ${JSON.stringify(result).slice(0, 200)}`).toBe(true);
  }
  expect(await brokenInvariants(), `${what}: a write cut in half`).toEqual([]);
  return after;
}

async function performerOf(c: Case, performer: Awaited<ReturnType<Case["setup"]>>["performer"]): Promise<Performer> {
  if (performer) return { client: performer };
  const caller = (c.allowed as Caller[])[0];
  const phone = demoPhones[caller];
  const userId = phone ? (await db().query<{ id: string }>(`SELECT id FROM "User" WHERE phone = $1`, [phone])).rows[0]?.id : undefined;
  return { client: world.clients[caller], userId };
}

const pageOf = (c: Case, input: Input) => (typeof c.page === "string" ? c.page : c.page(input));

for (const [index, c] of cases.entries()) {
  const label = `${c.action}${c.name ? ` ${c.name}` : ""}`;
  const shape = shapes[c.action];
  if (shape === "none") continue; // no input to mutate; its malformed calls are below

  test(`${label}: ${RUNS} hostile inputs answered clearly, never half-written`, async () => {
    const { input, performer: own } = await c.setup(world);
    const performer = await performerOf(c, own);
    const action = actions.find((a) => a.exportedName === c.action)!;
    let before = await fingerprint();
    const others = c.action === "markNotificationsReadAction" ? await othersNotifications(performer.userId!) : undefined;
    const headers = c.action === "signInAction" ? { "x-forwarded-for": "198.51.100.17" } : undefined;

    const inputs =
      typeof input === "string"
        ? fc.oneof(fc.constantFrom(...payloads, ...huge, ...foreignIds), fc.string({ unit: "binary", maxLength: 24 })).map((value) => [value] as unknown[])
        : hostileFields(input, foreignIds).map((entries) => argsFor(c.action, formOf(entries)));

    await fc.assert(
      fc.asyncProperty(inputs, async (args) => {
        const what = `${label} with ${JSON.stringify(args, (k, v) => (v instanceof FormData ? [...v.entries()] : typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v))}`;
        const answer = await callAction(performer.client, action, pageOf(c, input), args, { headers });
        before = await judge(c, answer, before, what);
      }),
      { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
    );
    if (others !== undefined) expect(await othersNotifications(performer.userId!), "other people's notifications").toBe(others);
  });
}

/** Calls no form of ours makes: other types where the form goes, no arguments, a NUL, unknown operations. */
function malformedCalls(action: ManifestEntry, base: Input): [string, unknown[] | Body][] {
  const shape = shapes[action.exportedName];
  const text = (body: string): Body => ({ body: Buffer.from(body), contentType: "text/plain;charset=UTF-8" });
  const fields = typeof base === "string" ? { orderId: base } : base;
  const [first] = Object.keys(fields).filter((k) => !routing.includes(k));
  const wrongTypes: [string, unknown][] = [
    ["text", "orderId=x&intent=street.create"],
    ["a number", 42],
    ["NaN", NaN],
    ["a BigInt", 10n ** 30n],
    ["a plain object with the form's fields", { ...fields }],
    ["an array holding the form", [formData(fields)]],
    ["null", null],
    ["a date", new Date(0)],
    ["a Map", new Map(Object.entries(fields))],
    ["a Blob", new Blob(["orderId=x"])],
  ];
  const calls: [string, unknown[] | Body][] = [];
  if (shape === "state-form") {
    for (const [what, value] of wrongTypes) calls.push([`${what} instead of the form`, [null, value]]);
    calls.push(
      ["no form", [null]],
      ["no arguments", []],
      ["the form alone, as the state", [formData(fields)]],
      ["extra arguments", [null, formData({}), "extra", { isAdmin: true }]],
    );
    calls.push(
      ["a temporary reference instead of the form", text('[null,"$T"]')],
      ["an array-like object as the arguments", text('{"length":2,"0":null,"1":"x"}')],
    );
    if (first) calls.push([`a NUL in ${first}`, [null, formData({ ...fields, [first]: "a\u0000b" })]]);
  } else if (shape === "form") {
    for (const [what, value] of wrongTypes) calls.push([`${what} instead of the form`, [value]]);
    calls.push(["no arguments", []], ["two forms", [formData(fields), formData(fields)]], ["a temporary reference", text('["$T"]')]);
    if (first) calls.push([`a NUL in ${first}`, [formData({ ...fields, [first]: "a\u0000b" })]]);
  } else if (shape === "string") {
    for (const [what, value] of wrongTypes) calls.push([`${what} instead of the id`, [value]]);
    calls.push(
      ["no arguments", []],
      ["a form", [formData(fields)]],
      ["a temporary reference", text('["$T"]')],
      ["a NUL", ["a\u0000b"]],
      ["100,000 characters", ["x".repeat(100_000)]],
    );
  } else {
    calls.push(["an argument", ["extra"]], ["a form", [formData({ redirectTo: "https://evil.example" })]]);
  }
  if (action.exportedName === "mapAction" || action.exportedName === "peopleAction" || action.exportedName === "categoryAction") {
    for (const intent of ["__proto__", "constructor", "toString", "hasOwnProperty", "street.create ", ""])
      calls.push([`intent ${JSON.stringify(intent)}`, [null, formData({ ...fields, intent })]]);
  }
  if (action.exportedName === "orderCommandAction") {
    // The system's own steps (from the registry) and names no registry row has.
    const systemSteps = Object.keys(orderCommands).filter((name) => !postedCommands({ commands: orderCommands }).includes(name as never));
    for (const command of [...systemSteps, "__proto__", "constructor", ""])
      calls.push([`command ${JSON.stringify(command)}`, [null, formData({ ...fields, command })]]);
  }
  return calls;
}

for (const exportedName of [...new Set(cases.map((c) => c.action))]) {
  test(`${exportedName}: calls no form makes are refused without a 500 and write nothing`, async () => {
    const c = cases.find((x) => x.action === exportedName)!;
    const { input, performer: own } = await c.setup(world);
    const performer = await performerOf(c, own);
    const action = actions.find((a) => a.exportedName === exportedName)!;
    let before = await fingerprint();
    for (const [what, args] of malformedCalls(action, input)) {
      const answer = await callAction(performer.client, action, pageOf(c, input), args);
      before = await judge(c, answer, before, `${exportedName}: ${what}`);
      const result = answer.result as { ok?: boolean } | undefined;
      if (exportedName !== "signOutAction") expect(result?.ok, `${exportedName}: ${what} is not performed`).not.toBe(true);
    }
    // The no-JavaScript form post names the action in a field and passes the form alone.
    if (shapes[exportedName] === "state-form" || shapes[exportedName] === "string") {
      const form = await postForm(performer.client, action, pageOf(c, input), typeof input === "string" ? { orderId: input } : input);
      expect(form.status, `${exportedName}: a form post naming the action`).toBeLessThan(500);
      expect(changedTables(before, await fingerprint(), counted[exportedName])).toEqual([]);
    }
  });
}

test("bodies React cannot decode never reach an action: refused by Next, nothing written, the server keeps serving", async () => {
  const action = actions.find((a) => a.exportedName === "revealPhoneAction")!;
  // Next's own answer (500, with an error digest and no result): outside our code, see decision 017.
  const refusedByNext = (answer: ActionAnswer, what: string) => {
    expect(answer.status, what).toBeGreaterThanOrEqual(400);
    expect(answer.threw, what).toBe(true);
    expect(answer.result, what).toBeUndefined();
  };
  const order = await world.order("PLACED");
  const before = await fingerprint();
  for (const body of ["not json", "[", '"x"', '["$Q1"]', '["$B1"]', '["$F1"]', `[${"[".repeat(5000)}${"]".repeat(5000)}]`]) {
    refusedByNext(
      await callAction(world.clients.staff, action, "/staff/follow-ups", { body: Buffer.from(body), contentType: "text/plain;charset=UTF-8" }),
      body.slice(0, 20),
    );
  }
  const tooBig = formData({ orderId: order.id, command: "accept", note: "长".repeat(400_000) });
  refusedByNext(
    await callAction(
      world.clients.grid,
      actions.find((a) => a.exportedName === "orderCommandAction")!,
      `/orders/${order.id}`,
      [null, tooBig],
    ),
    "a body over the 1 MB limit",
  );
  expect(changedTables(before, await fingerprint())).toEqual([]);
  const health = await world.clients.anonymous.get("/api/health");
  expect(health.status()).toBe(200);
});
