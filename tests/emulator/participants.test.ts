import { randomUUID } from "node:crypto";
import { addParticipant, callApi, createMeeting, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

describe("participant endpoints", () => {
  let meetingId: string;
  beforeEach(async () => {
    meetingId = await createMeeting(emu, { title: "standup" });
  });
  const participants = () => `/meetings/${meetingId}/participants`;

  test("add answers 201 with the participant and a token", async () => {
    const result = await callApi(emu, "POST", participants(), {
      custom_participant_id: "alice",
      preset_name: "group_call_host",
      name: "Alice",
      picture: "https://example.com/alice.png",
    });

    expect(result.status).toBe(201);
    expect(result.body.success).toBe(true);
    expect(result.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      custom_participant_id: "alice",
      preset_name: "group_call_host",
      name: "Alice",
      picture: "https://example.com/alice.png",
      created_at: expect.any(String),
      updated_at: expect.any(String),
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
  });

  test("add stores absent name and picture as null", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "bob" });

    expect(added.name).toBeNull();
    expect(added.picture).toBeNull();
  });

  test.each([
    [{ preset_name: "group_call_host" }, '"custom_participant_id" is required'],
    [{ custom_participant_id: "x" }, '"preset_name" is required'],
    [
      { custom_participant_id: "", preset_name: "group_call_host" },
      '"custom_participant_id" is not allowed to be empty',
    ],
    [{ custom_participant_id: "x", preset_name: "  " }, '"preset_name" is not allowed to be empty'],
    [
      { custom_participant_id: 7, preset_name: "group_call_host" },
      '"custom_participant_id" must be a string',
    ],
    [{ custom_participant_id: "x", preset_name: "group_call_host", name: 3 }, '"name" must be a string'],
    [
      { custom_participant_id: "x", preset_name: "group_call_host", picture: "/relative.png" },
      '"picture" must be a valid uri with a scheme matching the http|https pattern',
    ],
    [
      { custom_participant_id: "x", preset_name: "group_call_host", picture: "ftp://example.com/a.png" },
      '"picture" must be a valid uri with a scheme matching the http|https pattern',
    ],
    [{ custom_participant_id: "x", preset_name: "group_call_host", role: "admin" }, '"role" is not allowed'],
  ])("add rejects the invalid body %j with 400", async (body, message) => {
    const result = await callApi(emu, "POST", participants(), body);

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ success: false, error: { code: 400, message } });
  });

  test("add rejects an unknown preset with 400 naming it", async () => {
    const result = await callApi(emu, "POST", participants(), {
      custom_participant_id: "x",
      preset_name: "no_such_preset",
    });

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message: "No preset found with name no_such_preset" });
  });

  test("add to an unknown meeting answers 404", async () => {
    const unknown = randomUUID();
    const result = await callApi(emu, "POST", `/meetings/${unknown}/participants`, {
      custom_participant_id: "x",
      preset_name: "group_call_host",
    });

    expect(result.status).toBe(404);
    expect(result.body).toEqual({
      success: false,
      error: { code: 404, message: `No meeting found with id ${unknown}` },
    });
  });

  test("a meeting id that is not a uuid answers 400", async () => {
    const result = await callApi(emu, "GET", "/meetings/not-a-uuid/participants");

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message: '"meeting_id" must be a valid GUID' });
  });

  test("an invalid JSON body answers 400", async () => {
    const response = await fetch(`${emu.appUrl}${participants()}`, {
      method: "POST",
      headers: { authorization: `Bearer ${emu.apiToken}`, "content-type": "application/json" },
      body: "{not json",
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      success: false,
      error: { code: 400, message: "Invalid JSON body" },
    });
  });

  test("get answers the participant without a token", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "carol", name: "Carol" });

    const result = await callApi(emu, "GET", `${participants()}/${added.id}`);

    expect(result.status).toBe(200);
    const withoutToken: Partial<typeof added> = { ...added };
    delete withoutToken.token;
    expect(result.body).toEqual({ success: true, data: withoutToken });
  });

  test("get of an unknown participant answers 404 naming the id", async () => {
    const result = await callApi(emu, "GET", `${participants()}/nope`);

    expect(result.status).toBe(404);
    expect(result.body).toEqual({
      success: false,
      error: { code: 404, message: "No participant found with id nope" },
    });
  });

  test("get of a participant through another meeting answers 404", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "dave" });
    const otherMeeting = await createMeeting(emu);

    const result = await callApi(emu, "GET", `/meetings/${otherMeeting}/participants/${added.id}`);

    expect(result.status).toBe(404);
  });

  test("list answers participants without tokens, in creation order", async () => {
    await addParticipant(emu, meetingId, { custom_participant_id: "p1" });
    await addParticipant(emu, meetingId, { custom_participant_id: "p2" });

    const result = await callApi(emu, "GET", participants());

    expect(result.status).toBe(200);
    const data = result.body.data as Record<string, unknown>[];
    expect(data.map((row) => row.custom_participant_id)).toEqual(["p1", "p2"]);
    expect(data.every((row) => !("token" in row))).toBe(true);
    expect(result.body.paging).toEqual({ total_count: 2, start_offset: 1, end_offset: 2 });
  });

  test("edit changes name, picture and preset and answers the participant with a new token", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "erin", name: "Erin" });

    const result = await callApi(emu, "PATCH", `${participants()}/${added.id}`, {
      name: "Erin B.",
      picture: "http://example.com/e.png",
      preset_name: "webinar_viewer",
    });

    expect(result.status).toBe(200);
    const data = result.body.data as Record<string, unknown>;
    expect(data).toMatchObject({
      id: added.id,
      custom_participant_id: "erin",
      name: "Erin B.",
      picture: "http://example.com/e.png",
      preset_name: "webinar_viewer",
    });
    expect(typeof data.token).toBe("string");
    expect(data.token).not.toBe(added.token);
    const read = await callApi(emu, "GET", `${participants()}/${added.id}`);
    expect(read.body.data).toMatchObject({ name: "Erin B.", preset_name: "webinar_viewer" });
  });

  test("edit with null clears name and picture and leaves the preset", async () => {
    const added = await addParticipant(emu, meetingId, {
      custom_participant_id: "frank",
      name: "Frank",
      picture: "https://example.com/f.png",
    });

    const result = await callApi(emu, "PATCH", `${participants()}/${added.id}`, {
      name: null,
      picture: null,
      preset_name: null,
    });

    expect(result.body.data).toMatchObject({
      name: null,
      picture: null,
      preset_name: "group_call_participant",
    });
  });

  test.each([
    [{ custom_participant_id: "other" }, '"custom_participant_id" is not allowed'],
    [{ meeting_id: "other" }, '"meeting_id" is not allowed'],
    [{ preset_name: "" }, '"preset_name" is not allowed to be empty'],
    [{ picture: "not a uri" }, '"picture" must be a valid uri with a scheme matching the http|https pattern'],
  ])("edit rejects %j with 400", async (body, message) => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "gina" });

    const result = await callApi(emu, "PATCH", `${participants()}/${added.id}`, body);

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message });
  });

  test("edit to an unknown preset answers 400 and changes nothing", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "hal", name: "Hal" });

    const result = await callApi(emu, "PATCH", `${participants()}/${added.id}`, {
      name: "Changed",
      preset_name: "missing",
    });

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message: "No preset found with name missing" });
    const read = await callApi(emu, "GET", `${participants()}/${added.id}`);
    expect(read.body.data).toMatchObject({ name: "Hal", preset_name: "group_call_participant" });
  });

  test("edit of an unknown participant answers 404", async () => {
    const result = await callApi(emu, "PATCH", `${participants()}/${randomUUID()}`, { name: "x" });

    expect(result.status).toBe(404);
  });

  test("delete answers the documented fields and the participant is gone", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "ivy" });
    const presetId = emu.control.snapshot().participants[0].preset_id;

    const result = await callApi(emu, "DELETE", `${participants()}/${added.id}`);

    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      success: true,
      data: {
        created_at: added.created_at,
        custom_participant_id: "ivy",
        preset_id: presetId,
        updated_at: added.updated_at,
      },
    });
    expect((await callApi(emu, "GET", `${participants()}/${added.id}`)).status).toBe(404);
    expect((await callApi(emu, "DELETE", `${participants()}/${added.id}`)).status).toBe(404);
  });

  test("refresh answers 200 with a new token for the same participant", async () => {
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "jay" });

    const first = await callApi(emu, "POST", `${participants()}/${added.id}/token`);
    const second = await callApi(emu, "POST", `${participants()}/${added.id}/token`);

    expect(first.status).toBe(200);
    expect(Object.keys(first.body.data as object)).toEqual(["token"]);
    const tokens = [
      added.token,
      (first.body.data as { token: string }).token,
      (second.body.data as { token: string }).token,
    ];
    expect(new Set(tokens).size).toBe(3);
    expect(emu.control.snapshot().participants[0]).toMatchObject({ id: added.id, tokens_issued: 3 });
  });

  test("refresh of an unknown participant answers 404", async () => {
    const result = await callApi(emu, "POST", `${participants()}/${randomUUID()}/token`);

    expect(result.status).toBe(404);
  });

  test("participants can be added to an INACTIVE meeting", async () => {
    await callApi(emu, "PATCH", `/meetings/${meetingId}`, { status: "INACTIVE" });

    const result = await callApi(emu, "POST", participants(), {
      custom_participant_id: "late",
      preset_name: "group_call_host",
    });

    expect(result.status).toBe(201);
  });
});
