/**
 * The official `cloudflare` npm SDK, pointed at the emulator's base URL, drives the whole participant
 * lifecycle: proof that the emulator speaks the real API's paths, methods, bodies and envelopes.
 */
import Cloudflare, { AuthenticationError, BadRequestError, NotFoundError } from "cloudflare";
import { decodeJwt, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

function client(apiToken = emu.apiToken): Cloudflare {
  return new Cloudflare({ apiToken, baseURL: emu.baseUrl, maxRetries: 0 });
}

describe("the official cloudflare SDK against the emulator", () => {
  test("creates a meeting, then adds, gets, lists, edits, refreshes and deletes a participant", async () => {
    const meetings = client().realtimeKit.meetings;
    const ids = { account_id: emu.accountId, app_id: emu.appId };

    const meeting = await meetings.create(emu.appId, { account_id: emu.accountId, title: "SDK meeting" });
    const meetingId = meeting.data?.id as string;
    expect(meeting).toMatchObject({ success: true, data: { title: "SDK meeting", status: "ACTIVE" } });

    const added = await meetings.addParticipant(meetingId, {
      ...ids,
      custom_participant_id: "sdk-user",
      preset_name: "group_call_participant",
      name: "SDK User",
    });
    const participantId = added.data?.id as string;
    expect(added.data).toMatchObject({
      custom_participant_id: "sdk-user",
      preset_name: "group_call_participant",
    });
    expect(decodeJwt(added.data?.token as string)).toMatchObject({ sub: participantId, meetingId });

    const got = await meetings.getMeetingParticipant(participantId, { ...ids, meeting_id: meetingId });
    expect(got.data).toMatchObject({ id: participantId, name: "SDK User" });
    expect(got.data).not.toHaveProperty("token");

    const listed = await meetings.getMeetingParticipants(meetingId, { ...ids, page_no: 1, per_page: 10 });
    expect(listed.data.map((participant) => participant.id)).toEqual([participantId]);
    expect(listed.paging).toEqual({ total_count: 1, start_offset: 1, end_offset: 1 });

    const edited = await meetings.editParticipant(participantId, {
      ...ids,
      meeting_id: meetingId,
      name: "Renamed",
      preset_name: "group_call_host",
    });
    expect(edited.data).toMatchObject({ id: participantId, name: "Renamed", preset_name: "group_call_host" });
    expect(edited.data?.token).toEqual(expect.any(String));

    const refreshed = await meetings.refreshParticipantToken(participantId, {
      ...ids,
      meeting_id: meetingId,
    });
    expect(refreshed.data.token).not.toBe(edited.data?.token);
    expect(decodeJwt(refreshed.data.token).sub).toBe(participantId);

    const deleted = await meetings.deleteMeetingParticipant(participantId, { ...ids, meeting_id: meetingId });
    expect(deleted.data).toMatchObject({ custom_participant_id: "sdk-user", preset_id: expect.any(String) });
    await expect(
      meetings.getMeetingParticipant(participantId, { ...ids, meeting_id: meetingId }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  test("reads, updates and replaces meetings", async () => {
    const meetings = client().realtimeKit.meetings;
    const ids = { account_id: emu.accountId, app_id: emu.appId };
    const meetingId = (await meetings.create(emu.appId, { account_id: emu.accountId, title: "one" })).data
      ?.id as string;

    const updated = await meetings.updateMeetingByID(meetingId, { ...ids, status: "INACTIVE" });
    const replaced = await meetings.replaceMeetingByID(meetingId, { ...ids, title: "two" });
    const byId = await meetings.getMeetingByID(meetingId, ids);
    const list = await meetings.get(emu.appId, { account_id: emu.accountId, status: "INACTIVE" });

    expect(updated.data).toMatchObject({ status: "INACTIVE", title: "one" });
    expect(replaced.data).toMatchObject({ status: "INACTIVE", title: "two" });
    expect(byId.data).toMatchObject({ id: meetingId, title: "two" });
    expect(list.data.map((meeting) => meeting.id)).toEqual([meetingId]);
  });

  test("lists apps and presets", async () => {
    const kit = client().realtimeKit;

    const apps = await kit.apps.get({ account_id: emu.accountId });
    const presets = await kit.presets.get(emu.appId, { account_id: emu.accountId });

    expect(apps.data?.map((app) => app.id)).toEqual([emu.appId]);
    expect(presets.data.map((preset) => preset.name)).toContain("group_call_host");
  });

  test("maps the emulator's errors to the SDK's error classes", async () => {
    const ids = { account_id: emu.accountId, app_id: emu.appId };
    const meetingId = (await client().realtimeKit.meetings.create(emu.appId, { account_id: emu.accountId }))
      .data?.id as string;

    await expect(client("wrong").realtimeKit.meetings.getMeetingByID(meetingId, ids)).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    await expect(
      client().realtimeKit.meetings.addParticipant(meetingId, {
        ...ids,
        custom_participant_id: "x",
        preset_name: "nonexistent",
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });
});
