import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./support";

async function placeOrder(page: Page, title: string, options: { public?: boolean } = {}) {
  await page.getByRole("link", { name: "我要点单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我要点单" })).toBeVisible();
  await page.getByLabel("类别").selectOption({ label: "微心愿" });
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("描述").fill("院子里的老人希望有一张长椅，方便晒太阳时休息。");
  if (options.public) await page.getByLabel("公开到院落公示栏").check();
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("待接单").first()).toBeVisible();
  return page.url();
}

const inFuture = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

test("the whole loop: resident orders, grid accepts, branch dispatches, grid completes, resident rates, staff sees it", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `长椅心愿 ${Date.now() % 100000}`;

  const resident = await signedInAs(browser, "13800000001");
  const orderUrl = await placeOrder(resident, title, { public: true });

  const worker = await signedInAs(browser, "13800000002");
  await worker.getByRole("link", { name: new RegExp(title) }).click();
  await worker.getByRole("button", { name: "接单" }).click();
  await expect(worker.getByText("待下单").first()).toBeVisible();
  // Told at once, not when a background job gets round to it: the resident's next page lists it.
  await resident.goto("/notifications");
  await expect(resident.getByText(new RegExp(`您的点单「${title}」（第 \\d+ 号）状态变为`)).first()).toBeVisible();

  const secretary = await signedInAs(browser, "13800000003");
  await secretary.getByRole("link", { name: new RegExp(title) }).click();
  await secretary.getByRole("button", { name: "下单", exact: true }).click();
  await secretary.getByLabel("办理方案").fill("联系物业在花园添置长椅，网格员跟进安装。");
  await secretary.getByRole("group", { name: "承办网格员" }).getByLabel("李建国").check();
  await secretary.getByLabel("外部承办方（选填）").fill("物业公司");
  await secretary.getByLabel("办结期限").fill(inFuture(7));
  await secretary.getByRole("button", { name: "确认下单" }).click();
  await expect(secretary.getByText("办理中").first()).toBeVisible();

  await worker.goto(orderUrl);
  await worker.getByRole("button", { name: "更新进展" }).click();
  await worker.getByLabel("进展说明").fill("物业已采购长椅，周五安装。");
  await worker.getByRole("button", { name: "提交进展" }).click();
  await expect(worker.getByText("物业已采购长椅，周五安装。")).toBeVisible();
  await worker.getByRole("button", { name: "办结", exact: true }).click();
  await worker.getByLabel("办结说明").fill("长椅已安装在花园东侧。");
  await worker.getByRole("button", { name: "确认办结" }).click();
  await expect(worker.getByText("待评价").first()).toBeVisible();

  await resident.goto(orderUrl);
  const timeline = resident.getByRole("list").filter({ hasText: "长椅已安装在花园东侧。" });
  await expect(timeline).toBeVisible();
  for (const dimension of ["目标实现度", "时间安排", "形式内容", "工作人员表现"]) {
    await resident.getByRole("group", { name: dimension }).getByLabel("5 非常满意").check();
  }
  await resident.getByLabel("评价内容").fill("长椅很结实，谢谢社区！");
  await resident.getByRole("button", { name: "提交评价" }).click();
  await expect(resident.getByText("已完结").first()).toBeVisible();

  const staff = await signedInAs(browser, "13800000004");
  await staff.goto(orderUrl);
  await expect(staff.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(staff.getByText("长椅很结实，谢谢社区！")).toBeVisible();
  await expect(staff.getByText("已完结").first()).toBeVisible();

  // The grid worker of another grid may not see it at all.
  const outsider = await signedInAs(browser, "13800000006");
  const response = await outsider.goto(orderUrl);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByText(title)).toHaveCount(0);
});

