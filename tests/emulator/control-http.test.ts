import { request as httpRequest } from "node:http";
import { addParticipant, callApi, callControl, createMeeting, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

function control(method: string, path: string, body?: unknown) {
  return callControl(emu, method, path, body);
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
    expect(result.body.error).toMatch(/status must be an HTTP error status 400..599/);
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
    expect((await control("PUT", "/settings", { tokenIssuedSecondsAgo: "long" })).status).toBe(400);
  });

  test("PUT /settings takes the preset and webhook settings, and names an unknown setting or bad value", async () => {
    const body = {
      duplicateNames: "allow",
      emptyWebhookList: "empty",
      webhookPutAnswer: "whole",
      serverAddedFields: false,
      presetInUse: "allow",
    };
    expect((await control("PUT", "/settings", body)).status).toBe(200);
    expect((await callApi(emu, "GET", "/webhooks")).body.data).toEqual([]);

    expect(await control("PUT", "/settings", { emptyWebhookList: "none" })).toEqual({
      status: 400,
      body: { error: "emptyWebhookList must be not-found or empty" },
    });
    expect((await control("PUT", "/settings", { webhookEcho: "partial" })).body.error).toMatch(
      /^unknown setting webhookEcho \(known: .*webhookPutAnswer/,
    );
  });

  test("a reset restores the settings given at start", async () => {
    await control("PUT", "/settings", { emptyWebhookList: "empty" });

    expect((await control("POST", "/reset")).status).toBe(200);

    expect((await callApi(emu, "GET", "/webhooks")).status).toBe(404);
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

describe("the control surface refuses what a web page could send", () => {
  /** A raw request, since fetch may not set Host: what a DNS-rebinding page's browser would send. */
  function rawRequest(method: string, path: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const url = new URL(`${emu.origin}/__emulator${path}`);
      const req = httpRequest(
        { host: url.hostname, port: url.port, method, path: url.pathname, headers },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  async function participantsLeft(): Promise<number> {
    return emu.control.snapshot().participants.length;
  }

  beforeEach(async () => {
    await addParticipant(emu, await createMeeting(emu), { custom_participant_id: "kept" });
  });

  test("a request without the control header is refused, and does nothing", async () => {
    const response = await fetch(`${emu.origin}/__emulator/reset`, { method: "POST" });

    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /must carry the header x-emulator-control/,
    );
    expect(await participantsLeft()).toBe(1);
  });

  test("a request from a foreign Origin is refused, even with the header", async () => {
    const result = await callControl(emu, "POST", "/reset", undefined, { origin: "https://evil.example" });

    expect(result.status).toBe(403);
    expect(result.body.error).toMatch(/another origin/);
    expect(await participantsLeft()).toBe(1);
  });

  test("a request naming another Host (DNS rebinding) is refused, even with the header", async () => {
    const port = new URL(emu.origin).port;
    expect(
      await rawRequest("POST", "/reset", { host: `evil.example:${port}`, "x-emulator-control": "1" }),
    ).toBe(403);
    expect(await participantsLeft()).toBe(1);
    expect(await rawRequest("POST", "/reset", { host: `localhost:${port}`, "x-emulator-control": "1" })).toBe(
      200,
    );
    expect(await participantsLeft()).toBe(0);
  });

  test("a CORS preflight gets no permission", async () => {
    const response = await fetch(`${emu.origin}/__emulator/reset`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });

    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("the emulator's own origin and the control header are accepted", async () => {
    expect((await callControl(emu, "POST", "/reset", undefined, { origin: emu.origin })).status).toBe(200);
    expect(await participantsLeft()).toBe(0);
  });
});
