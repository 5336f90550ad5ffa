import { NotFoundError, ValidationError } from "../../sdk/errors";
import type { MeetingInput } from "../../sdk/types";
import { createMeeting } from "../helpers/emulator";
import { caught, clientFor, useRecordingEmulator } from "./support";

const { emu, seen, forgetSeen } = useRecordingEmulator();

function stored(meetingId: string) {
  const meeting = emu.control.snapshot().meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error(`meeting ${meetingId} is not stored`);
  return meeting;
}

const input: MeetingInput = {
  title: "Weekly sync",
  recordOnStart: true,
  persistChat: true,
  sessionKeepAliveTimeInSecs: 120,
  aiConfig: { summarization: { summaryType: "team_meeting", wordLimit: 300 } },
  recordingConfig: {
    maxSeconds: 3600,
    videoConfig: { codec: "VP8", width: 640 },
    realtimekitBucketConfig: { enabled: false },
  },
};

describe("client.meetings", () => {
  test("create POSTs nested fields in snake_case and answers them in camelCase", async () => {
    const meeting = await clientFor(emu).meetings.create(input);
    expect(seen()).toEqual(["POST /meetings -> 201"]);
    expect(meeting).toMatchObject({ ...input, id: expect.any(String), status: "ACTIVE" });
    expect(stored(meeting.id).fields).toMatchObject({
      title: "Weekly sync",
      record_on_start: true,
      session_keep_alive_time_in_secs: 120,
      ai_config: { summarization: { summary_type: "team_meeting", word_limit: 300 } },
      recording_config: { max_seconds: 3600, realtimekit_bucket_config: { enabled: false } },
    });
  });

  test("get returns the meeting; an unknown id is a NotFoundError", async () => {
    const client = clientFor(emu);
    const created = await client.meetings.create(input);
    forgetSeen();
    expect(await client.meetings.get(created.id)).toEqual(created);
    expect(seen()).toEqual([`GET /meetings/${created.id} -> 200`]);
    const error = await caught(client.meetings.get("00000000-0000-4000-8000-000000000000"));
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("list pages and filters in wire form; listAll reads every page", async () => {
    const client = clientFor(emu);
    for (let i = 0; i < 5; i++) await createMeeting(emu, { title: i % 2 === 0 ? `even ${i}` : `odd ${i}` });
    forgetSeen();
    const page = await client.meetings.list({ search: "even", perPage: 2, pageNo: 1 });
    expect(seen()).toEqual(["GET /meetings -> 200"]);
    expect(page.items.map((m) => m.title)).toEqual(["even 0", "even 2"]);
    expect(page.paging).toEqual({ totalCount: 3, startOffset: 1, endOffset: 2 });
    expect((await client.meetings.listAll({ perPage: 2 })).map((m) => m.title)).toHaveLength(5);
    expect((await client.meetings.listAll({ search: "odd" })).map((m) => m.title)).toEqual([
      "odd 1",
      "odd 3",
    ]);
  });

  test("update PATCHes the given fields, and status INACTIVE is how a meeting is retired", async () => {
    const client = clientFor(emu);
    const created = await client.meetings.create(input);
    forgetSeen();
    const updated = await client.meetings.update(created.id, { status: "INACTIVE", title: "Retired" });
    expect(seen()).toEqual([`PATCH /meetings/${created.id} -> 200`]);
    expect(updated).toMatchObject({
      id: created.id,
      status: "INACTIVE",
      title: "Retired",
      recordOnStart: true,
    });
    expect(stored(created.id).status).toBe("INACTIVE");
    expect((await client.meetings.list({ status: "INACTIVE" })).items.map((m) => m.id)).toEqual([created.id]);
  });

  test("replace PUTs the whole body", async () => {
    const client = clientFor(emu);
    const created = await client.meetings.create(input);
    forgetSeen();
    const replaced = await client.meetings.replace(created.id, { title: "Fresh" });
    expect(seen()).toEqual([`PUT /meetings/${created.id} -> 200`]);
    expect(replaced).toMatchObject({ id: created.id, title: "Fresh" });
    expect(stored(created.id).fields.title).toBe("Fresh");
  });

  test("an out-of-range field is a ValidationError naming it", async () => {
    const error = await caught(clientFor(emu).meetings.create({ sessionKeepAliveTimeInSecs: 5 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toContain("session_keep_alive_time_in_secs");
  });
});
