/**
 * The Meeting provider's runtime, called directly against the emulator (the serialized shim only forwards
 * to it). check and diff must not touch the network; create, read, update and delete are checked by what
 * the emulator ends up holding and by which requests it counted.
 */
import { randomUUID } from "node:crypto";
import { useRuntimeAgainst } from "../helpers/runtime";
import { checkInputs, meetingDescription } from "../../provider/runtime/inputs";
import {
  changedMeetingFields,
  meetingRuntime,
  type MeetingInputs,
  type MeetingOutputs,
} from "../../provider/runtime/meeting";
import type { PropertyMap } from "../../provider/runtime/protocol";
import { UNKNOWN } from "../../provider/runtime/values";
import { callApi, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

const MEETINGS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings";
const MEETING = `${MEETINGS}/{meeting_id}`;

useRuntimeAgainst(emu);

/** The Meeting's check with the failures' property paths (the runtime's `check` words them for the engine). */
const checkMeeting = (bag: PropertyMap) => checkInputs(meetingDescription, bag);

function storedMeeting(id: string) {
  const meeting = emu.control.snapshot().meetings.find((m) => m.id === id);
  if (!meeting) throw new Error(`meeting ${id} is not in the emulator`);
  return meeting;
}

async function create(inputs: MeetingInputs): Promise<{ id: string; outs: MeetingOutputs }> {
  const result = await meetingRuntime.create(inputs);
  return { id: result.id, outs: result.outs as MeetingOutputs };
}

describe("Meeting check", () => {
  it("accepts a complete, valid set of inputs", async () => {
    const inputs: MeetingInputs = {
      title: "Standup",
      recordOnStart: false,
      liveStreamOnStart: false,
      persistChat: true,
      summarizeOnEnd: true,
      transcribeOnEnd: true,
      sessionKeepAliveTimeInSecs: 120,
      aiConfig: {
        summarization: { summaryType: "daily_standup", wordLimit: 300 },
        transcription: { language: "en-US" },
      },
      recordingConfig: {
        maxSeconds: 3600,
        videoConfig: { codec: "VP8", width: 1920, height: 1080 },
        storageConfig: {
          type: "aws",
          accessKey: "AKIA-x",
          secret: "s3cr3t",
          bucket: "b",
          region: "us-east-1",
        },
      },
      status: "ACTIVE",
      replaceOnUpdate: true,
    };
    const result = await meetingRuntime.check({}, inputs);
    expect(result.failures).toEqual([]);
    expect(result.inputs).toEqual(inputs);
  });

  it("reports one failure per invalid field, naming its path and what is expected", async () => {
    const result = checkMeeting({
      title: 42,
      sessionKeepAliveTimeInSecs: 30,
      status: "OFF",
      aiConfig: { summarization: { wordLimit: 10 } },
      recordingConfig: { videoConfig: { width: 5000 }, storageConfig: { bucket: "b" } },
      titel: "typo",
    } as unknown as PropertyMap);
    const byProperty = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual(
      [
        "aiConfig.summarization.wordLimit",
        "recordingConfig.storageConfig.type",
        "recordingConfig.videoConfig.width",
        "sessionKeepAliveTimeInSecs",
        "status",
        "title",
        "titel",
      ].sort(),
    );
    expect(byProperty.sessionKeepAliveTimeInSecs).toBe(
      "`sessionKeepAliveTimeInSecs` must be an integer between 60 and 600; got 30",
    );
    expect(byProperty.status).toContain('"ACTIVE", "INACTIVE"');
    expect(byProperty["recordingConfig.storageConfig.type"]).toBe(
      '`recordingConfig.storageConfig.type` is required: one of "aws", "azure", "digitalocean", "gcs", "sftp"',
    );
    expect(byProperty.titel).toMatch(/^`titel` is not a Meeting input; the inputs are: title, /);
  });

  it("never repeats a storage credential in a failure", async () => {
    const result = checkMeeting({
      recordingConfig: { storageConfig: { type: "aws", secret: 12345678 } },
    } as unknown as PropertyMap);
    expect(result.failures).toHaveLength(1);
    expect(JSON.stringify(result.failures)).not.toContain("12345678");
  });

  it("describes rejected free text and URLs by shape only, and never the RTMP URL or a credential", async () => {
    const result = checkMeeting({
      title: ["Board meeting"],
      recordingConfig: {
        fileNamePrefix: 42,
        videoConfig: { codec: "H265", watermark: { url: "ftp://cdn.example.com/w.png?sig=abc123" } },
        liveStreamingConfig: { rtmpUrl: "rtmp://live.example.com/app/sk_live_5ecret" },
        storageConfig: { type: "aws", password: 4242, username: "deploy-bot-7", host: "" },
      },
    } as unknown as PropertyMap);
    const byProperty = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
    expect(byProperty).toEqual({
      title: "`title` must be a string; got a list of 1 item",
      "recordingConfig.fileNamePrefix": "`recordingConfig.fileNamePrefix` must be a string; got a number",
      "recordingConfig.videoConfig.codec":
        '`recordingConfig.videoConfig.codec` must be one of "H264", "VP8"; got "H265"',
      "recordingConfig.videoConfig.watermark.url":
        "`recordingConfig.videoConfig.watermark.url` must be an absolute http(s) URL; got a string of 38 characters",
      "recordingConfig.liveStreamingConfig.rtmpUrl":
        "`recordingConfig.liveStreamingConfig.rtmpUrl` must be an absolute http(s) URL; got a string",
      "recordingConfig.storageConfig.password":
        "`recordingConfig.storageConfig.password` must be a string; got a number",
    });
    const text = JSON.stringify(result.failures);
    for (const secret of ["Board meeting", "abc123", "sk_live_5ecret", "4242"])
      expect(text).not.toContain(secret);
  });

  it("shows only a short prefix of a rejected enum value", async () => {
    const result = checkMeeting({
      status: "INACTIVE-and-then-some-more-text",
    } as unknown as PropertyMap);
    expect(result.failures).toEqual([
      {
        property: "status",
        reason: '`status` must be one of "ACTIVE", "INACTIVE"; got "INACTIVE-and..." (32 characters)',
      },
    ]);
  });

  it("hands the engine failures without a property, so it cannot print the raw value next to them", async () => {
    const result = await meetingRuntime.check({}, { title: 42 } as unknown as MeetingInputs);
    expect(result.failures).toEqual([{ property: "", reason: "`title` must be a string; got a number" }]);
  });

  it("skips values that are not known yet during preview", async () => {
    const result = await meetingRuntime.check({}, {
      title: UNKNOWN,
      sessionKeepAliveTimeInSecs: UNKNOWN,
      aiConfig: UNKNOWN,
    } as unknown as MeetingInputs);
    expect(result.failures).toEqual([]);
  });
});

describe("Meeting diff", () => {
  const olds: MeetingOutputs = {
    title: "Standup",
    persistChat: true,
    aiConfig: { summarization: { wordLimit: 300 } },
    accountId: "acct",
    appId: "app",
    meetingId: "m",
    createdAt: "t",
    updatedAt: "t",
  };

  it("makes no API call", async () => {
    emu.control.resetCounters();
    await meetingRuntime.diff("m", olds, { ...olds, title: "Retro" });
    expect(emu.control.counters().total).toBe(0);
  });

  it("reports no change when the inputs match the stored ones", async () => {
    const result = await meetingRuntime.diff("m", olds, {
      title: "Standup",
      persistChat: true,
      aiConfig: { summarization: { wordLimit: 300 } },
    });
    expect(result.changes).toBe(false);
  });

  it("updates in place when a meeting field changes", async () => {
    const result = await meetingRuntime.diff("m", olds, { title: "Retro", persistChat: true });
    expect(result).toMatchObject({ changes: true, replaces: [] });
  });

  it("replaces the meeting when the app or account changes", async () => {
    const result = await meetingRuntime.diff("m", olds, { title: "Standup", appId: "other-app" });
    expect(result).toMatchObject({ changes: true, replaces: ["appId"] });
  });

  it("treats a field the program stops setting as unmanaged, not as a change", async () => {
    const result = await meetingRuntime.diff("m", olds, {});
    expect(result.changes).toBe(false);
  });

  it("counts values not known yet as changed", async () => {
    expect(changedMeetingFields(olds, { title: UNKNOWN })).toEqual(["title"]);
    expect(
      changedMeetingFields(olds, {
        aiConfig: { summarization: { wordLimit: UNKNOWN as unknown as number } },
      }),
    ).toEqual(["aiConfig"]);
  });
});

describe("Meeting create", () => {
  it("creates the meeting with the given fields and echoes the inputs with its id", async () => {
    const inputs: MeetingInputs = { title: "Standup", persistChat: true, sessionKeepAliveTimeInSecs: 120 };
    const { id, outs } = await create(inputs);

    expect(outs).toMatchObject({ ...inputs, meetingId: id, accountId: emu.accountId, appId: emu.appId });
    expect(outs.createdAt).toEqual(expect.any(String));
    const stored = storedMeeting(id);
    expect(stored.status).toBe("ACTIVE");
    expect(stored.fields).toMatchObject({
      title: "Standup",
      persist_chat: true,
      session_keep_alive_time_in_secs: 120,
    });
  });

  it("creates an INACTIVE meeting with a create followed by a status PATCH", async () => {
    const { id } = await create({ title: "Archived", status: "INACTIVE" });
    expect(storedMeeting(id).status).toBe("INACTIVE");
  });

  it("reports a meeting whose status change failed after creation as created, with its actual status", async () => {
    emu.control.injectFault({ method: "PATCH", path: "/meetings/", kind: "status", status: 403, times: 1 });
    const inputs = { title: "Archived", status: "INACTIVE" as const, __provider: "shim" };
    const failure = (await meetingRuntime.create(inputs).catch((e: unknown) => e)) as Error & {
      id?: string;
      properties?: MeetingOutputs & { __provider?: string };
      inputs?: unknown;
    };
    expect(failure.properties?.__provider).toBe("shim");
    expect(failure.inputs).toEqual(inputs);
    expect(failure.message).toMatch(/^Could not set meeting .* INACTIVE after creating it: /);
    expect(failure.id).toEqual(expect.any(String));
    expect(failure.properties).toMatchObject({ title: "Archived", status: "ACTIVE", meetingId: failure.id });
    expect(storedMeeting(failure.id as string).status).toBe("ACTIVE");
  });

  it("sends write-only storage credentials and keeps them in the outputs under the input's key", async () => {
    const recordingConfig = {
      storageConfig: { type: "aws" as const, accessKey: "AKIA-x", secret: "s3cr3t", bucket: "b" },
    };
    const { id, outs } = await create({ recordingConfig });
    expect(outs.recordingConfig).toEqual(recordingConfig);
    expect(storedMeeting(id).fields.recording_config).toMatchObject({
      storage_config: { type: "aws", access_key: "AKIA-x", secret: "s3cr3t", bucket: "b" },
    });
  });
});

describe("Meeting update", () => {
  it("PATCHes only the fields that changed", async () => {
    const { id, outs } = await create({ title: "Standup", persistChat: false });
    // A change made outside Pulumi to a managed field the program does not change this time.
    await callApi(emu, "PATCH", `/meetings/${id}`, { persist_chat: true });
    emu.control.resetCounters();

    const news: MeetingInputs = { title: "Retro", persistChat: false };
    const result = await meetingRuntime.update(id, outs, news);

    expect(emu.control.counters().byRoute).toEqual({ [`PATCH ${MEETING}`]: 1 });
    expect(storedMeeting(id).fields).toMatchObject({ title: "Retro", persist_chat: true });
    expect(result.outs).toMatchObject({ ...news, meetingId: id, createdAt: outs.createdAt });
  });

  it("sends nested configs whole when they change", async () => {
    const { id, outs } = await create({
      aiConfig: { summarization: { wordLimit: 300, textFormat: "plain_text" } },
    });
    const news: MeetingInputs = { aiConfig: { summarization: { wordLimit: 400, textFormat: "plain_text" } } };
    await meetingRuntime.update(id, outs, news);
    expect(storedMeeting(id).fields.ai_config).toMatchObject({
      summarization: { word_limit: 400, text_format: "plain_text" },
    });
  });

  it("replaces every field with PUT when replaceOnUpdate is set", async () => {
    const { id, outs } = await create({ title: "Standup", replaceOnUpdate: true });
    await callApi(emu, "PATCH", `/meetings/${id}`, { session_keep_alive_time_in_secs: 300 });
    emu.control.resetCounters();

    await meetingRuntime.update(id, outs, { title: "Retro", replaceOnUpdate: true });

    expect(emu.control.counters().byRoute).toEqual({ [`PUT ${MEETING}`]: 1 });
    // PUT resets what the program does not set to the API's defaults.
    expect(storedMeeting(id).fields).toMatchObject({ title: "Retro", session_keep_alive_time_in_secs: 60 });
  });

  it("changes status with a PATCH after the PUT, because PUT cannot set it", async () => {
    const { id, outs } = await create({ title: "Standup", status: "ACTIVE", replaceOnUpdate: true });
    emu.control.resetCounters();
    await meetingRuntime.update(id, outs, { title: "Retro", status: "INACTIVE", replaceOnUpdate: true });
    expect(emu.control.counters().byRoute).toEqual({ [`PUT ${MEETING}`]: 1, [`PATCH ${MEETING}`]: 1 });
    expect(storedMeeting(id).status).toBe("INACTIVE");
  });

  it("makes no API call when only replaceOnUpdate changes", async () => {
    const { id, outs } = await create({ title: "Standup" });
    emu.control.resetCounters();
    const result = await meetingRuntime.update(id, outs, { title: "Standup", replaceOnUpdate: true });
    expect(emu.control.counters().total).toBe(0);
    expect(result.outs).toMatchObject({ replaceOnUpdate: true, updatedAt: outs.updatedAt });
  });
});

describe("Meeting read", () => {
  it("reports a managed field changed outside Pulumi, so the next preview shows the drift", async () => {
    const program: MeetingInputs = { title: "Standup", persistChat: true };
    const { id, outs } = await create(program);
    await callApi(emu, "PATCH", `/meetings/${id}`, { title: "Renamed by hand" });

    const read = await meetingRuntime.read(id, outs);

    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ title: "Renamed by hand", persistChat: true, meetingId: id });
    expect(read.inputs).toMatchObject({ title: "Renamed by hand", persistChat: true });
    expect(changedMeetingFields(read.props as MeetingOutputs, program)).toEqual(["title"]);
  });

  it("ignores defaults the API adds to nested configs, and write-only credentials it never returns", async () => {
    const program: MeetingInputs = {
      aiConfig: { summarization: { wordLimit: 300 } },
      recordingConfig: { storageConfig: { type: "aws", accessKey: "AKIA-x", secret: "s3cr3t", bucket: "b" } },
    };
    const { id, outs } = await create(program);

    const read = await meetingRuntime.read(id, outs);

    expect(read.props).toMatchObject(program);
    expect(changedMeetingFields(read.props as MeetingOutputs, program)).toEqual([]);
  });

  it("removes the meeting from state when the API no longer knows it", async () => {
    const { outs } = await create({ title: "Standup" });
    const read = await meetingRuntime.read(randomUUID(), outs);
    expect(read.id).toBe("");
  });
});

describe("Meeting delete", () => {
  it("sets the meeting INACTIVE, since the API has no delete", async () => {
    const { id, outs } = await create({ title: "Standup" });
    emu.control.resetCounters();
    await meetingRuntime.delete(id, outs);
    expect(emu.control.counters().byRoute).toEqual({ [`PATCH ${MEETING}`]: 1 });
    expect(storedMeeting(id).status).toBe("INACTIVE");
  });

  it("succeeds when the meeting is already gone", async () => {
    const { outs } = await create({ title: "Standup" });
    await expect(meetingRuntime.delete(randomUUID(), outs)).resolves.toBeUndefined();
  });
});
