import { callApi, createMeeting, useEmulator } from "../helpers/emulator";
import type { EmulatorControl } from "../../emulator";

const emu = useEmulator();

/** Adds `count` participants directly through the API, numbered from 1. */
async function addMany(meetingId: string, count: number): Promise<void> {
  for (let index = 1; index <= count; index++) {
    const result = await callApi(emu, "POST", `/meetings/${meetingId}/participants`, {
      custom_participant_id: `user-${index}`,
      preset_name: "group_call_participant",
    });
    if (result.status !== 201) throw new Error(`add failed: ${result.status}`);
  }
}

async function page(meetingId: string, query: string) {
  const result = await callApi(emu, "GET", `/meetings/${meetingId}/participants${query}`);
  expect(result.status).toBe(200);
  return {
    ids: (result.body.data as { custom_participant_id: string }[]).map((row) => row.custom_participant_id),
    paging: result.body.paging,
  };
}

describe("paging of lists", () => {
  test("an empty meeting answers no rows, total 0 and offsets 0", async () => {
    const meetingId = await createMeeting(emu);

    expect(await page(meetingId, "")).toEqual({
      ids: [],
      paging: { total_count: 0, start_offset: 0, end_offset: 0 },
    });
  });

  test("offsets are 1-based and inclusive and the default page size is 20", async () => {
    const meetingId = await createMeeting(emu);
    await addMany(meetingId, 25);

    const first = await page(meetingId, "");
    const second = await page(meetingId, "?page_no=2");

    expect(first.ids).toHaveLength(20);
    expect(first.paging).toEqual({ total_count: 25, start_offset: 1, end_offset: 20 });
    expect(second.ids).toEqual(["user-21", "user-22", "user-23", "user-24", "user-25"]);
    expect(second.paging).toEqual({ total_count: 25, start_offset: 21, end_offset: 25 });
  });

  test("an exact multiple of per_page ends with a full page and the next page is empty", async () => {
    const meetingId = await createMeeting(emu);
    await addMany(meetingId, 10);

    const last = await page(meetingId, "?page_no=2&per_page=5");
    const past = await page(meetingId, "?page_no=3&per_page=5");

    expect(last.ids).toEqual(["user-6", "user-7", "user-8", "user-9", "user-10"]);
    expect(last.paging).toEqual({ total_count: 10, start_offset: 6, end_offset: 10 });
    expect(past).toEqual({ ids: [], paging: { total_count: 10, start_offset: 0, end_offset: 0 } });
  });

  test("250 participants come back in three pages at per_page 100, each exactly once", async () => {
    const meetingId = await createMeeting(emu);
    await addMany(meetingId, 250);

    const pages = [
      await page(meetingId, "?page_no=1&per_page=100"),
      await page(meetingId, "?page_no=2&per_page=100"),
      await page(meetingId, "?page_no=3&per_page=100"),
    ];

    expect(pages.map((p) => p.paging)).toEqual([
      { total_count: 250, start_offset: 1, end_offset: 100 },
      { total_count: 250, start_offset: 101, end_offset: 200 },
      { total_count: 250, start_offset: 201, end_offset: 250 },
    ]);
    const ids = pages.flatMap((p) => p.ids);
    expect(new Set(ids).size).toBe(250);
    expect(ids[249]).toBe("user-250");
  });

  test("per_page above 100 is capped at 100", async () => {
    const meetingId = await createMeeting(emu);
    await addMany(meetingId, 120);

    const result = await page(meetingId, "?per_page=500");

    expect(result.ids).toHaveLength(100);
    expect(result.paging).toEqual({ total_count: 120, start_offset: 1, end_offset: 100 });
  });

  test("page_no 0 and per_page 0 mean the defaults", async () => {
    const meetingId = await createMeeting(emu);
    await addMany(meetingId, 3);

    expect((await page(meetingId, "?page_no=0&per_page=0")).paging).toEqual({
      total_count: 3,
      start_offset: 1,
      end_offset: 3,
    });
  });

  test.each(["?page_no=-1", "?per_page=abc", "?page_no=1.5"])("%s answers 400", async (query) => {
    const meetingId = await createMeeting(emu);

    const result = await callApi(emu, "GET", `/meetings/${meetingId}/participants${query}`);

    expect(result.status).toBe(400);
    expect((result.body.error as { message: string }).message).toMatch(/must be a non-negative integer/);
  });

  test("meeting, preset and app lists page the same way", async () => {
    for (let index = 0; index < 3; index++) await createMeeting(emu, { title: `m${index}` });
    const control: EmulatorControl = emu.control;
    expect(control.snapshot().meetings).toHaveLength(3);

    const meetings = await callApi(emu, "GET", "/meetings?per_page=2&page_no=2");
    const presets = await callApi(emu, "GET", "/presets?per_page=3");
    const apps = await callApi(emu, "GET", `/accounts/${emu.accountId}/realtime/kit/apps?per_page=1`);

    expect(meetings.body.paging).toEqual({ total_count: 3, start_offset: 3, end_offset: 3 });
    expect(presets.body.paging).toEqual({ total_count: 4, start_offset: 1, end_offset: 3 });
    expect(apps.body.paging).toEqual({ total_count: 1, start_offset: 1, end_offset: 1 });
  });
});
