// Sign-in throttling over HTTP against the portal as `npm start` serves it: the address it counts
// is the socket's, or a trusted proxy's account of the client — never what a client writes in
// X-Forwarded-For. Each test calls from a loopback address of its own (127.x.y.z), so that its
// failures count against no other test.
import crypto from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { buildActions, encodeArgs, formData, type ManifestEntry } from "../security/actions-wire";
import { startPortal, type Portal } from "./portal";

const DEMO_PASSWORD = "Linli@2026";
type Outcome = "invalid" | "throttled" | "signed-in";

let signInAction: ManifestEntry;
let pool: pg.Pool;
let direct: Portal;
let proxied: Portal;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  signInAction = buildActions().find((a) => a.exportedName === "signInAction")!;
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  [direct, proxied] = await Promise.all([
    startPortal(),
    // nginx on the same machine: loopback is the proxy, X-Forwarded-For names the client.
    startPortal({ env: { LINLI_TRUSTED_PROXIES: "loopback" } }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
  await pool?.end();
});

const byte = () => crypto.randomInt(1, 255);
/** A loopback address no other test calls from. */
const loopback = () => `127.${byte()}.${byte()}.${byte()}`;
const freshPhone = () => `165${String(crypto.randomInt(1e8)).padStart(8, "0")}`;
const documentationV6 = () => `2001:db8:${crypto.randomBytes(2).toString("hex")}:${crypto.randomBytes(2).toString("hex")}`;

/** A person with the demo password and no role. */
async function person(): Promise<string> {
  const phone = freshPhone();
  await pool.query(
    `INSERT INTO "User" (id, phone, name, "passwordHash", "updatedAt")
     SELECT $1, $2, '限流测试', "passwordHash", now() FROM "User" WHERE phone = '13800000001'`,
    [`ops_${crypto.randomUUID()}`, phone],
  );
  return phone;
}

/** One sign-in through the form's server action, from `from`, with whatever headers the caller adds. */
async function signIn(portal: Portal, from: string, phone: string, password: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const { body, contentType } = await encodeArgs([{}, formData({ phone, password })]);
  const url = new URL("/login", portal.url);
  const answer = await new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        localAddress: from,
        headers: {
          "next-action": signInAction.id,
          accept: "text/x-component",
          "content-type": contentType,
          "content-length": body.length,
          origin: portal.url,
          connection: "close",
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve({ headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
  if (answer.headers["x-action-redirect"]) return "signed-in";
  if (answer.text.includes('"error":"throttled"')) return "throttled";
  if (answer.text.includes('"error":"invalid"')) return "invalid";
  throw new Error(`unexpected answer: ${answer.text.slice(0, 300)}`);
}

/** `count` failing sign-ins, a few at a time as a sprayer would send them; each must be refused as invalid. */
async function spray(count: number, attempt: (n: number) => Promise<Outcome>) {
  for (let start = 0; start < count; start += 5) {
    const batch = Array.from({ length: Math.min(5, count - start) }, (_, i) => start + i);
    const outcomes = await Promise.all(batch.map(attempt));
    outcomes.forEach((outcome, i) => expect(outcome, `number ${batch[i] + 1}`).toBe("invalid"));
  }
}

/** What a client can write about itself: a new made-up address in every forwarding header. */
const forged = (n: number) => ({
  "x-forwarded-for": `10.${n % 250}.${byte()}.${byte()}`,
  "x-real-ip": `10.${n % 250}.${byte()}.${byte()}`,
  forwarded: `for=10.${n % 250}.${byte()}.${byte()}`,
});

test.describe("with no proxy in front", () => {
  test("a new forged X-Forwarded-For on every try still locks a number after ten failures", async () => {
    const phone = await person();
    const from = loopback();
    for (let n = 0; n < 10; n++) expect(await signIn(direct, from, phone, `Wrong#${n}`, forged(n)), `try ${n + 1}`).toBe("invalid");
    expect(await signIn(direct, from, phone, DEMO_PASSWORD, forged(10)), "the right password after ten failures").toBe("throttled");
  });

  test("one client spraying fifty numbers is throttled, whatever address it claims", async () => {
    const from = loopback();
    await spray(50, (n) => signIn(direct, from, freshPhone(), "Spray#2026", forged(n)));
    expect(await signIn(direct, from, freshPhone(), "Spray#2026", forged(50)), "the 51st number").toBe("throttled");
    // The client is throttled, not everyone: another address still gets an answer.
    expect(await signIn(direct, loopback(), freshPhone(), "Spray#2026")).toBe("invalid");
  });
});

test.describe("behind a trusted proxy (LINLI_TRUSTED_PROXIES)", () => {
  test("a number takes ten guesses in all, however many client addresses they come from", async () => {
    const phone = await person();
    const proxy = loopback();
    for (let n = 0; n < 10; n++) {
      expect(await signIn(proxied, proxy, phone, `Wrong#${n}`, { "x-forwarded-for": `203.0.113.${n + 1}` }), `try ${n + 1}`).toBe("invalid");
    }
    expect(await signIn(proxied, proxy, phone, DEMO_PASSWORD, { "x-forwarded-for": "203.0.113.99" })).toBe("throttled");
  });

  test("the address the proxy saw is counted, not the proxy's nor what the client prepended; an IPv6 client is counted by its /64", async () => {
    const proxy = loopback();
    const network = documentationV6();
    // nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the address it came from.
    const via = (client: string, n: number) => ({ "x-forwarded-for": `10.0.${n % 250}.1, ${client}` });
    await spray(50, (n) => signIn(proxied, proxy, freshPhone(), "Spray#2026", via(`${network}::${(n + 1).toString(16)}`, n)));
    expect(await signIn(proxied, proxy, freshPhone(), "Spray#2026", via(`${network}::ffff`, 50)), "the 51st, from a new address of the same /64").toBe(
      "throttled",
    );
    // Another client behind the same proxy is not throttled.
    expect(await signIn(proxied, proxy, freshPhone(), "Spray#2026", via(`${documentationV6()}::1`, 51))).toBe("invalid");
  });
});
