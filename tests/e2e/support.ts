import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signInOverHttp } from "./security/sessions";

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

/** Home page of each demo account, where signing in lands. */
export const demoHomes: Record<string, string> = {
  "13800000001": "/resident",
  "13800000002": "/grid",
  "13800000003": "/branch",
  "13800000004": "/staff",
  "13800000005": "/admin",
  "13800000006": "/grid",
  "13800000007": "/resident",
};

type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;
const sessions = new Map<string, Promise<StorageState>>();

/**
 * A session of the demo account, signed in once per worker through Auth.js's credentials
 * endpoint (as the sign-in form posts): the sign-in form itself is tested in sign-in.spec.ts,
 * and every other test starts signed in without paying for the form's pages again.
 */
function sessionOf(phone: string): Promise<StorageState> {
  let session = sessions.get(phone);
  if (!session) {
    session = (async () => {
      const request = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
      try {
        const { status } = await signInOverHttp(request, phone);
        expect(status, `sign-in of ${phone}`).toBe(302);
        return await request.storageState();
      } finally {
        await request.dispose();
      }
    })();
    sessions.set(phone, session);
  }
  return session;
}

/**
 * A fresh browser context signed in as the demo account, on its home page; with `home: false`
 * on a blank page, for a test that opens its own first.
 */
export async function signedInAs(browser: Browser, phone: string, { home = true } = {}): Promise<Page> {
  const context = await browser.newContext({ storageState: await sessionOf(phone) });
  const page = await context.newPage();
  if (!home) return page;
  await page.goto(demoHomes[phone]);
  await expect(page).toHaveURL(new RegExp(`${demoHomes[phone]}$`));
  return page;
}

/** 我要点单 from the resident's home; answers the new order's URL. */
export async function placeOrderAsResident(page: Page, options: { title: string; category: string; description?: string; public?: boolean }) {
  await page.getByRole("link", { name: "我要点单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我要点单" })).toBeVisible();
  await page.getByLabel("类别").selectOption({ label: options.category });
  await page.getByLabel("标题").fill(options.title);
  await page.getByLabel("描述").fill(options.description ?? "请社区帮忙代办，谢谢。");
  if (options.public) await page.getByLabel("公开到院落公示栏").check();
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page.getByRole("heading", { level: 1, name: options.title })).toBeVisible();
  return page.url();
}

/** 接单 then 办结 for a category that needs no dispatch (e.g. 便民服务/代办). */
export async function acceptAndComplete(page: Page, orderUrl: string, note: string) {
  await page.goto(orderUrl);
  await page.getByRole("button", { name: "接单" }).click();
  await expect(page.getByText("办理中").first()).toBeVisible();
  await page.getByRole("button", { name: "办结", exact: true }).click();
  await page.getByLabel("办结说明").fill(note);
  await page.getByRole("button", { name: "确认办结" }).click();
  await expect(page.getByText("待评价").first()).toBeVisible();
}

/** The requester's rating: the same score ("1 非常不满意" … "5 非常满意") on all four dimensions. */
export async function rateAll(page: Page, orderUrl: string, score: string, comment: string) {
  await page.goto(orderUrl);
  for (const dimension of ["目标实现度", "时间安排", "形式内容", "工作人员表现"]) {
    await page.getByRole("group", { name: dimension }).getByLabel(score).check();
  }
  await page.getByLabel("评价内容").fill(comment);
  await page.getByRole("button", { name: "提交评价" }).click();
}
