import { randomUUID } from "node:crypto";
import { callApi, createMeeting, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

type Meeting = Record<string, unknown> & { id: string };

async function getMeeting(id: string): Promise<Meeting> {
  const result = await callApi(emu, "GET", `/meetings/${id}`);
  expect(result.status).toBe(200);
  return result.body.data as Meeting;
}

describe("meeting endpoints", () => {
  test("create with an empty body answers 201 with every field at its default and status ACTIVE", async () => {
    const result = await callApi(emu, "POST", "/meetings", {});

    expect(result.status).toBe(201);
    expect(result.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: null,
      record_on_start: false,
      live_stream_on_start: false,
      persist_chat: false,
      summarize_on_end: false,
      transcribe_on_end: false,
      session_keep_alive_time_in_secs: 60,
      status: "ACTIVE",
      created_at: expect.any(String),
      updated_at: expect.any(String),
      ai_config: {
        summarization: { summary_type: "general", text_format: "markdown", word_limit: 500 },
        transcription: { keywords: [], language: "en-US", profanity_filter: false },
      },
      recording_config: {
        video_config: { codec: "H264", width: 1280, height: 720, export_file: true },
        audio_config: { codec: "AAC", channel: "stereo", export_file: true },
        storage_config: null,
        realtimekit_bucket_config: { enabled: true },
      },
    });
  });

  test("create without any body works too", async () => {
    const response = await fetch(`${emu.appUrl}/meetings`, {
      method: "POST",
      headers: { authorization: `Bearer ${emu.apiToken}` },
    });

    expect(response.status).toBe(201);
  });

  test("create keeps the given fields and merges nested ones over the defaults", async () => {
    const result = await callApi(emu, "POST", "/meetings", {
      title: "Weekly",
      record_on_start: true,
      persist_chat: true,
      session_keep_alive_time_in_secs: 600,
      ai_config: { summarization: { word_limit: 150 } },
    });

    expect(result.body.data).toMatchObject({
      title: "Weekly",
      record_on_start: true,
      persist_chat: true,
      session_keep_alive_time_in_secs: 600,
      ai_config: { summarization: { summary_type: "general", word_limit: 150 } },
    });
  });

  test.each([
    [
      { session_keep_alive_time_in_secs: 59 },
      '"session_keep_alive_time_in_secs" must be greater than or equal to 60',
    ],
    [
      { session_keep_alive_time_in_secs: 601 },
      '"session_keep_alive_time_in_secs" must be less than or equal to 600',
    ],
    [{ title: 5 }, '"title" must be a string'],
    [{ record_on_start: "yes" }, '"record_on_start" must be a boolean'],
    [{ persist_chat: null }, '"persist_chat" must be a boolean'],
    [{ status: "INACTIVE" }, '"status" is not allowed'],
    [{ preferred_region: "us-east-1" }, '"preferred_region" is not allowed'],
    [
      { ai_config: { summarization: { word_limit: 100 } } },
      '"ai_config.summarization.word_limit" must be greater than or equal to 150',
    ],
    [
      { ai_config: { transcription: { language: "xx" } } },
      '"ai_config.transcription.language" must be one of [en-US, en-IN, de, hi, sv, ru, pl, el, fr, nl]',
    ],
    [
      { recording_config: { video_config: { codec: "AV1" } } },
      '"recording_config.video_config.codec" must be one of [H264, VP8]',
    ],
    [
      { recording_config: { storage_config: { bucket: "b" } } },
      '"recording_config.storage_config.type" is required',
    ],
    [
      { recording_config: { live_streaming_config: { rtmp_url: "nope" } } },
      '"recording_config.live_streaming_config.rtmp_url" must be a valid uri with a scheme matching the http|https pattern',
    ],
  ])("create rejects %j with 400", async (body, message) => {
    const result = await callApi(emu, "POST", "/meetings", body);

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ success: false, error: { code: 400, message } });
  });

  test("get answers 404 for an unknown meeting and 400 for an id that is not a uuid", async () => {
    const unknown = randomUUID();

    const missing = await callApi(emu, "GET", `/meetings/${unknown}`);
    const malformed = await callApi(emu, "GET", "/meetings/123");

    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 404, message: `No meeting found with id ${unknown}` });
    expect(malformed.status).toBe(400);
  });

  test("patch merges the given fields, nested objects included, and keeps the rest", async () => {
    const id = await createMeeting(emu, {
      title: "Before",
      persist_chat: true,
      ai_config: { transcription: { keywords: ["a"], language: "de" } },
    });

    const result = await callApi(emu, "PATCH", `/meetings/${id}`, {
      title: "After",
      ai_config: { transcription: { keywords: ["b", "c"] } },
    });

    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({
      title: "After",
      persist_chat: true,
      ai_config: { transcription: { keywords: ["b", "c"], language: "de" } },
    });
    expect((await getMeeting(id)).title).toBe("After");
  });

  test("patch with status INACTIVE deactivates the meeting and ACTIVE reactivates it", async () => {
    const id = await createMeeting(emu);

    const inactive = await callApi(emu, "PATCH", `/meetings/${id}`, { status: "INACTIVE" });
    expect(inactive.body.data).toMatchObject({ status: "INACTIVE" });
    const active = await callApi(emu, "PATCH", `/meetings/${id}`, { status: "ACTIVE" });
    expect(active.body.data).toMatchObject({ status: "ACTIVE" });
  });

  test.each([
    [{ status: "DELETED" }, '"status" must be one of [ACTIVE, INACTIVE]'],
    [{ title: null }, '"title" must be a string'],
    [
      { session_keep_alive_time_in_secs: 1000 },
      '"session_keep_alive_time_in_secs" must be less than or equal to 600',
    ],
  ])("patch rejects %j with 400", async (body, message) => {
    const id = await createMeeting(emu);

    const result = await callApi(emu, "PATCH", `/meetings/${id}`, body);

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message });
  });

  test("patch of an unknown meeting answers 404", async () => {
    expect((await callApi(emu, "PATCH", `/meetings/${randomUUID()}`, { title: "x" })).status).toBe(404);
  });

  test("put replaces every writable field, resets omitted ones and keeps the status", async () => {
    const id = await createMeeting(emu, { title: "Old", record_on_start: true, persist_chat: true });
    await callApi(emu, "PATCH", `/meetings/${id}`, { status: "INACTIVE" });

    const result = await callApi(emu, "PUT", `/meetings/${id}`, { title: "New" });

    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({
      id,
      title: "New",
      record_on_start: false,
      persist_chat: false,
      status: "INACTIVE",
    });
  });

  test("put cannot set status", async () => {
    const id = await createMeeting(emu);

    const result = await callApi(emu, "PUT", `/meetings/${id}`, { status: "INACTIVE" });

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message: '"status" is not allowed' });
  });

  test("storage access_key and secret are stored but never returned", async () => {
    const storage = {
      type: "aws",
      bucket: "recordings",
      region: "us-east-1",
      access_key: "AKIA",
      secret: "s3cr3t",
    };

    const created = await callApi(emu, "POST", "/meetings", {
      recording_config: { storage_config: storage },
    });

    const id = (created.body.data as Meeting).id;
    const expected = { type: "aws", bucket: "recordings", region: "us-east-1" };
    expect((created.body.data as { recording_config: unknown }).recording_config).toMatchObject({
      storage_config: expected,
    });
    for (const meeting of [created.body.data as Meeting, await getMeeting(id)]) {
      const returned = (meeting.recording_config as { storage_config: Record<string, unknown> })
        .storage_config;
      expect(returned).toEqual(expected);
    }
    const list = await callApi(emu, "GET", "/meetings");
    expect(JSON.stringify(list.body)).not.toContain("s3cr3t");
    const stored = emu.control.snapshot().meetings[0].fields.recording_config as {
      storage_config: Record<string, unknown>;
    };
    expect(stored.storage_config).toMatchObject({ access_key: "AKIA", secret: "s3cr3t" });
  });

  test("list rows omit ai_config but include recording_config", async () => {
    await createMeeting(emu, { title: "one" });

    const result = await callApi(emu, "GET", "/meetings");

    const [row] = result.body.data as Meeting[];
    expect(row).not.toHaveProperty("ai_config");
    expect(row).toHaveProperty("recording_config");
  });

  test("list filters by search on title or id and by status", async () => {
    const alpha = await createMeeting(emu, { title: "Alpha Review" });
    const beta = await createMeeting(emu, { title: "Beta" });
    await callApi(emu, "PATCH", `/meetings/${beta}`, { status: "INACTIVE" });

    const byTitle = await callApi(emu, "GET", "/meetings?search=alpha");
    const byId = await callApi(emu, "GET", `/meetings?search=${beta.slice(0, 8)}`);
    const inactive = await callApi(emu, "GET", "/meetings?status=INACTIVE");
    const active = await callApi(emu, "GET", "/meetings?status=ACTIVE");

    const ids = (result: { body: { data?: unknown } }) => (result.body.data as Meeting[]).map((m) => m.id);
    expect(ids(byTitle)).toEqual([alpha]);
    expect(ids(byId)).toEqual([beta]);
    expect(ids(inactive)).toEqual([beta]);
    expect(ids(active)).toEqual([alpha]);
  });

  test("list rejects an unknown status filter", async () => {
    const result = await callApi(emu, "GET", "/meetings?status=ARCHIVED");

    expect(result.status).toBe(400);
  });

  test("list filters by created time window", async () => {
    const id = await createMeeting(emu);
    const created = (await getMeeting(id)).created_at as string;
    const later = new Date(Date.parse(created) + 60_000).toISOString();

    const inWindow = await callApi(emu, "GET", `/meetings?start_time=${created}&end_time=${later}`);
    const afterwards = await callApi(emu, "GET", `/meetings?start_time=${later}`);
    const invalid = await callApi(emu, "GET", "/meetings?start_time=yesterday");

    expect((inWindow.body.data as Meeting[]).map((m) => m.id)).toEqual([id]);
    expect(afterwards.body.data).toEqual([]);
    expect(invalid.status).toBe(400);
  });
});
