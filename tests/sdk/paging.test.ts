import { RealtimeKitError } from "../../sdk/errors";
import { DEFAULT_LIST_ALL_PER_PAGE, MAX_PAGES, collectPages } from "../../sdk/paging";
import type { Page } from "../../sdk/types";

type Row = { id: string };

/** A server over `total` rows that answers at most `cap` rows a page, with 1-based inclusive offsets. */
function pagedServer(total: number, perPage: number, options: { cap?: number; reportedTotal?: number } = {}) {
  const rows: Row[] = Array.from({ length: total }, (_, i) => ({ id: `r${i + 1}` }));
  const size = Math.min(perPage, options.cap ?? perPage);
  const requested: number[] = [];
  const fetchPage = async (pageNo: number): Promise<Page<Row>> => {
    requested.push(pageNo);
    const items = rows.slice((pageNo - 1) * size, pageNo * size);
    const start = items.length === 0 ? 0 : (pageNo - 1) * size + 1;
    return {
      items,
      paging: {
        totalCount: options.reportedTotal ?? total,
        startOffset: start,
        endOffset: items.length === 0 ? 0 : start + items.length - 1,
      },
    };
  };
  return { fetchPage, requested };
}

describe("collectPages", () => {
  test.each([
    [0, 100, 1],
    [1, 100, 1],
    [99, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [200, 100, 2],
    [250, 100, 3],
  ])("reads %i rows at %i a page in %i request(s), each row once", async (total, perPage, pages) => {
    const server = pagedServer(total, perPage);
    const rows = await collectPages(server.fetchPage, ["meetings"]);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: total }, (_, i) => `r${i + 1}`));
    expect(server.requested).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  });

  test("asks for DEFAULT_LIST_ALL_PER_PAGE (100) rows a page unless given a page size", async () => {
    expect(DEFAULT_LIST_ALL_PER_PAGE).toBe(100);
    const asked: number[] = [];
    const fetchPage = (total: number) => async (pageNo: number, perPage: number) => {
      asked.push(perPage);
      return pagedServer(total, perPage).fetchPage(pageNo);
    };
    expect(await collectPages(fetchPage(150), ["meetings"])).toHaveLength(150);
    expect(await collectPages(fetchPage(150), ["meetings"], undefined)).toHaveLength(150);
    expect(await collectPages(fetchPage(150), ["meetings"], 50)).toHaveLength(150);
    expect(asked).toEqual([100, 100, 100, 100, 50, 50, 50]);
  });

  test("keeps going after a short page while paging says more rows remain (a capped page size)", async () => {
    const server = pagedServer(250, 100, { cap: 50 });
    const rows = await collectPages(server.fetchPage, ["meetings"]);
    expect(rows).toHaveLength(250);
    expect(server.requested).toEqual([1, 2, 3, 4, 5]);
  });

  test("stops at the first empty page when total_count overstates the rows", async () => {
    const server = pagedServer(150, 100, { reportedTotal: 10_000 });
    const rows = await collectPages(server.fetchPage, ["meetings"]);
    expect(rows).toHaveLength(150);
    expect(server.requested).toEqual([1, 2, 3]);
  });

  test("stops when a page repeats (a server that ignores page_no), without duplicates", async () => {
    const requested: number[] = [];
    const rows = await collectPages(
      async (pageNo) => {
        requested.push(pageNo);
        return {
          items: [{ id: "a" }, { id: "b" }],
          paging: { totalCount: 10, startOffset: 1, endOffset: 2 },
        };
      },
      ["meetings"],
    );
    expect(rows).toEqual([{ id: "a" }, { id: "b" }]);
    expect(requested).toEqual([1, 2]);
  });

  test("keeps the new rows of a page that overlaps the previous one", async () => {
    const pages: Row[][] = [[{ id: "a" }, { id: "b" }], [{ id: "b" }, { id: "c" }], []];
    const rows = await collectPages(
      async (pageNo) => ({
        items: pages[pageNo - 1],
        paging: { totalCount: 3, startOffset: 1, endOffset: 2 },
      }),
      ["meetings"],
    );
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  test("gives up with an error, not a partial list, after MAX_PAGES pages", async () => {
    let served = 0;
    const error = await collectPages(
      async (pageNo) => {
        served++;
        return {
          items: [{ id: `p${pageNo}` }],
          paging: { totalCount: 1e9, startOffset: pageNo, endOffset: pageNo },
        };
      },
      ["meetings", "m-1", "participants"],
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect((error as Error).message).toMatch(/^RealtimeKit GET \/meetings\/m-1\/participants failed: /);
    expect(served).toBe(MAX_PAGES);
  });
});
