// axe on every page of the build, for each role that may open it, at 1280 px and at 360 px:
// the pages and the records behind them come from the sweep's route table
// (security/routes.ts), so a new page is checked as soon as it has its row there. It runs in
// the sweep project, on the sweep's database and with the sessions its setup made: it only
// reads, and the sweep's teardown shows that no row changed. The 200% text checks, which place
// and rate orders, are in text-zoom.spec.ts.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loadFixture, withDb, type CallerKey } from "./security/fixtures";
import { expected, routeTable } from "./security/routes";
import { storageStateOf } from "./security/sessions";

test.describe.configure({ mode: "parallel" });

const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(tags);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function expectNoViolations(page: Page, label: string) {
  // Next.js streams the <title> with the page's metadata: wait for it before judging.
  await expect(page).toHaveTitle(/\S/);
  // Soft: one run reports every page's violations, not only the first page's.
  expect.soft(await violations(page), label).toEqual([]);
}

/** Every page (with its states reachable by URL) the caller may open, from the route table. */
async function pagesOf(caller: CallerKey): Promise<string[]> {
  const fixture = await withDb(loadFixture);
  return Object.values(routeTable)
    .filter((row) => row.kind === "page")
    .flatMap((row) => row.probes(fixture).map((probe) => ({ probe, answer: expected(probe, "page", caller) })))
    .filter(({ probe, answer }) => answer.status === 200 && probe.allowed.includes(caller))
    .map(({ probe }) => probe.url);
}

/**
 * The page as axe sees it, then each state a click opens without writing anything: every
 * disclosure (<details>) at once, and each action form of an order page in turn.
 */
async function checkPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expectNoViolations(page, url);
  if ((page.viewportSize()?.width ?? 0) <= 360) await expectNoSidewaysScroll(page, url);
  const closed = page.locator("main details:not([open]) > summary");
  if ((await closed.count()) > 0) {
    for (let left = await closed.count(); left > 0; left--) await closed.first().click();
    await expect(closed).toHaveCount(0);
    expect.soft(await violations(page, "main"), `${url} with its disclosures open`).toEqual([]);
  }
  const toggles = page.locator("main button[aria-expanded]");
  for (let i = 0; i < (await toggles.count()); i++) {
    const toggle = toggles.nth(i);
    const name = (await toggle.textContent())?.trim();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const panel = await toggle.getAttribute("aria-controls");
    expect.soft(await violations(page, panel ? `#${panel}` : "main"), `${url} with "${name}" open`).toEqual([]);
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
      await expectNoViolations(page, "/login");
      // Refused by the form's own check, before any sign-in is attempted.
      await page.getByLabel("手机号").fill("123");
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.getByText("请输入 11 位手机号码。")).toBeVisible();
      await expectNoViolations(page, "/login with errors");
      await page.goto("/no-such-page");
      await expectNoViolations(page, "404");
    });

    for (const caller of roles) {
      test(`every page ${caller} may open has no violations`, async ({ browser }) => {
        test.setTimeout(240_000);
        const context = await browser.newContext({ storageState: storageStateOf(caller), viewport: { width: viewport.width, height: viewport.height } });
        // Every page is opened by address, so the RSC requests are only Next's link prefetches:
        // a server render each, for nothing axe looks at.
        await context.route((url) => url.searchParams.has("_rsc"), (route) => route.abort());
        const page = await context.newPage();
        const urls = await pagesOf(caller);
        expect(urls.length).toBeGreaterThan(0);
        for (const url of urls) await checkPage(page, url);
        await context.close();
      });
    }
  });
}
