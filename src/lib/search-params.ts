// Query strings of pages and route handlers, parsed in one place, and the paging of every list
// they ask for. An address is typed, pasted, edited and probed by hand: every field falls back
// to its default when its value is missing, repeated, malformed, absurd (page=1e308) or carries
// characters PostgreSQL refuses (NUL), so a bad query string shows the default view, never an
// error page. A listing page parses `page` here, reads its rows through paginate(), and links
// its neighbours with <Pagination> (src/components/ui/pagination.tsx), which writes the query
// string back with queryString().
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The longest value any field keeps; a search box needs far less. */
const MAX_VALUE = 200;
/** Past this, a page number is a typo or a probe: page 1 it is. */
export const MAX_PAGE = 100_000;

// Control characters (NUL first) never belong in a query value.
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The first value of each parameter, without control characters, trimmed and capped. */
export function firstValues(input: SearchParams | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  const keep = (key: string, value: string) => {
    out[key] ??= value.replace(CONTROL, "").trim().slice(0, MAX_VALUE);
  };
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) keep(k, v);
  } else {
    for (const [k, v] of Object.entries(input)) {
      const value = Array.isArray(v) ? v[0] : v;
      if (typeof value === "string") keep(k, value);
    }
  }
  return out;
}

/** Field kinds, each with its fallback built in. */
export const field = {
  page: () => z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  /** Free text (a search box), at most `max` characters; "" when absent. */
  text: (max: number) =>
    z
      .string()
      .transform((v) => v.slice(0, max))
      .catch(""),
  /** A record id: letters, digits, _ and -; undefined otherwise. */
  id: () =>
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional()
      .catch(undefined),
  /** One of the values, or the fallback (undefined: none chosen). */
  oneOf: <const T extends readonly [string, ...string[]], F extends T[number] | undefined>(values: T, fallback: F) =>
    z.enum(values).catch(fallback as T[number]) as unknown as z.ZodType<T[number] | F>,
  /** A value the check accepts (a calendar day, a month), undefined otherwise. */
  valid: (check: (value: string) => boolean) => z.string().refine(check).optional().catch(undefined),
};

const pageOnly = z.object({ page: field.page() });

/** The page number of a paged list: a whole number from 1 to MAX_PAGE, else 1. */
export const pageOf = (input: SearchParams | URLSearchParams): number => pageOnly.parse(firstValues(input)).page;

/** The query string as the schema's fields; never throws when every field has its fallback. */
export function parseSearchParams<S extends z.ZodObject>(schema: S, input: SearchParams | URLSearchParams): z.infer<S> {
  return schema.parse(firstValues(input));
}

/** The parameters as a query string, leaving out those without a value (no `?`). */
export function queryString(params: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
}

/** One page of a list and where it sits among all pages. */
export type Paged<T> = { items: T[]; page: number; pages: number; total: number };
type PageWindow = { skip: number; take: number };

/**
 * Counts and reads the asked page together; a page past the end (a stale link after rows went
 * away) answers the last page rather than an empty one.
 */
export async function paginate<T>(page: number, size: number, count: () => Promise<number>, rows: (window: PageWindow) => Promise<T[]>): Promise<Paged<T>> {
  const asked = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const [total, items] = await Promise.all([count(), rows({ skip: (asked - 1) * size, take: size })]);
  const pages = Math.max(1, Math.ceil(total / size));
  if (asked <= pages) return { items, page: asked, pages, total };
  return { items: await rows({ skip: (pages - 1) * size, take: size }), page: pages, pages, total };
}
