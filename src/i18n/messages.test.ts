import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("English has exactly the keys Chinese has", async () => {
    const [zh, en] = await Promise.all([loadMessages("zh-CN"), loadMessages("en")]);
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});
