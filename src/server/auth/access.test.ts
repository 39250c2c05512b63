import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/authz/permissions";
import { refusalOf } from "./access";

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: "u",
  sessionId: "s",
  name: "王秀英",
  phone: "13800000001",
  mustChangePassword: false,
  roles: [{ role: "RESIDENT", communityId: null, gridId: null, courtyardId: "c" }],
  ...over,
});

describe("the entry rule", () => {
  it("signed out (no session, an ended one or a disabled account) comes first", () => {
    expect(refusalOf(null)).toBe("unauthenticated");
    expect(refusalOf(null, { operation: "workspace.admin", allowPendingPasswordChange: true })).toBe("unauthenticated");
  });

  it("a one-time password allows nothing but changing it", () => {
    const pending = actor({ mustChangePassword: true });
    expect(refusalOf(pending)).toBe("mustChangePassword");
    expect(refusalOf(pending, { operation: "workspace.resident" })).toBe("mustChangePassword");
    expect(refusalOf(pending, { allowPendingPasswordChange: true })).toBeNull();
  });

  it("without the operation's role: not found; with it: let through", () => {
    expect(refusalOf(actor(), { operation: "workspace.admin" })).toBe("notFound");
    expect(refusalOf(actor(), { operation: "workspace.resident" })).toBeNull();
    expect(refusalOf(actor())).toBeNull();
  });
});
