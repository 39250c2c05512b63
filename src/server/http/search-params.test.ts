import { describe, expect, it } from "vitest";
import { z } from "zod";
import { field, firstValues, MAX_PAGE, pageOf, parseSearchParams } from "./search-params";

const schema = z.object({ q: field.text(10), status: field.oneOf(["OPEN", "DONE"], undefined), id: field.id(), page: field.page() });

describe("query strings", () => {
  it("keeps the first of repeated values, trimmed, without control characters", () => {
    expect(firstValues({ q: [" a\u0000b ", "second"], n: undefined })).toEqual({ q: "ab" });
    expect(firstValues(new URLSearchParams("q=x&q=y&z=%00"))).toEqual({ q: "x", z: "" });
  });

  it("falls back to page 1 for anything but a whole number from 1 to the cap", () => {
    for (const bad of ["1e308", "-1", "0", "NaN", "99999999999999999999", "2.5", "", "abc", String(MAX_PAGE + 1)]) {
      expect(pageOf({ page: bad }), bad).toBe(1);
    }
    expect(pageOf({ page: "7" })).toBe(7);
    expect(pageOf({ page: ["3", "9"] })).toBe(3);
  });

  it("gives each field its default instead of throwing", () => {
    expect(parseSearchParams(schema, { q: "x".repeat(500), status: "NOPE", id: "a b'; --", page: "1e308" })).toEqual({ q: "x".repeat(10), status: undefined, id: undefined, page: 1 });
    expect(parseSearchParams(schema, {})).toEqual({ q: "", status: undefined, id: undefined, page: 1 });
    expect(parseSearchParams(schema, { status: "DONE", id: "cmx_12-ab", page: "2" })).toEqual({ q: "", status: "DONE", id: "cmx_12-ab", page: 2 });
  });
});
