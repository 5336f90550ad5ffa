import { startEmulator, verifyParticipantToken } from "../../emulator";
import { signParticipantToken } from "../../emulator/jwt";
import { addParticipant, callApi, createMeeting, decodeJwt, useEmulator } from "../helpers/emulator";

describe("participant tokens", () => {
  const emu = useEmulator({ tokenTtlSeconds: 3600 });

  test("are HS256 JWTs naming the participant, meeting and app, expiring after the configured TTL", async () => {
    const meetingId = await createMeeting(emu);
    const before = Math.floor(Date.now() / 1000);

    const added = await addParticipant(emu, meetingId, { custom_participant_id: "alice" });

    const header = JSON.parse(Buffer.from(added.token.split(".")[0], "base64url").toString("utf8"));
    expect(header).toEqual({ alg: "HS256", typ: "JWT" });
    const claims = decodeJwt(added.token);
    expect(claims).toMatchObject({ sub: added.id, participantId: added.id, meetingId, orgId: emu.appId });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(claims.iat as number).toBeGreaterThanOrEqual(before);
  });

  test("carry a fresh jti on every refresh", async () => {
    const meetingId = await createMeeting(emu);
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "bob" });
    const refreshed = await callApi(emu, "POST", `/meetings/${meetingId}/participants/${added.id}/token`);
    const token = (refreshed.body.data as { token: string }).token;

    const claims = decodeJwt(token);
    expect(claims.sub).toBe(added.id);
    expect(claims.jti).not.toBe(decodeJwt(added.token).jti);
  });

  test("follow a TTL changed at run time", async () => {
    emu.control.setSettings({ tokenTtlSeconds: 120 });
    const meetingId = await createMeeting(emu);

    const added = await addParticipant(emu, meetingId, { custom_participant_id: "carol" });

    const claims = decodeJwt(added.token);
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
  });

  test("can be minted as if issued earlier: same lifetime, earlier iat and exp, until a reset", async () => {
    emu.control.setSettings({ tokenIssuedSecondsAgo: 3000 });
    const meetingId = await createMeeting(emu);
    const now = Math.floor(Date.now() / 1000);

    const early = decodeJwt((await addParticipant(emu, meetingId, { custom_participant_id: "erin" })).token);
    expect((early.exp as number) - (early.iat as number)).toBe(3600);
    expect(early.iat as number).toBeLessThanOrEqual(now - 3000);
    expect(early.iat as number).toBeGreaterThan(now - 3010);
    expect(() => emu.control.setSettings({ tokenIssuedSecondsAgo: -1 })).toThrow(
      "tokenIssuedSecondsAgo must be a non-negative integer",
    );

    emu.control.reset();
    const later = await createMeeting(emu);
    const fresh = decodeJwt((await addParticipant(emu, later, { custom_participant_id: "fay" })).token);
    expect(fresh.iat as number).toBeGreaterThanOrEqual(now);
  });

  test("go back to the start TTL after a reset", async () => {
    emu.control.setSettings({ tokenTtlSeconds: 120 });
    emu.control.reset();
    const meetingId = await createMeeting(emu);

    const added = await addParticipant(emu, meetingId, { custom_participant_id: "dave" });

    const claims = decodeJwt(added.token);
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });
});

describe("the default token TTL", () => {
  const emu = useEmulator();

  test("is 24 hours", async () => {
    const meetingId = await createMeeting(emu);

    const claims = decodeJwt((await addParticipant(emu, meetingId, { custom_participant_id: "x" })).token);

    expect((claims.exp as number) - (claims.iat as number)).toBe(86400);
  });
});

describe("duplicate custom_participant_id", () => {
  const emu = useEmulator();

  test("creates a second participant under the default allow policy", async () => {
    const meetingId = await createMeeting(emu);
    const first = await addParticipant(emu, meetingId, { custom_participant_id: "same" });

    const second = await addParticipant(emu, meetingId, { custom_participant_id: "same" });

    expect(second.id).not.toBe(first.id);
    const list = await callApi(emu, "GET", `/meetings/${meetingId}/participants`);
    expect(list.body.paging).toMatchObject({ total_count: 2 });
  });

  test("answers 409 under the reject policy, and only within one meeting", async () => {
    emu.control.setSettings({ duplicateCustomParticipantId: "reject" });
    const meetingId = await createMeeting(emu);
    await addParticipant(emu, meetingId, { custom_participant_id: "same" });

    const result = await callApi(emu, "POST", `/meetings/${meetingId}/participants`, {
      custom_participant_id: "same",
      preset_name: "group_call_host",
    });

    expect(result.status).toBe(409);
    expect(result.body).toEqual({
      success: false,
      error: {
        code: 409,
        message: "Participant with custom_participant_id same already exists in this meeting",
      },
    });
    const otherMeeting = await createMeeting(emu);
    await expect(addParticipant(emu, otherMeeting, { custom_participant_id: "same" })).resolves.toBeDefined();
  });

  test("can be set to reject at start", async () => {
    const rejecting = await startEmulator({ duplicateCustomParticipantId: "reject" });
    try {
      const meetingId = await createMeeting(rejecting);
      await addParticipant(rejecting, meetingId, { custom_participant_id: "same" });

      await expect(addParticipant(rejecting, meetingId, { custom_participant_id: "same" })).rejects.toThrow(
        "409",
      );
    } finally {
      await rejecting.close();
    }
  });
});

describe("token signatures", () => {
  const subject = { participantId: "p", meetingId: "m", appId: "a", presetId: "s" };

  test("verify with the secret that signed them", () => {
    const token = signParticipantToken(subject, 60, "secret-1");

    expect(verifyParticipantToken(token, "secret-1")).toMatchObject({ sub: "p", meetingId: "m", orgId: "a" });
  });

  test("do not verify with another secret or when the payload was altered", () => {
    const token = signParticipantToken(subject, 60, "secret-1");
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "someone-else" })).toString("base64url");

    expect(verifyParticipantToken(token, "secret-2")).toBeNull();
    expect(verifyParticipantToken(`${header}.${forged}.${signature}`, "secret-1")).toBeNull();
    expect(verifyParticipantToken("not-a-jwt", "secret-1")).toBeNull();
  });
});
