import { NotFoundError } from "../../sdk/errors";
import { addParticipant, createMeeting, decodeJwt } from "../helpers/emulator";
import { caught, clientFor, useRecordingEmulator } from "./support";

const { emu, seen, forgetSeen } = useRecordingEmulator();

/** Creates a meeting behind the client's back, so that `seen()` shows only the call under test. */
async function newMeeting(): Promise<string> {
  const meetingId = await createMeeting(emu);
  forgetSeen();
  return meetingId;
}

function storedParticipants(meetingId: string) {
  return emu.control.snapshot().participants.filter((p) => p.meeting_id === meetingId);
}

async function seedParticipants(meetingId: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from(
      { length: Math.min(50, count - start) },
      (_, i) => `user-${String(start + i).padStart(4, "0")}`,
    );
    await Promise.all(batch.map((id) => addParticipant(emu, meetingId, { custom_participant_id: id })));
  }
  forgetSeen();
  emu.control.resetCounters();
}

describe("client.participants", () => {
  test("add POSTs the snake_case body and returns the camelCase participant with its join token", async () => {
    const meetingId = await newMeeting();
    const added = await clientFor(emu).participants.add(meetingId, {
      customParticipantId: "alice",
      presetName: "group_call_host",
      name: "Alice",
      picture: "https://example.com/alice.png",
    });
    expect(seen()).toEqual([`POST /meetings/${meetingId}/participants -> 201`]);
    expect(added).toEqual({
      id: expect.any(String),
      token: expect.any(String),
      customParticipantId: "alice",
      presetName: "group_call_host",
      name: "Alice",
      picture: "https://example.com/alice.png",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(decodeJwt(added.token)).toMatchObject({ meetingId, participantId: added.id });
    expect(storedParticipants(meetingId)).toEqual([
      expect.objectContaining({
        id: added.id,
        custom_participant_id: "alice",
        name: "Alice",
        picture: "https://example.com/alice.png",
      }),
    ]);
  });

  test("add sends an empty name when none is given, because nameless tokens are reported not to join", async () => {
    const meetingId = await newMeeting();
    const added = await clientFor(emu).participants.add(meetingId, {
      customParticipantId: "bob",
      presetName: "webinar_viewer",
    });
    expect(added).toMatchObject({ name: "", picture: null, presetName: "webinar_viewer" });
  });

  test("get returns the participant without a token", async () => {
    const meetingId = await newMeeting();
    const wire = await addParticipant(emu, meetingId, { custom_participant_id: "carol", name: "Carol" });
    forgetSeen();
    const found = await clientFor(emu).participants.get(meetingId, wire.id);
    expect(seen()).toEqual([`GET /meetings/${meetingId}/participants/${wire.id} -> 200`]);
    expect(found).toEqual({
      id: wire.id,
      customParticipantId: "carol",
      presetName: "group_call_participant",
      name: "Carol",
      picture: null,
      createdAt: wire.created_at,
      updatedAt: wire.updated_at,
    });
    expect(found).not.toHaveProperty("token");
  });

  test("list returns one page and its paging, asking with page_no and per_page", async () => {
    const meetingId = await newMeeting();
    await seedParticipants(meetingId, 5);
    const page = await clientFor(emu).participants.list(meetingId, { pageNo: 2, perPage: 2 });
    expect(seen()).toEqual([`GET /meetings/${meetingId}/participants -> 200`]);
    expect(page.items.map((p) => p.customParticipantId)).toEqual(["user-0002", "user-0003"]);
    expect(page.paging).toEqual({ totalCount: 5, startOffset: 3, endOffset: 4 });
  });

  test("listAll reads 250 participants at 100 a page in three requests, each participant once", async () => {
    const meetingId = await newMeeting();
    await seedParticipants(meetingId, 250);
    const all = await clientFor(emu).participants.listAll(meetingId);
    expect(all).toHaveLength(250);
    expect(new Set(all.map((p) => p.id)).size).toBe(250);
    expect(all.map((p) => p.customParticipantId)).toEqual(
      storedParticipants(meetingId)
        .map((p) => p.custom_participant_id)
        .sort(),
    );
    expect(emu.control.counters().byMethod.GET).toBe(3);
  });

  test.each([
    [0, 100, 1],
    [200, 100, 2],
    [7, 3, 3],
  ])("listAll over %i participants at %i a page takes %i request(s)", async (count, perPage, requests) => {
    const meetingId = await newMeeting();
    await seedParticipants(meetingId, count);
    const all = await clientFor(emu).participants.listAll(meetingId, { perPage });
    expect(all).toHaveLength(count);
    expect(emu.control.counters().byMethod.GET).toBe(requests);
  });

  test("listAll still reads every page when the API caps the page size below the one asked for", async () => {
    const meetingId = await newMeeting();
    await seedParticipants(meetingId, 250);
    const all = await clientFor(emu).participants.listAll(meetingId, { perPage: 150 });
    expect(new Set(all.map((p) => p.id)).size).toBe(250);
  });

  test("edit PATCHes only the given fields and returns the participant with a token", async () => {
    const meetingId = await newMeeting();
    const wire = await addParticipant(emu, meetingId, {
      custom_participant_id: "dave",
      name: "Dave",
      picture: "https://example.com/d.png",
    });
    forgetSeen();
    const edited = await clientFor(emu).participants.edit(meetingId, wire.id, {
      presetName: "group_call_host",
      picture: null,
    });
    expect(seen()).toEqual([`PATCH /meetings/${meetingId}/participants/${wire.id} -> 200`]);
    expect(edited).toMatchObject({ id: wire.id, presetName: "group_call_host", name: "Dave", picture: null });
    expect(decodeJwt(edited.token)).toMatchObject({ participantId: wire.id });
  });

  test("delete answers the documented fields (presetId, no id), after which get is a NotFoundError", async () => {
    const meetingId = await newMeeting();
    const wire = await addParticipant(emu, meetingId, { custom_participant_id: "erin" });
    const client = clientFor(emu);
    forgetSeen();
    const deleted = await client.participants.delete(meetingId, wire.id);
    expect(seen()).toEqual([`DELETE /meetings/${meetingId}/participants/${wire.id} -> 200`]);
    const presetId = emu.control.snapshot().presets.find((p) => p.name === "group_call_participant")?.id;
    expect(deleted).toEqual({
      customParticipantId: "erin",
      presetId,
      createdAt: wire.created_at,
      updatedAt: expect.any(String),
    });
    expect(await caught(client.participants.get(meetingId, wire.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(client.participants.delete(meetingId, wire.id))).toBeInstanceOf(NotFoundError);
  });

  test("refreshToken POSTs to /token and returns a new token for the same participant", async () => {
    const meetingId = await newMeeting();
    const wire = await addParticipant(emu, meetingId, { custom_participant_id: "frank" });
    forgetSeen();
    const { token } = await clientFor(emu).participants.refreshToken(meetingId, wire.id);
    expect(seen()).toEqual([`POST /meetings/${meetingId}/participants/${wire.id}/token -> 200`]);
    expect(token).not.toBe(wire.token);
    expect(decodeJwt(token)).toMatchObject({ participantId: wire.id, meetingId });
    expect(storedParticipants(meetingId)).toHaveLength(1);
  });

  test("refreshToken is retried after a 503, issuing exactly one new token in two POSTs", async () => {
    const meetingId = await newMeeting();
    const wire = await addParticipant(emu, meetingId, { custom_participant_id: "grace" });
    forgetSeen();
    emu.control.injectFault({ method: "POST", path: "/token", kind: "status", status: 503 });
    const { token } = await clientFor(emu).participants.refreshToken(meetingId, wire.id);
    const tokenPath = `/meetings/${meetingId}/participants/${wire.id}/token`;
    expect(seen()).toEqual([`POST ${tokenPath} -> 503`, `POST ${tokenPath} -> 200`]);
    expect(token).not.toBe(wire.token);
    expect(decodeJwt(token)).toMatchObject({ participantId: wire.id, meetingId });
    const [stored] = storedParticipants(meetingId);
    expect(storedParticipants(meetingId)).toHaveLength(1);
    // One token from the add, one from the refresh that got through.
    expect(stored.tokens_issued).toBe(2);
  });

  test("an id with a slash stays one path segment and finds nothing", async () => {
    const meetingId = await newMeeting();
    const error = await caught(clientFor(emu).participants.get(meetingId, "x/../../"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen()).toEqual([`GET /meetings/${meetingId}/participants/x%2F..%2F..%2F -> 404`]);
  });
});
