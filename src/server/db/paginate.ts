// One page of a list and where it sits among all pages.
export type Paged<T> = { items: T[]; page: number; pages: number; total: number };
export type PageWindow = { skip: number; take: number };

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
