// The admin console in Chromium, as the demo administrator 13800000005: build a courtyard
// with a building, create its grid worker and sign in as them, import the courtyard's
// residents (a bad row first, then the fixed file); and no accessibility violation in the
// dialog that moves a courtyard.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { signIn, signInAndLand } from "./support";

const ADMIN = "13800000005";
const run = String(Date.now()).slice(-6);
const phone = (n: number) => `199${run}${String(n).padStart(2, "0")}`;

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndLand(page, ADMIN, "/admin");
  return page;
}

const csv = (rows: string[]) => Buffer.from(`\uFEFF${["姓名,手机号,小区名称,楼栋号,单元,房号", ...rows].join("\r\n")}\r\n`, "utf8");

test("create a courtyard and a building, a grid worker who signs in, and import residents", async ({ browser }) => {
  test.setTimeout(180_000);
  const courtyard = `测试小区${run}`;
  const admin = await adminPage(browser);

  // The map: 柳江社区 → a new courtyard in 第二网格, then a building in it.
  await admin.getByRole("navigation", { name: "系统配置导航" }).getByRole("link", { name: "社区地图" }).click();
  await admin.getByRole("link", { name: "柳江社区" }).click();
  const newCourtyard = admin.getByRole("region", { name: "新建小区" });
  await newCourtyard.getByLabel("所属网格").selectOption({ label: "第二网格" });
  await newCourtyard.getByLabel("小区名称").fill(courtyard);
  await newCourtyard.getByLabel("地址").fill("成都市金牛区测试路1号");
  await newCourtyard.getByRole("button", { name: "创建小区" }).click();
  await expect(newCourtyard.getByText(`已创建小区「${courtyard}」`)).toBeVisible();
  // The same name again in the same grid: a clear message, nothing created.
  await newCourtyard.getByLabel("所属网格").selectOption({ label: "第二网格" });
  await newCourtyard.getByLabel("小区名称").fill(courtyard);
  await newCourtyard.getByRole("button", { name: "创建小区" }).click();
  await expect(newCourtyard.getByRole("alert", { name: "提交未成功" })).toContainText(`「第二网格」下已有名为「${courtyard}」的小区`);
  await admin.getByRole("link", { name: courtyard }).click();
  await expect(admin.getByRole("heading", { level: 1, name: courtyard })).toBeVisible();

  const buildings = admin.getByRole("region", { name: "楼栋" });
  await buildings.getByLabel("楼栋号").fill("1栋");
  await buildings.getByLabel("单元数").fill("2");
  await buildings.getByLabel("层数").fill("7");
  await buildings.getByRole("button", { name: "添加楼栋" }).click();
  await expect(buildings.getByText("已添加楼栋「1栋」")).toBeVisible();
  await expect(buildings.getByRole("heading", { name: "1栋" })).toBeVisible();

  // A grid worker for 第二网格, with a temporary password shown once.
  await admin.goto("/admin/people/new");
  await admin.getByLabel("姓名").fill("测试网格员");
  await admin.getByLabel("手机号").fill(phone(0));
  await admin.getByLabel("角色").selectOption({ label: "网格员" });
  await admin.getByLabel("负责网格").selectOption({ label: "柳江社区 · 第二网格" });
  await admin.getByRole("button", { name: "创建账号" }).click();
  await expect(admin.getByText("账号已创建。")).toBeVisible();
  const temporary = (await admin.getByTestId("slip-preview").locator("[data-slip=password]").textContent())!.trim();
  expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

  // The worker signs in, must choose a password first, then lands in their grid's queue.
  const worker = await (await browser.newContext()).newPage();
  await signIn(worker, phone(0), temporary);
  await expect(worker).toHaveURL(/\/account\/password$/);
  await worker.getByLabel("当前密码").fill(temporary);
  await worker.getByLabel(/^新密码/).fill("Wangge2026ok");
  await worker.getByLabel("再次输入新密码").fill("Wangge2026ok");
  await worker.getByRole("button", { name: "修改密码" }).click();
  await expect(worker).toHaveURL(/\/grid$/);
  await expect(worker.getByText("第二网格").first()).toBeVisible();

  // Import the courtyard's residents: the dry run shows the bad row and imports nothing.
  await admin.goto("/admin/import");
  await admin.getByRole("radio", { name: /居民/ }).check();
  await admin.getByLabel("导入到哪个社区").selectOption({ label: "锦华路街道 · 柳江社区" });
  const rows = [`居民甲,${phone(1)},${courtyard},1栋,1,101`, `居民乙,${phone(2)},${courtyard},1,2单元,202`, `居民丙,${phone(3)},${courtyard},1栋,1,301`];
  const bad = [...rows];
  bad[1] = `居民乙,1380000,${courtyard},1,2单元,202`;
  await admin.getByLabel("选择文件").setInputFiles({ name: "居民.csv", mimeType: "text/csv", buffer: csv(bad) });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.getByText("发现 1 个问题，没有导入任何数据。", { exact: false })).toBeVisible();
  const problems = admin.getByRole("table", { name: /问题清单/ });
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("手机号");
  await expect(problems.getByRole("row").nth(1)).toContainText("手机号应为 11 位数字，以 1 开头。");
  await expect(admin.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

  // Fixed: the check passes and the commit imports all three.
  await admin.getByLabel("选择文件").setInputFiles({ name: "居民.csv", mimeType: "text/csv", buffer: csv(rows) });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.getByText("共 3 行：新增 3 条，更新 0 条，0 条与系统一致。其中将新建 3 个居民账号。")).toBeVisible();
  await admin.getByRole("button", { name: "确认导入（3 条）" }).click();
  await expect(admin.getByRole("heading", { name: "导入完成" })).toBeVisible();
  // One slip per new resident, each with a password of its own (tests/e2e/one-time-slips.spec.ts).
  await expect(admin.getByTestId("slip-preview").locator("[data-slip=password]")).toHaveCount(3);

  // The same file again changes nothing.
  await admin.getByRole("button", { name: "再导入一个文件" }).click();
  await admin.getByLabel("选择文件").setInputFiles({ name: "居民.csv", mimeType: "text/csv", buffer: csv(rows) });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.getByText("文件内容与系统中的数据一致，无需导入。")).toBeVisible();

  // The courtyard now has three homes, and the log tells the story.
  await admin.goto("/admin/map");
  await admin.getByRole("link", { name: "柳江社区" }).click();
  await admin.getByRole("link", { name: courtyard }).click();
  await expect(admin.getByText("已登记 3 户")).toBeVisible();
  await admin.goto("/admin/audit?kind=import");
  await expect(admin.getByText("批量导入居民").first()).toBeVisible();
});

