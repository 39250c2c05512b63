// Staff review in the browser, as 陈丽 (13800000004, staff of 柳江社区): a resident's poor
// rating appears first in the ratings review with the number masked; staff reveal it (logged),
// record a follow-up and send the order back to the grid; the exported list opens in exceljs.
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { acceptAndComplete, placeOrderAsResident, rateAll, signedInAs } from "./support";

const FULL_PHONE = /(?<!\d)1\d{10}(?!\d)/;

test("staff find a poor rating, follow it up, send it back to the grid, and export the ratings", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `差评回访 ${Date.now() % 100000}`;
  const comment = "=1+1 等了一周才办，请回电13912345678";

  const resident = await signedInAs(browser, "13800000001");
  const orderUrl = await placeOrderAsResident(resident, { title, category: "便民服务/代办", description: "老人需要代办社保卡年审。" });
  const worker = await signedInAs(browser, "13800000002");
  await acceptAndComplete(worker, orderUrl, "已代办完成。");
  await rateAll(resident, orderUrl, "1 非常不满意", comment);
  await expect(resident.getByText("回访中").first()).toBeVisible();

  // The ratings review, poor ones only: this rating is there, its requester's number masked.
  const staff = await signedInAs(browser, "13800000004");
  await expect(staff.getByRole("heading", { level: 1, name: "社区概览" })).toBeVisible();
  await staff.getByRole("navigation", { name: "社区工作台" }).getByRole("link", { name: "评价审阅" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "评价审阅" })).toBeVisible();
  await staff.getByLabel("评分").selectOption({ label: "差评（最低 2 分及以下）" });
  await staff.getByRole("button", { name: "筛选" }).click();
  await expect(staff).toHaveURL(/band=poor/);
  const card = staff.getByRole("listitem").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card.getByText("差评 · 最低 1 分")).toBeVisible();
  await expect(card.getByText("138****0001")).toBeVisible();
  await expect(card.getByText("请回电139****5678")).toBeVisible();
  expect(await staff.locator("main").innerHTML()).not.toMatch(FULL_PHONE);

  // 显示号码: the full number, in place, only after asking for it.
  await card.getByRole("button", { name: /显示号码/ }).click();
  await expect(card.getByRole("link", { name: "拨打 13800000001" })).toBeVisible();
  await expect(card.getByText("已显示完整号码，本次查看已记录。")).toBeVisible();

  // Export the filtered list and open the file.
  const downloading = staff.waitForEvent("download");
  await staff.getByRole("link", { name: "导出 Excel（.xlsx）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^评价列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  // row.values is sparse (empty cells are holes) and 1-based.
  sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ""))));
  expect(rows[0].slice(0, 2)).toEqual(["单号", "标题"]);
  const row = rows.find((r) => r[1] === title);
  expect(row).toBeDefined();
  expect(row!.slice(5, 13)).toEqual(["点单居民", "王秀英", "138****0001", "1", "1", "1", "1", "1"]);
  expect(row![13]).toBe("'=1+1 等了一周才办，请回电139****5678");
  for (const r of rows) for (const cell of r) expect(cell).not.toMatch(FULL_PHONE);

  // Open the order from its row, record the follow-up, and send it back to the grid.
  await card.getByRole("link", { name: new RegExp(title) }).click();
  await expect(staff.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await staff.getByRole("button", { name: "记录回访" }).click();
  await staff.getByLabel("回访记录").fill("已电话联系王阿姨，她希望重新办理并当面说明进度。");
  await staff.getByRole("button", { name: "保存回访" }).click();
  await expect(staff.getByText("已电话联系王阿姨，她希望重新办理并当面说明进度。")).toBeVisible();
  await staff.getByRole("button", { name: "退回网格" }).click();
  await staff.getByLabel("退回说明").fill("请网格员三天内上门重新办理。");
  await staff.getByRole("button", { name: "确认退回网格" }).click();
  await expect(staff.getByText("办理中").first()).toBeVisible();
  await expect(staff.getByText("请网格员三天内上门重新办理。")).toBeVisible();

  // It has left the follow-up list.
  await staff.goto("/staff/follow-ups");
  await expect(staff.getByRole("heading", { level: 1, name: "回访" })).toBeVisible();
  await expect(staff.getByText(title)).toHaveCount(0);
});

// Each page of the review with query strings no form sends (they fall back to defaults), and
// no accessibility violation in what staff then see.
for (const [path, heading] of [
  ["/staff?dimension=grid&period=week", "社区概览"],
  ["/staff?dimension=nonsense&from=2026-02-31&period=year", "社区概览"],
  ["/staff/ratings?band=%27%3B&page=-1", "评价审阅"],
  ["/staff/follow-ups", "回访"],
  ["/staff/report?month=2026-13", "工作月报"],
] as const) {
  test(`${path} answers staff with its page and no accessibility violations`, async ({ browser }) => {
    const staff = await signedInAs(browser, "13800000004", { home: false });
    const response = await staff.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(staff.getByRole("heading", { level: 1, name: new RegExp(heading) })).toBeVisible();
    await expectNoViolations(staff, path);
    if (path.startsWith("/staff/report")) await expect(staff.getByRole("button", { name: "打印" })).toBeVisible();
  });
}

test("the review's pages and exports answer 404 to a grid worker", async ({ browser }) => {
  const worker = await signedInAs(browser, "13800000002", { home: false });
  for (const path of ["/staff", "/staff/ratings", "/staff/report", "/api/staff/export/ratings?format=csv", "/api/staff/export/overview?format=xlsx"]) {
    const response = await worker.goto(path).catch(() => null);
    expect(response?.status(), path).toBe(404);
  }
});
