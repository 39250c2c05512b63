import { afterEach, describe, expect, it, vi } from "vitest";
import { newOneTimeCode, smsSender } from "./sms";

describe("SMS one-time codes", () => {
  afterEach(() => vi.restoreAllMocks());

  it("the development provider logs the code with the number masked", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await smsSender("development").send("13812345678", "042917");
    expect(info).toHaveBeenCalledOnce();
    const line = String(info.mock.calls[0][0]);
    expect(line).toContain("042917");
    expect(line).toContain("138****5678");
    expect(line).not.toContain("13812345678");
  });

  it("codes are six digits", () => {
    for (let i = 0; i < 50; i++) expect(newOneTimeCode()).toMatch(/^\d{6}$/);
  });

  it("an unknown provider is a configuration error, not a silent fallback", () => {
    expect(() => smsSender("carrier-pigeon")).toThrow(/Unknown SMS provider/);
  });
});
