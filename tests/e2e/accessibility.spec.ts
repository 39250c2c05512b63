// axe on every page of the build, at 360 px and at 1280 px: the pages and the records behind them
// come from the sweep's route table (security/routes.ts), so a new page is checked as soon as it
// has its row there. A page whose markup depends only on its data is checked once, as the first
// role that may open it; an order's page is checked for every role that may open it, because
// each role gets other action forms. One test per page and role: it opens the page once on a
// phone (axe, and no sideways scrolling at 100% and 200% text), widens the window to 1280 px
// (axe again: axe is parsed once per document, a second check costs little) and there opens each
// disclosure and action form. It runs in the sweep project, on the sweep's database and with the
// sessions its setup made: it only reads, and the sweep's teardown shows that no row changed. The
// 200% text checks that place and rate orders are in text-zoom.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, expectNoViolations } from "./axe";
import { loadFixture, namedFixture, withDb, type CallerKey, type Fixture } from "./security/fixtures";
import { expected, routeTable } from "./security/routes";
import { storageStateOf } from "./security/sessions";

test.describe.configure({ mode: "parallel" });

let fixture: Promise<Fixture> | undefined;
const realFixture = () => (fixture ??= withDb(loadFixture));

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 800 };

type PageProbe = { route: string; index: number; named: string; caller: CallerKey };

// In this order: a page open to several is checked as the first. (An administrator of another
// community, or a second resident, gets the same templates with other records.)
const roles: CallerKey[] = ["resident", "neighbour", "gridWorker", "secretary", "staff", "admin"];
/** Pages whose forms depend on the caller's role, checked for every role that may open them. */
const perRole = new Set(["/orders/[id]"]);

/** Each page (with its states reachable by URL) and the callers it is checked for. */
function pagesToCheck(): PageProbe[] {
  return Object.entries(routeTable)
    .filter(([, row]) => row.kind === "page")
    .flatMap(([route, row]) =>
      row.probes(namedFixture()).flatMap((probe, index) => {
        const open = roles.filter((caller) => expected(probe, "page", caller).status === 200 && probe.allowed.includes(caller));
        return (perRole.has(route) ? open : open.slice(0, 1)).map((caller) => ({ route, index, named: probe.url, caller }));
      }),
    );
}

/** The probe's address with the real ids of the sweep's database. */
async function urlOf({ route, index }: PageProbe): Promise<string> {
  return routeTable[route].probes(await realFixture())[index].url;
}

/**
 * The page as axe sees it on a phone and on a desktop, then each state a click opens without
 * writing anything: every disclosure (<details>) at once, and each action form of an order page
 * in turn.
 */
async function checkPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expectNoViolations(page, `${url} at 360 px`, { soft: true });
  await expectNoSidewaysScroll(page, url);
  await page.setViewportSize(desktop);
  expect.soft(await axeViolations(page), `${url} at 1280 px`).toEqual([]);
  const closed = page.locator("main details:not([open]) > summary");
  if ((await closed.count()) > 0) {
    for (let left = await closed.count(); left > 0; left--) await closed.first().click();
    await expect(closed).toHaveCount(0);
    expect.soft(await axeViolations(page, "main"), `${url} with its disclosures open`).toEqual([]);
  }
  const toggles = page.locator("main button[aria-expanded]");
  for (let i = 0; i < (await toggles.count()); i++) {
    const toggle = toggles.nth(i);
    const name = (await toggle.textContent())?.trim();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const panel = await toggle.getAttribute("aria-controls");
    expect.soft(await axeViolations(page, panel ? `#${panel}` : "main"), `${url} with "${name}" open`).toEqual([]);
  }
}

/**
 * On a phone the page is no wider than the screen, at the default text size and with the
 * browser's text set to 200% (default font 16 → 32 px, as in text-zoom.spec.ts; the layout
 * follows at once, no reload).
 */
async function expectNoSidewaysScroll(page: Page, url: string) {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(await overflow(), `${url} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  expect.soft(await overflow(), `${url} scrolls sideways at 360 px with 200% text`).toBeLessThanOrEqual(0);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 16, fixed: 13 } });
  await cdp.detach();
}

test("the sign-in page, its error state and the 404 page have no violations, on a phone and on a desktop", async ({ page }) => {
  for (const size of [phone, desktop]) {
    await page.setViewportSize(size);
    await page.goto("/login");
    await expectNoViolations(page, `/login at ${size.width} px`, { soft: true });
    // Refused by the form's own check, before any sign-in is attempted.
    await page.getByLabel("手机号").fill("123");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入 11 位手机号码。")).toBeVisible();
    await expectNoViolations(page, `/login with errors at ${size.width} px`, { soft: true });
    await page.goto("/no-such-page");
    await expectNoViolations(page, `404 at ${size.width} px`, { soft: true });
  }
});

test("every page of the route table is checked", () => {
  const checked = new Set(pagesToCheck().map((p) => p.route));
  const pages = Object.entries(routeTable).filter(
    ([, row]) => row.kind === "page" && row.probes(namedFixture()).some((p) => p.allowed.some((c) => roles.includes(c))),
  );
  expect(pages.map(([route]) => route).filter((route) => !checked.has(route))).toEqual([]);
  for (const caller of roles)
    expect(
      pagesToCheck().some((p) => p.caller === caller),
      `pages checked as ${caller}`,
    ).toBe(true);
});

/**
 * One page per caller and worker, kept from test to test: a new browser context and page cost
 * more than a navigation (a renderer process started, the session loaded), and each test opens
 * its page by address anyway, so nothing of the page before is left in it.
 */
const sweepTest = test.extend<object, { pageOf: (caller: CallerKey) => Promise<Page> }>({
  pageOf: [
    async ({ browser }, use) => {
      const pages = new Map<CallerKey, Page>();
      await use(async (caller) => {
        const kept = pages.get(caller);
        if (kept && !kept.isClosed()) {
          await kept.setViewportSize(phone);
          return kept;
        }
        const context = await browser.newContext({ storageState: storageStateOf(caller), viewport: phone });
        // Every page is opened by address, so the RSC requests are only Next's link prefetches:
        // a server render each, for nothing axe looks at. A pattern (not a function) lets the
        // browser pass every other request without asking the test.
        await context.route(/[?&]_rsc=/, (route) => route.abort());
        const page = await context.newPage();
        pages.set(caller, page);
        return page;
      });
      for (const page of pages.values()) await page.context().close();
    },
    { scope: "worker" },
  ],
});

for (const probe of pagesToCheck()) {
  sweepTest(`${probe.caller} ${probe.named}`, async ({ pageOf }) => {
    await checkPage(await pageOf(probe.caller), await urlOf(probe));
  });
}
