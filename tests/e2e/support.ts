import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Linli@2026";

export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signInAndLand(page: Page, phone: string, path: string) {
  await signIn(page, phone);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}
