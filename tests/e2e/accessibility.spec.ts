import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAndLand } from "./support";

async function expectNoViolations(page: Page, label: string) {
  // Next.js streams the <title> with the page's metadata: wait for it before judging.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

const workspaces = [
  { phone: "13800000001", path: "/resident" },
  { phone: "13800000002", path: "/grid" },
  { phone: "13800000003", path: "/branch" },
  { phone: "13800000004", path: "/staff" },
  { phone: "13800000005", path: "/admin" },
];

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 360, height: 740 },
]) {
  test.describe(`${viewport.name} (${viewport.width}px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the sign-in page, its error state and the 404 page have no violations", async ({ page }) => {
      await page.goto("/login");
      await expectNoViolations(page, "/login");
      await page.getByLabel("手机号").fill("123");
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page.getByText("请输入 11 位手机号码。")).toBeVisible();
      await expectNoViolations(page, "/login with errors");
      await page.goto("/no-such-page");
      await expectNoViolations(page, "404");
    });

    for (const w of workspaces) {
      test(`the workspace ${w.path} has no violations`, async ({ page }) => {
        await signInAndLand(page, w.phone, w.path);
        await expectNoViolations(page, w.path);
      });
    }
  });
}

test("at 200% text size the sign-in still works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/login");
  await page.addStyleTag({ content: "html { font-size: 225% !important; }" });
  const button = page.getByRole("button", { name: "登录" });
  await page.getByLabel("手机号").fill("13800000004");
  await page.getByLabel("密码").fill("Linli@2026");
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await expect(page).toHaveURL(/\/staff$/);
  // Nothing spills sideways: the page is no wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
