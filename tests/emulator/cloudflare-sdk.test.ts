/**
 * The official `cloudflare` npm SDK, pointed at the emulator's base URL, drives the whole participant,
 * preset and webhook lifecycles: proof that the emulator speaks the real API's paths, methods, bodies and
 * envelopes.
 */
import Cloudflare, { AuthenticationError, BadRequestError, ConflictError, NotFoundError } from "cloudflare";
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

  test("creates, reads, lists, updates, replaces and deletes a preset", async () => {
    const presets = client().realtimeKit.presets;
    const ids = { account_id: emu.accountId, app_id: emu.appId };
    const [hostRow] = (await presets.get(emu.appId, { ...ids, search: "group_call_host" })).data;
    const host = (await presets.getPresetByID(hostRow.id as string, ids)).data;
    const { config, permissions, ui } = host;

    const created = await presets.create(emu.appId, {
      account_id: emu.accountId,
      name: "sdk",
      config,
      permissions,
      ui,
    });
    const presetId = created.data.id;
    const updated = await presets.update(presetId, { ...ids, permissions: { can_record: false } });
    const replaced = await presets.replacePresetByID(presetId, {
      ...ids,
      name: "sdk-2",
      config: { ...config, view_type: "WEBINAR" },
      permissions,
      ui,
    });
    const listed = await presets.get(emu.appId, { account_id: emu.accountId, search: "sdk", per_page: 5 });
    const deleted = await presets.delete(presetId, ids);

    expect(created).toMatchObject({
      success: true,
      data: { name: "sdk", config: { view_type: "GROUP_CALL" } },
    });
    expect(updated.data).toMatchObject({
      id: presetId,
      permissions: { can_record: false, kick_participant: true },
    });
    expect(replaced.data).toMatchObject({ name: "sdk-2", config: { view_type: "WEBINAR" } });
    expect(listed.data).toEqual([
      { id: presetId, name: "sdk-2", created_at: expect.any(String), updated_at: expect.any(String) },
    ]);
    expect(listed.paging).toEqual({ total_count: 1, start_offset: 1, end_offset: 1 });
    expect(deleted.data).toMatchObject({ id: presetId, name: "sdk-2" });
    await expect(presets.getPresetByID(presetId, ids)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      presets.create(emu.appId, {
        account_id: emu.accountId,
        name: "group_call_host",
        config,
        permissions,
        ui,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  test("creates, reads, lists, edits, replaces and deletes a webhook", async () => {
    const webhooks = client().realtimeKit.webhooks;
    const ids = { account_id: emu.accountId, app_id: emu.appId };
    const url = "https://hooks.example.com/rtk";

    await expect(webhooks.getWebhooks(emu.appId, { account_id: emu.accountId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const created = await webhooks.createWebhook(emu.appId, {
      account_id: emu.accountId,
      name: "sdk",
      url,
      events: ["meeting.started"],
    });
    const webhookId = created.data.id;
    const edited = await webhooks.editWebhook(webhookId, { ...ids, enabled: false });
    const replaced = await webhooks.replaceWebhook(webhookId, {
      ...ids,
      name: "sdk-2",
      url,
      events: ["meeting.ended"],
    });
    const got = await webhooks.getWebhookByID(webhookId, ids);
    const listed = await webhooks.getWebhooks(emu.appId, { account_id: emu.accountId });
    const deleted = await webhooks.deleteWebhook(webhookId, ids);

    expect(created.data).toMatchObject({ name: "sdk", url, events: ["meeting.started"], enabled: true });
    expect(edited.data).toMatchObject({ id: webhookId, enabled: false });
    expect(replaced.data).toEqual({ id: webhookId, name: "sdk-2", url });
    expect(got.data).toMatchObject({ name: "sdk-2", events: ["meeting.ended"], enabled: false });
    expect(listed.data).toEqual([got.data]);
    expect(deleted.data).toEqual(got.data);
    await expect(
      webhooks.createWebhook(emu.appId, { account_id: emu.accountId, name: "x", url, events: [] }),
    ).rejects.toBeInstanceOf(BadRequestError);
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