test("a grid worker declines an order with a reason the resident sees", async ({ browser }) => {
  const title = `退回测试 ${Date.now() % 100000}`;
  const resident = await signedInAs(browser, "13800000001");
  const orderUrl = await placeOrder(resident, title);

  const worker = await signedInAs(browser, "13800000002");
  await worker.goto(orderUrl);
  await worker.getByRole("button", { name: "退回" }).click();
  await worker.getByRole("button", { name: "确认退回" }).click();
  await expect(worker.getByRole("alert", { name: "操作结果" })).toContainText("请填写原因");
  await worker.getByLabel("退回原因").fill("属于物业职责，请联系物业服务中心。");
  await worker.getByRole("button", { name: "确认退回" }).click();
  await expect(worker.getByText("已退回").first()).toBeVisible();

  await resident.goto(orderUrl);
  await expect(resident.getByText("已退回").first()).toBeVisible();
  await expect(resident.getByText("属于物业职责，请联系物业服务中心。")).toBeVisible();
});

test("a resident withdraws an order before it is accepted", async ({ browser }) => {
  const title = `撤销测试 ${Date.now() % 100000}`;
  const resident = await signedInAs(browser, "13800000001");
  const orderUrl = await placeOrder(resident, title);
  await resident.getByRole("button", { name: "撤销" }).click();
  await expect(resident.getByText("撤销后网格员将不再处理这张单，确定撤销吗？")).toBeVisible();
  await resident.getByRole("button", { name: "确认撤销" }).click();
  await expect(resident.getByText("已撤销").first()).toBeVisible();
  await expect(resident.getByRole("button", { name: "撤销" })).toHaveCount(0);

  const worker = await signedInAs(browser, "13800000002");
  await worker.goto(orderUrl);
  await expect(worker.getByRole("button", { name: "接单" })).toHaveCount(0);
});

test("a neighbour sees the public order on the board without who asked, and says 同需 once", async ({ browser }) => {
  const title = `公示测试 ${Date.now() % 100000}`;
  const resident = await signedInAs(browser, "13800000001");
  await placeOrder(resident, title, { public: true });

  // 13900010001 is the first demo resident of 府河小区: 王秀英's neighbour.
  const neighbour = await browser.newPage();
  await neighbour.goto("/login");
  await neighbour.getByLabel("手机号").fill("13900010001");
  await neighbour.getByLabel("密码").fill("Linli@2026");
  await neighbour.getByRole("button", { name: "登录" }).click();
  await expect(neighbour).toHaveURL(/\/resident$/);
  await neighbour.getByRole("link", { name: "院落公示" }).click();
  const item = neighbour.getByRole("listitem").filter({ hasText: title });
  await expect(item).toBeVisible();
  const html = await neighbour.locator("main").innerHTML();
  expect(html).not.toContain("王秀英");
  expect(html).not.toContain("13800000001");
  await item.getByRole("button", { name: "同需" }).click();
  await expect(item.getByText("已同需")).toBeVisible();
});

test("a grid worker places an order on behalf of a resident without a phone (代点单)", async ({ browser }) => {
  const title = `代点单测试 ${Date.now() % 100000}`;
  const worker = await signedInAs(browser, "13800000002");
  await worker.getByRole("link", { name: "代点单" }).click();
  await worker.getByLabel("查找居民（姓名或手机号）").fill("13900010002");
  await worker.getByRole("button", { name: "查找" }).click();
  await worker.getByRole("link", { name: "为 TA 代点单" }).first().click();
  await worker.getByLabel("类别").selectOption({ label: "便民服务/代办" });
  await worker.getByLabel("标题").fill(title);
  await worker.getByLabel("描述").fill("老人需要代办社保卡年审，行动不便。");
  await worker.getByRole("button", { name: "提交" }).click();
  await expect(worker.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(worker.getByText("代点单").first()).toBeVisible();
  // The worker of the grid can accept it straight away; this category needs no dispatch.
  await worker.getByRole("button", { name: "接单" }).click();
  await expect(worker.getByText("办理中").first()).toBeVisible();
});
