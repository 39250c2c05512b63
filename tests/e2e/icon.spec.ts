import { expect, test } from "@playwright/test";

// Browsers ask for the site's icon on the first visit; without one every first page load
// logged a failed request (404) in the console, which Lighthouse counts against the page.
test("the sign-in page loads its icon and logs no error", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);

  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
});
