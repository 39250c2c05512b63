// Query strings of pages and route handlers, parsed in one place. An address is typed, pasted,
// edited and probed by hand: every field falls back to its default when its value is missing,
// repeated, malformed, absurd (page=1e308) or carries characters PostgreSQL refuses (NUL), so a
// bad query string shows the default view, never an error page.
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
  text: (max: number) => z.string().transform((v) => v.slice(0, max)).catch(""),
  /** A record id: letters, digits, _ and -; undefined otherwise. */
  id: () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  /** One of the values, or the fallback (undefined: none chosen). */
  oneOf: <const T extends readonly [string, ...string[]], F extends T[number] | undefined>(values: T, fallback: F) =>
    z.enum(values).catch(fallback as T[number]) as unknown as z.ZodType<T[number] | F>,
};

const pageOnly = z.object({ page: field.page() });

/** The page number of a paged list: a whole number from 1 to MAX_PAGE, else 1. */
export const pageOf = (input: SearchParams | URLSearchParams): number => pageOnly.parse(firstValues(input)).page;

/** The query string as the schema's fields; never throws when every field has its fallback. */
export function parseSearchParams<S extends z.ZodObject>(schema: S, input: SearchParams | URLSearchParams): z.infer<S> {
  return schema.parse(firstValues(input));
}