test("a file that is not a spreadsheet is refused with a clear message", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto("/admin/import");
  await admin.getByLabel("导入到哪个社区").selectOption({ label: "锦华路街道 · 柳江社区" });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  await admin.getByLabel("选择文件").setInputFiles({ name: "居民.csv", mimeType: "text/csv", buffer: png });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await expect(admin.getByRole("alert", { name: "导入未完成" })).toContainText("只能导入 Excel（.xlsx）或 CSV 文件");
});

test("the template downloads, and only for administrators", async ({ browser, request }) => {
  const admin = await adminPage(browser);
  const response = await admin.request.get("/api/admin/import/template?kind=residents&format=csv");
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("姓名,手机号,小区名称");
  expect((await request.get("/api/admin/import/template?kind=residents&format=csv")).status()).toBe(404);
  const resident = await (await browser.newContext()).newPage();
  await signInAndLand(resident, "13800000001", "/resident");
  expect((await resident.request.get("/api/admin/import/template?kind=residents&format=xlsx")).status()).toBe(404);
  expect((await resident.goto("/admin/people"))?.status()).toBe(404);
});

// Every page of the console is checked at both widths, for both kinds of administrator, by
// the accessibility sweep (accessibility.spec.ts, from the route table); here, what only a click
// opens: the dialog that moves a courtyard to another grid.
for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 360, height: 740 },
]) {
  test(`the dialog that moves a courtyard has no accessibility violations (${viewport.name})`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await signInAndLand(page, ADMIN, "/admin");
    await page.goto("/admin/map");
    await page.getByRole("link", { name: "柳江社区" }).click();
    await page.getByRole("link", { name: "府河小区" }).click();
    await page.getByRole("button", { name: "调整网格" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoViolations(page, "move dialog");
    if (viewport.width < 400) {
      await page.addStyleTag({ content: "html { font-size: 225% !important; }" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "move dialog at 225%").toBeLessThanOrEqual(0);
    }
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });
}
