import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/actor";
import { checkCredentials, endSession } from "@/server/auth/sign-in";
import { db } from "@/server/db/client";
import { buildMap, createUser, DEFAULT_PASSWORD, uniquePhone } from "../support/factories";

const address = () => `10.9.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

describe("signing in with phone number and password", () => {
  it("opens a session whose actor carries the roles from the database", async () => {
    const map = await buildMap();
    const user = await createUser({ roles: [{ role: "GRID_WORKER", gridId: map.A1.id }] });
    const result = await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, address());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const actor = await loadActor(result.sessionId);
    expect(actor?.userId).toBe(user.id);
    expect(actor?.roles).toEqual([{ role: "GRID_WORKER", gridId: map.A1.id, communityId: null, courtyardId: null }]);
  });

  it("answers a wrong password and an unknown number identically", async () => {
    const user = await createUser({});
    const wrong = await checkCredentials({ phone: user.phone, password: "not-the-password" }, address());
    const unknown = await checkCredentials({ phone: uniquePhone(), password: DEFAULT_PASSWORD }, address());
    const malformed = await checkCredentials({ phone: "12", password: DEFAULT_PASSWORD }, address());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(malformed).toEqual(wrong);
  });

  it("stores passwords as argon2id hashes of at least 46 MiB", async () => {
    const user = await createUser({});
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=\d+,p=\d+\$/);
    expect(Number(user.passwordHash.match(/m=(\d+)/)![1])).toBeGreaterThanOrEqual(46 * 1024);
  });

  it("locks a number after ten failures in all, from however many addresses, even for the right password", async () => {
    const user = await createUser({});
    for (let i = 0; i < 10; i++) {
      expect(await checkCredentials({ phone: user.phone, password: `wrong-${i}` }, address())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, address())).toEqual({ ok: false, reason: "throttled" });
  });

  it("forgives the owner's typos once they are in", async () => {
    const user = await createUser({});
    const from = address();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) await checkCredentials({ phone: user.phone, password: `typo-${i}` }, from);
      expect((await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, from)).ok, `round ${round + 1}`).toBe(true);
    }
  });

  it("throttles one client trying fifty numbers, an IPv6 client by its /64", async () => {
    const network = `2001:db8:${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}`;
    for (let i = 0; i < 50; i++) {
      expect(await checkCredentials({ phone: uniquePhone(), password: "Spray#2026" }, `${network}::${i + 1}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials({ phone: uniquePhone(), password: "Spray#2026" }, `${network}::abcd`)).toEqual({ ok: false, reason: "throttled" });
    expect(await checkCredentials({ phone: uniquePhone(), password: "Spray#2026" }, address())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled account and ends its open sessions at the next request", async () => {
    const user = await createUser({ roles: [{ role: "ADMIN" }] });
    const result = await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, address());
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadActor(result.sessionId)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(result.sessionId)).toBeNull();
    expect(await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, address())).toEqual({ ok: false, reason: "invalid" });
  });

  it("sees a changed role on the next request", async () => {
    const map = await buildMap();
    const user = await createUser({ roles: [{ role: "RESIDENT", courtyardId: map.a1.id }] });
    const result = await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, address());
    if (!result.ok) throw new Error("sign-in failed");
    await db.roleAssignment.updateMany({ where: { userId: user.id }, data: { courtyardId: map.a2.id } });
    expect((await loadActor(result.sessionId))?.roles[0].courtyardId).toBe(map.a2.id);
    await db.roleAssignment.deleteMany({ where: { userId: user.id } });
    expect((await loadActor(result.sessionId))?.roles).toEqual([]);
  });

  it("ends the session on sign-out, whatever the cookie still says", async () => {
    const user = await createUser({});
    const result = await checkCredentials({ phone: user.phone, password: DEFAULT_PASSWORD }, address());
    if (!result.ok) throw new Error("sign-in failed");
    await endSession(result.sessionId);
    expect(await loadActor(result.sessionId)).toBeNull();
    expect(await loadActor("made-up-session-id")).toBeNull();
  });
});
