// One-time passwords as the administrator hands them out (issue 10, item 1): the demo
// administrator imports two residents, sees a slip for each with its own password, prints
// them (only the slips reach the printer) and downloads the same as .xlsx; a neighbour's
// password does not open the other's account; a reset gives a new slip and voids the old one.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAndLand } from "./support";

const INVALID = "手机号或密码不正确，请重新输入。";
const SECRET = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;
const csv = (rows: string[]) => Buffer.from(`\uFEFF${["姓名,手机号,小区名称,楼栋号,单元,房号", ...rows].join("\r\n")}\r\n`, "utf8");
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** The slips of the preview, as the administrator reads them. */
async function slipsShown(page: Page) {
  const slips = page.getByTestId("slip-preview").getByTestId("slip");
  return Promise.all(
    (await slips.all()).map(async (slip) => ({
      name: (await slip.locator("[data-slip=name]").textContent())!,
      phone: (await slip.locator("[data-slip=phone]").textContent())!,
      password: (await slip.locator("[data-slip=password]").textContent())!,
    })),
  );
}

test("an import gives each resident a slip of their own, to print and to download", async ({ browser }) => {
  test.setTimeout(120_000);
  const run = crypto.randomInt(1e6).toString().padStart(6, "0");
  const people = [
    { name: "周一邻", phone: `168${run}01` },
    { name: "周二邻", phone: `168${run}02` },
  ];
  const admin = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signInAndLand(admin, "13800000005", "/admin");
  await admin.goto("/admin/import");
  await admin.getByRole("radio", { name: /居民/ }).check();
  await admin.getByLabel("导入到哪个社区").selectOption({ label: "锦华路街道 · 柳江社区" });
  await admin.getByLabel("选择文件").setInputFiles({
    name: "居民.csv",
    mimeType: "text/csv",
    buffer: csv(people.map((p, i) => `${p.name},${p.phone},府河小区,1栋,1,${701 + i}`)),
  });
  await admin.getByRole("button", { name: "检查文件" }).click();
  await admin.getByRole("button", { name: "确认导入（2 条）" }).click();
  await expect(admin.getByRole("heading", { name: "导入完成" })).toBeVisible();

  // On screen: one slip per person, each with a password of its own and a masked number.
  await expect(admin.getByRole("heading", { name: "临时密码（只显示这一次）" })).toBeVisible();
  const slips = await slipsShown(admin);
  expect(slips.map((s) => s.name).sort()).toEqual(people.map((p) => p.name).sort());
  for (const p of people) expect(slips.find((s) => s.name === p.name)!.phone).toBe(masked(p.phone));
  for (const s of slips) expect(s.password).toMatch(SECRET);
  expect(new Set(slips.map((s) => s.password)).size).toBe(2);
  expect(await admin.content()).not.toContain(people[0].phone);
  const secretOf = (p: { name: string }) => slips.find((s) => s.name === p.name)!.password;

  // Printed: the slips alone, ten to an A4 page, with how to sign in.
  await admin.emulateMedia({ media: "print" });
  const sheet = admin.getByTestId("print-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("slip")).toHaveCount(2);
  await expect(sheet.getByTestId("slip").first()).toContainText("/login");
  await expect(admin.getByRole("heading", { name: "导入完成" })).toBeHidden();
  await expect(admin.getByRole("navigation").first()).toBeHidden();
  const slipBox = await sheet.getByTestId("slip").first().locator("xpath=..").boundingBox();
  expect(Math.round(slipBox!.width / (96 / 25.4))).toBe(95); // 95 mm: two slips across an A4 page
  await admin.emulateMedia({ media: "screen" });
  await expect(sheet).toBeHidden();

  // Downloaded: the same people and passwords, masked numbers, no full number.
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "下载 Excel（.xlsx）" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile((await download.path())!)) as unknown as ArrayBuffer);
  const rows = (workbook.getWorksheet("临时密码")!.getSheetValues() as unknown[][]).slice(2).map((r) => r.slice(1, 5));
  for (const p of people) expect(rows).toContainEqual([p.name, masked(p.phone), expect.stringContaining("府河小区 1栋"), secretOf(p)]);
  expect(JSON.stringify(rows)).not.toContain(people[0].phone);

  // A neighbour's password does not open the account; one's own does, and must be replaced first.
  const [first, second] = people;
  const resident = await (await browser.newContext()).newPage();
  await signIn(resident, first.phone, secretOf(second));
  await expect(resident.getByText(INVALID)).toBeVisible();
  await signIn(resident, first.phone, secretOf(first));
  await expect(resident).toHaveURL(/\/account\/password$/);
  await resident.goto("/resident");
  await expect(resident).toHaveURL(/\/account\/password$/);

  // A reset from the person's page: a new slip; the old password stops working.
  await admin.goto(`/admin/people?q=${second.phone}`);
  await admin.getByRole("link", { name: second.name }).click();
  await admin.getByRole("button", { name: "重置密码" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "重置密码" }).click();
  await expect(admin.getByRole("dialog").getByTestId("slip-preview")).toBeVisible();
  const [reset] = await slipsShown(admin);
  expect(reset).toMatchObject({ name: second.name, phone: masked(second.phone) });
  expect(reset.password).toMatch(SECRET);
  expect(reset.password).not.toBe(secretOf(second));
  await expect(admin.getByRole("dialog").getByRole("button", { name: "打印登录通知单（1 张）" })).toBeVisible();
  const other = await (await browser.newContext()).newPage();
  await signIn(other, second.phone, secretOf(second));
  await expect(other.getByText(INVALID)).toBeVisible();
  await signIn(other, second.phone, reset.password);
  await expect(other).toHaveURL(/\/account\/password$/);
});
