// The server-action sweep (docs/decisions/017-server-action-probes.md): every action the build contains, called by
// a direct POST as anonymous, as each demo role and as staff and an administrator of another
// community — with valid arguments, so that only the caller makes the difference. Those outside
// the action's roles or scope get the not-found (or sign-in) answer and no data, and the
// database stays exactly as it was; a foreign Origin is refused even for the allowed role;
// then the allowed role performs it, which proves the arguments were valid.
// These tests compare whole-database fingerprints, so the playwright project "actions" runs
// them alone, after every other spec (docs/decisions/017-server-action-probes.md).
import { expect, test } from "@playwright/test";
import { brokenInvariants, changedTables, closeDb, fingerprint } from "./actions-db";
import { message } from "./actions-messages";
import { actionFiles, cases, declaredOperations, type Case } from "./actions-table";
import { actionKey, buildActions, postForm, type ActionAnswer, type ManifestEntry } from "./actions-wire";
import { callers, World, type Caller } from "./actions-world";

let actions: ManifestEntry[];
let world: World;

test.beforeAll(async () => {
  actions = buildActions();
  world = await World.create(actions);
});

test.afterAll(async () => {
  await world?.dispose();
  await closeDb();
});

const sorted = (list: string[]) => [...list].sort();
const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

test("the table has a row for every server action of the build and every intent and command they take", () => {
  expect(actions.length).toBeGreaterThan(0);
  const inTable = [...new Set(cases.map((c) => `${actionFiles[c.action]}#${c.action}`))];
  expect(sorted(actions.map(actionKey)), "actions in the build vs. actions in actions-table.ts").toEqual(sorted(inTable));

  const declared = declaredOperations();
  const adminCases = cases.filter((c) => ["mapAction", "categoryAction", "peopleAction"].includes(c.action)).map((c) => c.name);
  expect(declared.admin.length).toBeGreaterThan(20);
  expect(sorted(declared.admin), "admin intents in the source vs. the table").toEqual(sorted(adminCases));
  const commandCases = cases.filter((c) => c.action === "orderCommandAction").map((c) => c.name);
  expect(sorted(declared.orderCommandAction), "order commands in the registry vs. the table").toEqual(sorted(commandCases));

  // Each case posts to a page that loads the action, as the browser does.
  for (const c of cases) {
    const pages = actions.find((a) => a.exportedName === c.action)!.pages.map((p) => new RegExp(`^${p.replace(/\[[^\]]+\]/g, "[^/]+")}$`));
    const page = typeof c.page === "string" ? c.page : c.page("x");
    expect(
      pages.some((p) => p.test(page)),
      `${c.action} is loaded on ${page}`,
    ).toBe(true);
  }
});

function refusedCallers(c: Case): Caller[] {
  if (c.allowed === "everyone") return [];
  if (c.allowed === "signedIn") return ["anonymous"];
  return callers.filter((caller) => !(c.allowed as Caller[]).includes(caller));
}

function expectRefused(answer: ActionAnswer, expected: string, label: string) {
  expect(answer.status, label).toBe(200);
  if (expected === "void") {
    expect(answer.threw, label).toBe(false);
    expect(answer.result, label).toBeUndefined();
    return;
  }
  expect(answer.result, label).toEqual({ ok: false, error: message(expected) });
  expect(answer.raw, `${label}: no phone number in the answer`).not.toMatch(FULL_PHONE);
}

for (const [index, c] of cases.entries()) {
  const label = `${c.action}${c.name ? ` ${c.name}` : ""}`;
  // Next checks the Origin before it decodes the call, whatever the action: once per action.
  const probeOrigin = cases.findIndex((other) => other.action === c.action) === index;
  const who = c.allowed === "everyone" ? "open to everyone" : c.allowed === "signedIn" ? "refused when signed out" : "refused outside its roles and scope";
  const title = `${label}: ${who}${probeOrigin ? ", and from a foreign origin" : ""}; performed${typeof c.allowed === "string" ? "" : ` by ${c.allowed[0]}`}`;
  test(title, async () => {
    const { input, performer } = await c.setup(world);
    const page = typeof c.page === "string" ? c.page : c.page(input);
    const doer = performer ?? world.clients[(c.allowed as Caller[])[0]];
    const before = await fingerprint();

    for (const caller of refusedCallers(c)) {
      const answer = await world.call(caller, c.action, page, input);
      const expected = caller === "anonymous" ? (c.refusal === "void" ? "void" : "unauthenticated") : (c.refusal ?? "notFound");
      expectRefused(answer, expected, `${label} as ${caller}`);
    }

    // Cross-site requests: src/proxy.ts refuses them before anything is decoded.
    for (const origin of probeOrigin ? ["https://evil.example", "null"] : []) {
      const answer = await world.call(doer, c.action, page, input, { origin });
      expect(answer.status, `${label} from Origin ${origin}`).toBe(403);
      expect(answer.result, `${label} from Origin ${origin}`).toBeUndefined();
      const form = await postForm(doer, world.action(c.action), page, typeof input === "string" ? { orderId: input } : input, { origin });
      expect(form.status, `${label} as a cross-site form post`).toBe(403);
      expect(form.raw).not.toMatch(FULL_PHONE);
    }
    expect(changedTables(before, await fingerprint()), `${label}: tables written by refused calls`).toEqual([]);

    const answer = await world.call(doer, c.action, page, input);
    expect(answer.status, `${label} performed`).toBe(200);
    if (c.verify) await c.verify(world, answer, input);
    else expect(answer.result, `${label} performed`).toMatchObject({ ok: true });
    const written = changedTables(before, await fingerprint());
    if (c.storesNothing) expect(written, `${label} stores nothing`).toEqual([]);
    else expect(written.length, `${label} performed writes something`).toBeGreaterThan(0);
    expect(await brokenInvariants()).toEqual([]);
  });
}
