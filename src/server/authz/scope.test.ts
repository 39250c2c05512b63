// assertCan's refusals are what a server action shows: a message of the "errors" namespace.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Actor } from "./permissions";
import { assertCan } from "./scope";

const errors = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../messages/zh-CN/errors.json"), "utf8")) as Record<string, unknown>;
const communityAdmin: Actor = {
  userId: "u1",
  sessionId: "s1",
  name: "管理员",
  phone: "13800000009",
  mustChangePassword: false,
  roles: [{ role: "ADMIN", communityId: "C1", gridId: null, courtyardId: null }],
};

describe("assertCan", () => {
  it("refuses a global operation to a community's administrator as not found, with a translated message", () => {
    expect(() => assertCan(communityAdmin, "streets.configure")).toThrow(expect.objectContaining({ code: "not_found", message: "notFound" }));
    expect(typeof errors.notFound).toBe("string");
  });

  it("refuses an anonymous caller with the sign-in message", () => {
    expect(() => assertCan(null, "streets.configure")).toThrow(expect.objectContaining({ code: "unauthenticated", message: "unauthenticated" }));
    expect(typeof errors.unauthenticated).toBe("string");
  });
});
