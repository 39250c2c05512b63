// Text at 200% on a 360 px phone: the resident's main flows (sign in, 我要点单, 我的点单, rate)
// and the grid worker's accept and complete, with every control still reachable.
//
// The text is enlarged the way a person does it in the browser's settings (font size "very
// large"): Chromium's default font size goes from 16 to 32 px (CDP Page.setFontSizes). The
// portal sizes text and spacing in rem from that default (globals.css), so text doubles while
// the layout keeps its 360 CSS pixels, which is what WCAG 1.4.4 asks of text resizing. Page zoom
// would instead shrink the viewport to 180 CSS pixels and test reflow, not text size.
import { expect, test, type Page } from "@playwright/test";
import { acceptAndComplete, DEMO_PASSWORD } from "./support";

async function enlargeText(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
}

/**
 * Nothing spills sideways, and every visible control can be scrolled to and sits on top where
 * it is drawn (no overflow clips it, nothing covers it). Labels that stand in for their inputs
 * (styled radio buttons) count as the control.
 */
async function expectControlsReachable(page: Page, label: string) {
  // The text really is twice the default (18 px × 2): the setting survived the navigation.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), label).toBe("36px");
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`page is ${document.documentElement.scrollWidth}px wide`);
    const controls = document.querySelectorAll<HTMLElement>(
      "main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary",
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden (skip links, sr-only inputs)
      if (getComputedStyle(el).visibility === "hidden") continue;
      el.scrollIntoView({ block: "center", inline: "center" });
      const r = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.getAttribute("name") || "").trim().slice(0, 30)}"`;
      if (r.left < -1 || r.right > window.innerWidth + 1) {
        found.push(`${name} sticks out (${Math.round(r.left)}–${Math.round(r.right)}px)`);
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
      const labels = "labels" in el ? Array.from((el as HTMLInputElement).labels ?? []) : [];
      if (!hit || !(el === hit || el.contains(hit) || hit.contains(el) || labels.some((l) => l.contains(hit)))) {
        found.push(`${name} is covered by ${hit?.tagName.toLowerCase() ?? "nothing"}`);
      }
    }
    window.scrollTo(0, 0);
    return found;
  });
  expect(problems, label).toEqual([]);
}

test.use({ viewport: { width: 360, height: 740 } });

test("at 200% text a resident signs in, places an order, finds it in 我的点单, and rates it; the grid worker accepts and completes it", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `大字测试 ${Date.now() % 100000}`;
  const open = async (phone: string, home: string) => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await enlargeText(page);
    await page.goto("/login");
    await expectControlsReachable(page, "/login");
    await page.getByLabel("手机号").fill(phone);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expectControlsReachable(page, home);
    return page;
  };

  const resident = await open("13800000001", "/resident");
  await resident.getByRole("link", { name: "我要点单" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: "我要点单" })).toBeVisible();
  await expectControlsReachable(resident, "我要点单");
  await resident.getByLabel("类别").selectOption({ label: "便民服务/代办" });
  await resident.getByLabel("标题").fill(title);
  await resident.getByLabel("描述").fill("请帮忙代办社保卡年审。");
  await resident.getByRole("button", { name: "提交" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const orderUrl = resident.url();
  await expectControlsReachable(resident, "the new order");

  // 我的点单 lists it, and its link opens it.
  await resident.goto("/resident");
  const link = resident.getByRole("link", { name: new RegExp(title) });
  await expect(link).toBeVisible();
  await expectControlsReachable(resident, "我的点单");

  const worker = await open("13800000002", "/grid");
  await worker.goto(orderUrl);
  await expectControlsReachable(worker, "the order, for the grid worker");
  await acceptAndComplete(worker, orderUrl, "已代办完成。");
  await expectControlsReachable(worker, "the completed order");

  await link.click();
  await expect(resident.getByText("待评价").first()).toBeVisible();
  await expectControlsReachable(resident, "the rating form");
  for (const dimension of ["目标实现度", "时间安排", "形式内容", "工作人员表现"]) {
    await resident.getByRole("group", { name: dimension }).getByLabel("5 非常满意").check();
  }
  await resident.getByLabel("评价内容").fill("字大也能用，谢谢！");
  await resident.getByRole("button", { name: "提交评价" }).click();
  await expect(resident.getByText("已完结").first()).toBeVisible();
  await expectControlsReachable(resident, "the rated order");
});

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
