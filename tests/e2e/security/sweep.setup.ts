// Before the sweep: the fixture records, a session for every caller, and the fingerprint of
// every table that the sweep's GETs must leave as they are.
import fs from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { callerKeys, callers, createFixture, fingerprint, withDb } from "./fixtures";
import { fingerprintFile, signInOverHttp, storageStateOf, sweepStateDir } from "./sessions";

setup("fixture records, sessions and the fingerprint", async ({ playwright, baseURL }) => {
  setup.setTimeout(180_000);
  fs.mkdirSync(sweepStateDir, { recursive: true });
  await withDb((db) => createFixture(db));
  for (const caller of callerKeys) {
    const phone = callers[caller];
    if (!phone) continue;
    const request = await playwright.request.newContext({ baseURL });
    const { status } = await signInOverHttp(request, phone);
    expect(status, `sign-in of ${caller}`).toBe(302);
    const state = await request.storageState({ path: storageStateOf(caller) });
    expect(
      state.cookies.some((c) => c.name.endsWith("authjs.session-token")),
      `session of ${caller}`,
    ).toBe(true);
    await request.dispose();
  }
  fs.writeFileSync(fingerprintFile, JSON.stringify(await withDb(fingerprint), null, 1));
});
