import { describe, expect, it } from "vitest";
import { paginate } from "./paginate";

const rows = Array.from({ length: 45 }, (_, i) => i);
const read = ({ skip, take }: { skip: number; take: number }) => Promise.resolve(rows.slice(skip, skip + take));

describe("paginate", () => {
  it("answers the asked page with the count of pages", async () => {
    expect(await paginate(2, 20, async () => rows.length, read)).toEqual({ items: rows.slice(20, 40), page: 2, pages: 3, total: 45 });
  });

  it("answers the last page for a page past the end, and page 1 of nothing for an empty list", async () => {
    expect(await paginate(9, 20, async () => rows.length, read)).toEqual({ items: rows.slice(40), page: 3, pages: 3, total: 45 });
    expect(await paginate(4, 20, async () => 0, async () => [])).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});
