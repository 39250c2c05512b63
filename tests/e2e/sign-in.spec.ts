import { expect, test } from "@playwright/test";
import { signIn, signInAndLand } from "./support";

const accounts = [
  { phone: "13800000001", path: "/resident", heading: "我的点单" },
  { phone: "13800000002", path: "/grid", heading: "接单队列" },
  { phone: "13800000003", path: "/branch", heading: "下单看板" },
  { phone: "13800000004", path: "/staff", heading: "社区概览" },
  { phone: "13800000005", path: "/admin", heading: "系统配置" },
  { phone: "13800000006", path: "/grid", heading: "接单队列" },
  { phone: "13800000007", path: "/resident", heading: "我的点单" },
];

test("the sign-in page asks for 手机号 and 密码 and lists the demo accounts in demo mode", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "登录邻里" })).toBeVisible();
  await expect(page.getByLabel("手机号")).toBeVisible();
  await expect(page.getByLabel("密码")).toBeVisible();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  const demo = page.getByRole("region", { name: "演示账号" });
  for (const { phone } of accounts) await expect(demo.getByRole("cell", { name: phone })).toBeVisible();
});

for (const account of accounts) {
  test(`${account.phone} signs in and lands on ${account.path}`, async ({ page }) => {
    await signInAndLand(page, account.phone, account.path);
    await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
    // Navigation offers only the workspaces of the roles this person holds.
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link")).toHaveCount(1);
  });
}

test("a wrong password is refused with a clear message and keeps the number typed", async ({ page }) => {
  await signIn(page, "13800000001", "wrong-password");
  await expect(page.getByRole("alert", { name: "登录邻里" })).toHaveText("手机号或密码不正确，请重新输入。");
  await expect(page.getByLabel("手机号")).toHaveValue("13800000001");
  await expect(page).toHaveURL(/\/login$/);
});

test("an unknown number gets the same message as a wrong password", async ({ page }) => {
  await signIn(page, "13912345678", "wrong-password");
  await expect(page.getByRole("alert", { name: "登录邻里" })).toHaveText("手机号或密码不正确，请重新输入。");
});

test("a malformed number is explained next to the field", async ({ page }) => {
  await signIn(page, "12345", "whatever");
  await expect(page.getByText("请输入 11 位手机号码。")).toBeVisible();
  await expect(page.getByLabel("手机号")).toHaveAttribute("aria-invalid", "true");
});

test("signing out ends the session", async ({ page, context }) => {
  await signInAndLand(page, "13800000004", "/staff");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByText("您已退出登录。")).toBeVisible();
  // Replaying the old session cookie does not bring the session back.
  await context.addCookies(cookies);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/login$/);
});

test("a workspace of a role one does not hold answers 404", async ({ page }) => {
  await signInAndLand(page, "13800000001", "/resident");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("grid worker 13800000006 gets 404 on a page of 13800000002's grid", async ({ browser }) => {
  const owner = await browser.newPage();
  await signInAndLand(owner, "13800000002", "/grid");
  await owner.getByRole("link", { name: /柳江社区 第一网格/ }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "柳江社区 第一网格" })).toBeVisible();
  await expect(owner.getByText("府河小区")).toBeVisible();
  const gridUrl = owner.url();

  const other = await browser.newPage();
  await signInAndLand(other, "13800000006", "/grid");
  const response = await other.goto(gridUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(other.getByText("府河小区")).toHaveCount(0);
});

test("the portal switches to English and back", async ({ page }) => {
  await signInAndLand(page, "13800000003", "/branch");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dispatch board" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "下单看板" })).toBeVisible();
});
