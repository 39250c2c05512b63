// axe on every page of the build, for each role that may open it, at 1280 px and at 360 px:
// the pages and the records behind them come from the sweep's route table
// (security/routes.ts), so a new page is checked as soon as it has its row there. One test per
// page, caller and width, so that each stays short on a slow machine and the two workers share
// them evenly. It runs in the sweep project, on the sweep's database and with the sessions its
// setup made: it only reads, and the sweep's teardown shows that no row changed. The 200% text
// checks that place and rate orders are in text-zoom.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, expectNoViolations } from "./axe";
import { loadFixture, namedFixture, withDb, type CallerKey, type Fixture } from "./security/fixtures";
import { expected, routeTable } from "./security/routes";
import { storageStateOf } from "./security/sessions";

test.describe.configure({ mode: "parallel" });

let fixture: Promise<Fixture> | undefined;
const realFixture = () => (fixture ??= withDb(loadFixture));

type PageProbe = { route: string; index: number; named: string };

/** Every page (with its states reachable by URL) the caller may open, from the route table. */
function pagesOf(caller: CallerKey): PageProbe[] {
  return Object.entries(routeTable)
    .filter(([, row]) => row.kind === "page")
    .flatMap(([route, row]) =>
      row
        .probes(namedFixture())
        .map((probe, index) => ({ route, index, named: probe.url, open: expected(probe, "page", caller).status === 200 && probe.allowed.includes(caller) })),
    )
    .filter((p) => p.open)
    .map(({ route, index, named }) => ({ route, index, named }));
}

/** The probe's address with the real ids of the sweep's database. */
async function urlOf({ route, index }: PageProbe): Promise<string> {
  return routeTable[route].probes(await realFixture())[index].url;
}

/**
 * The page as axe sees it, then each state a click opens without writing anything: every
 * disclosure (<details>) at once, and each action form of an order page in turn.
 */
async function checkPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expectNoViolations(page, url, { soft: true });
  if ((page.viewportSize()?.width ?? 0) <= 360) await expectNoSidewaysScroll(page, url);
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

const roles: CallerKey[] = ["resident", "neighbour", "gridWorker", "secretary", "staff", "admin", "adminElsewhere"];

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 360, height: 740 },
]) {
  test.describe(`${viewport.name} (${viewport.width}px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the sign-in page, its error state and the 404 page have no violations", async ({ page }) => {
      await page.goto("/login");
      await expectNoViolations(page, "/login", { soft: true });
      // Refused by the form's own check, before any sign-in is attempted.
      await page.getByLabel("手机号").fill("123");
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.getByText("请输入 11 位手机号码。")).toBeVisible();
      await expectNoViolations(page, "/login with errors", { soft: true });
      await page.goto("/no-such-page");
      await expectNoViolations(page, "404", { soft: true });
    });

    for (const caller of roles) {
      test("every page of the route table is checked for " + caller, () => {
        expect(pagesOf(caller).length).toBeGreaterThan(0);
      });
      for (const probe of pagesOf(caller)) {
        test(`${caller} ${probe.named}`, async ({ browser }) => {
          const context = await browser.newContext({ storageState: storageStateOf(caller), viewport: { width: viewport.width, height: viewport.height } });
          // Every page is opened by address, so the RSC requests are only Next's link prefetches:
          // a server render each, for nothing axe looks at.
          await context.route((url) => url.searchParams.has("_rsc"), (route) => route.abort());
          try {
            await checkPage(await context.newPage(), await urlOf(probe));
          } finally {
            await context.close();
          }
        });
      }
    }
  });
}
