import { addParticipant, callApi, createMeeting, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emu.origin}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the HTTP control surface", () => {
  test("POST /faults injects a fault and DELETE /faults clears it", async () => {
    expect(await control("POST", "/faults", { kind: "status", status: 503, probability: 1 })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect((await callApi(emu, "GET", "/presets")).status).toBe(503);

    expect((await control("DELETE", "/faults")).status).toBe(200);
    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
  });

  test("POST /faults refuses an invalid fault with 400", async () => {
    const result = await control("POST", "/faults", { kind: "status" });

    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/status must be an HTTP status/);
  });

  test("PUT /rate-limit sets and lifts the limit", async () => {
    expect((await control("PUT", "/rate-limit", { requests: 1, windowMs: 60_000 })).status).toBe(200);
    await callApi(emu, "GET", "/presets");
    expect((await callApi(emu, "GET", "/presets")).status).toBe(429);

    expect((await control("PUT", "/rate-limit", null)).status).toBe(200);
    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
  });

  test("PUT /rate-limit refuses a malformed limit", async () => {
    expect((await control("PUT", "/rate-limit", { requests: "many" })).status).toBe(400);
  });

  test("PUT /settings changes the duplicate policy and token TTL", async () => {
    expect(
      (await control("PUT", "/settings", { duplicateCustomParticipantId: "reject", tokenTtlSeconds: 60 }))
        .status,
    ).toBe(200);
    const meetingId = await createMeeting(emu);
    await addParticipant(emu, meetingId, { custom_participant_id: "a" });

    const duplicate = await callApi(emu, "POST", `/meetings/${meetingId}/participants`, {
      custom_participant_id: "a",
      preset_name: "group_call_host",
    });

    expect(duplicate.status).toBe(409);
    expect((await control("PUT", "/settings", { duplicateCustomParticipantId: "maybe" })).status).toBe(400);
  });

  test("GET /counters and POST /counters/reset report and clear the counters", async () => {
    await callApi(emu, "GET", "/presets");

    const counters = await control("GET", "/counters");
    expect(counters.body).toEqual({
      total: 1,
      mutating: 0,
      byMethod: { GET: 1 },
      byRoute: { "GET /accounts/{account_id}/realtime/kit/{app_id}/presets": 1 },
    });
    await control("POST", "/counters/reset");
    expect((await control("GET", "/counters")).body).toMatchObject({ total: 0 });
  });

  test("GET /state dumps the data and POST /reset empties it", async () => {
    const meetingId = await createMeeting(emu, { title: "dumped" });
    await addParticipant(emu, meetingId, { custom_participant_id: "a" });

    const state = await control("GET", "/state");
    expect(state.body).toMatchObject({
      accountId: emu.accountId,
      appId: emu.appId,
      meetings: [{ id: meetingId, fields: { title: "dumped" } }],
      participants: [{ meeting_id: meetingId, custom_participant_id: "a", tokens_issued: 1 }],
    });
    expect(state.body.presets).toHaveLength(4);

    await control("POST", "/reset");
    expect((await control("GET", "/state")).body).toMatchObject({ meetings: [], participants: [] });
  });

  test("an unknown control route answers 404", async () => {
    expect((await control("GET", "/nothing")).status).toBe(404);
  });
});
