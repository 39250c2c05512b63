// Before publishing: a resident who ticks "public" while their text holds a phone or a door
// number is told so on the form, and can take it out or keep the order private. Only a browser
// shows this; what the board then publishes is tested in tests/integration/orders/board-privacy.
import { expect, test } from "@playwright/test";
import { signedInAs } from "./support";

test("the order form warns before a phone or a door number goes public", async ({ browser }) => {
  const page = await signedInAs(browser, "13800000001");
  await page.getByRole("link", { name: "我要点单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我要点单" })).toBeVisible();
  const warning = page.getByRole("status", { name: "公开提醒" });

  await page.getByLabel("标题").fill("住1栋1单元302 漏水");
  await page.getByLabel("描述").fill("卫生间一直滴水，请物业来看看。");
  await expect(warning).toBeEmpty(); // private: nothing to warn about

  await page.getByLabel("公开到院落公示栏").check();
  await expect(warning).toContainText("门牌号");
  await expect(warning).not.toContainText("电话号码");

  await page.getByLabel("描述").fill("卫生间一直滴水，请打１３８ ００００ ０００７ 联系我。");
  await expect(warning).toContainText("电话号码和门牌号");

  await page.getByLabel("标题").fill("1栋楼上漏水");
  await page.getByLabel("描述").fill("卫生间一直滴水，请物业来看看。");
  await expect(warning).toBeEmpty();

  await page.getByLabel("描述").fill("我家 302 室漏水");
  await expect(warning).toContainText("门牌号");
  await page.getByLabel("公开到院落公示栏").uncheck();
  await expect(warning).toBeEmpty();
  await page.context().close();
});
