import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { field, firstValues, MAX_PAGE, pageOf, paginate, parseSearchParams, queryString, type SearchParams } from "./search-params";

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const schema = z.object({ q: field.text(10), status: field.oneOf(["OPEN", "DONE"], undefined), id: field.id(), day: field.valid(isDay), page: field.page() });
const defaults = { q: "", status: undefined, id: undefined, day: undefined, page: 1 };

describe("query strings", () => {
  it("keeps the first of repeated values, trimmed, without control characters", () => {
    expect(firstValues({ q: [" a\u0000b ", "second"], n: undefined })).toEqual({ q: "ab" });
    expect(firstValues(new URLSearchParams("q=x&q=y&z=%00"))).toEqual({ q: "x", z: "" });
  });

  it("falls back to page 1 for anything but a whole number from 1 to the cap", () => {
    for (const bad of ["1e308", "-1", "0", "NaN", "99999999999999999999", "2.5", "", "abc", " ", String(MAX_PAGE + 1)]) {
      expect(pageOf({ page: bad }), bad).toBe(1);
    }
    expect(pageOf({ page: "7" })).toBe(7);
    expect(pageOf({ page: ["3", "9"] })).toBe(3);
    expect(pageOf({ page: [] })).toBe(1);
    expect(pageOf(new URLSearchParams("page=4&page=x"))).toBe(4);
  });

  it("gives each field its default instead of throwing", () => {
    expect(parseSearchParams(schema, { q: "x".repeat(500), status: "NOPE", id: "a b'; --", day: "2026-13", page: "1e308" })).toEqual({
      ...defaults,
      q: "x".repeat(10),
    });
    expect(parseSearchParams(schema, {})).toEqual(defaults);
    expect(parseSearchParams(schema, { status: "DONE", id: "cmx_12-ab", day: "2026-05-01", page: "2" })).toEqual({
      ...defaults,
      status: "DONE",
      id: "cmx_12-ab",
      day: "2026-05-01",
      page: 2,
    });
  });

  it("takes neither a status nor an id from another case, a prefix or a padded value", () => {
    expect(parseSearchParams(schema, { status: "open", id: "x".repeat(65) })).toEqual(defaults);
    expect(parseSearchParams(schema, { status: "DONE\u0000", id: " abc " })).toEqual({ ...defaults, status: "DONE", id: "abc" });
    expect(parseSearchParams(schema, { status: "DONEX", day: "2026-05-01T00:00" })).toEqual(defaults);
  });

  it("never throws, and every value it answers is one the page can use, whatever the query string", () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "binary-ascii", maxLength: 40 }),
      fc.string({ minLength: 190, maxLength: 260 }),
      fc.constantFrom("1e308", "-0", "NaN", "\u0000", "__proto__", "constructor"),
    );
    const query = fc.dictionary(
      fc.constantFrom("q", "status", "id", "day", "page", "__proto__", "other"),
      fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.constant(undefined)),
    );
    fc.assert(
      fc.property(query, (input) => {
        const parsed = parseSearchParams(schema, input as SearchParams);
        return (
          parsed.q.length <= 10 &&
          [undefined, "OPEN", "DONE"].includes(parsed.status) &&
          (parsed.id === undefined || /^[A-Za-z0-9_-]{1,64}$/.test(parsed.id)) &&
          (parsed.day === undefined || isDay(parsed.day)) &&
          Number.isSafeInteger(parsed.page) &&
          parsed.page >= 1 &&
          parsed.page <= MAX_PAGE &&
          pageOf(new URLSearchParams(queryString({ page: String(parsed.page) }))) === parsed.page
        );
      }),
    );
  });

  it("writes a query string back without the empty parameters", () => {
    expect(queryString({ q: "王 秀&英", status: undefined, page: "2", id: "" })).toBe("q=%E7%8E%8B+%E7%A7%80%26%E8%8B%B1&page=2");
    expect(queryString({})).toBe("");
  });
});

const rows = Array.from({ length: 45 }, (_, i) => i);
const read = ({ skip, take }: { skip: number; take: number }) => Promise.resolve(rows.slice(skip, skip + take));

describe("paginate", () => {
  it("answers the asked page with the count of pages", async () => {
    expect(await paginate(2, 20, async () => rows.length, read)).toEqual({ items: rows.slice(20, 40), page: 2, pages: 3, total: 45 });
  });

  it("answers the last page for a page past the end, and page 1 of nothing for an empty list", async () => {
    expect(await paginate(9, 20, async () => rows.length, read)).toEqual({ items: rows.slice(40), page: 3, pages: 3, total: 45 });
    expect(
      await paginate(
        4,
        20,
        async () => 0,
        async () => [],
      ),
    ).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });

  it("reads page 1 for a page number that is not a whole number above 0", async () => {
    for (const bad of [0, -3, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await paginate(bad, 20, async () => rows.length, read), String(bad)).toMatchObject({ page: 1, items: rows.slice(0, 20) });
    }
  });
});
