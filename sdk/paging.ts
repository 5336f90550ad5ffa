/**
 * Reading every page of a list endpoint. The API's page-size maximum and offset conventions are not
 * documented, so the loop trusts no single signal: it keeps going while the answered `paging` says more
 * remain, and stops on an empty page or a page that adds no new id, so it never loops forever and never
 * stops early because the server answered fewer rows than asked for.
 */
import { RealtimeKitError } from "./errors";
import { displayPath } from "./path";
import type { Page } from "./types";

/** Pages read before `collectPages` gives up (100,000 rows at 100 a page): a guard, never reached normally. */
export const MAX_PAGES = 1000;

/** Page size every `listAll` asks for when none is given: the largest size known to work. */
export const DEFAULT_LIST_ALL_PER_PAGE = 100;

/**
 * Reads pages 1, 2, … of the list at `path` through `fetchPage`, `perPage` rows a page (default
 * {@link DEFAULT_LIST_ALL_PER_PAGE}), and returns every item once (by `id`), in answer order. Stops when a
 * page is empty, adds no new id, or its `endOffset` reaches `totalCount`. A short page alone is not the
 * end: a server that caps `per_page` answers short pages while `endOffset < totalCount`.
 */
export async function collectPages<T extends { id: string }>(
  fetchPage: (pageNo: number, perPage: number) => Promise<Page<T>>,
  path: readonly string[],
  perPage: number = DEFAULT_LIST_ALL_PER_PAGE,
): Promise<T[]> {
  const seen = new Set<string>();
  const items: T[] = [];
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    const page = await fetchPage(pageNo, perPage);
    const fresh = page.items.filter((item) => !seen.has(item.id));
    for (const item of fresh) {
      seen.add(item.id);
      items.push(item);
    }
    const done = page.paging.endOffset >= page.paging.totalCount || items.length >= page.paging.totalCount;
    if (fresh.length === 0 || done) return items;
  }
  throw new RealtimeKitError(
    { method: "GET", path: displayPath(path) },
    `still more pages after ${MAX_PAGES}; refusing to return a partial list`,
  );
}
