import { randomUUID } from "node:crypto";
import { CONTROL_HEADER } from "../../emulator";
import { callApi, createMeeting, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

const GATEWAY_401 = {
  success: false,
  errors: [{ code: 10000, message: "Authentication error" }],
  messages: [],
  result: null,
};

describe("authentication", () => {
  test("a request without a token answers 401 in the Cloudflare v4 gateway shape", async () => {
    const response = await fetch(`${emu.appUrl}/meetings`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(GATEWAY_401);
  });

  test("a wrong Bearer token answers 401", async () => {
    const response = await fetch(`${emu.appUrl}/meetings`, { headers: { authorization: "Bearer wrong" } });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(GATEWAY_401);
  });

  test("the token must come as a Bearer token", async () => {
    const response = await fetch(`${emu.appUrl}/meetings`, { headers: { authorization: emu.apiToken } });

    expect(response.status).toBe(401);
  });

  test("every response carries a cf-ray header ending in -EMU, errors included", async () => {
    const denied = await fetch(`${emu.appUrl}/meetings`);
    const allowed = await callApi(emu, "GET", "/meetings");
    const control = await fetch(`${emu.origin}/__emulator/counters`, { headers: { [CONTROL_HEADER]: "1" } });

    for (const ray of [
      denied.headers.get("cf-ray"),
      allowed.headers.get("cf-ray"),
      control.headers.get("cf-ray"),
    ]) {
      expect(ray).toMatch(/^[0-9a-f]{16}-EMU$/);
    }
    expect(denied.headers.get("cf-ray")).not.toBe(allowed.headers.get("cf-ray"));
  });
});

describe("routing", () => {
  test("an unknown account answers 403 in the gateway shape", async () => {
    const result = await callApi(
      emu,
      "GET",
      `/accounts/${"0".repeat(32)}/realtime/kit/${emu.appId}/meetings`,
    );

    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      success: false,
      errors: [{ code: 9109, message: "Unauthorized to access requested resource" }],
      messages: [],
      result: null,
    });
  });

  test("an unknown app answers 404 naming it", async () => {
    const appId = randomUUID();

    const result = await callApi(emu, "GET", `/accounts/${emu.accountId}/realtime/kit/${appId}/meetings`);

    expect(result.status).toBe(404);
    expect(result.body).toEqual({
      success: false,
      error: { code: 404, message: `No app found with id ${appId}` },
    });
  });

  test("DELETE of a meeting answers 404 Not Found, like an unknown route, and deletes nothing", async () => {
    const meetingId = await createMeeting(emu);

    const result = await callApi(emu, "DELETE", `/meetings/${meetingId}`);

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ success: false, error: { code: 404, message: "Not Found" } });
    expect((await callApi(emu, "GET", `/meetings/${meetingId}`)).status).toBe(200);
  });

  test("an unknown path under an account answers 404 Not Found", async () => {
    const result = await callApi(emu, "GET", "/no-such-thing");

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ success: false, error: { code: 404, message: "Not Found" } });
  });

  test("a path outside the accounts tree answers the gateway's no-route error", async () => {
    const response = await fetch(`${emu.baseUrl}/zones`, {
      headers: { authorization: `Bearer ${emu.apiToken}` },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ success: false, errors: [{ code: 7000 }] });
  });

  test("a trailing slash reaches the same route", async () => {
    const result = await callApi(emu, "GET", "/meetings/");

    expect(result.status).toBe(200);
  });

  test("percent-encoded path segments are decoded before matching", async () => {
    const result = await callApi(emu, "GET", `/meetings/${encodeURIComponent("a/b")}`);

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message: '"meeting_id" must be a valid GUID' });
  });
});

describe("authentication comes before faults and the rate limit", () => {
  test("a request without the token is refused as such while every request is faulted", async () => {
    emu.control.injectFault({ kind: "status", status: 503, probability: 1 });
    emu.control.injectFault({ kind: "drop", probability: 1 });

    const response = await fetch(`${emu.appUrl}/meetings`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(GATEWAY_401);
    expect((await callApi(emu, "GET", "/meetings")).status).toBe(503);
  });

  test("requests without the token do not use up the token's rate-limit window", async () => {
    emu.control.setRateLimit({ requests: 2, windowMs: 60_000 });
    for (let index = 0; index < 5; index++) expect((await fetch(`${emu.appUrl}/meetings`)).status).toBe(401);

    expect((await callApi(emu, "GET", "/meetings")).status).toBe(200);
    expect((await callApi(emu, "GET", "/meetings")).status).toBe(200);
    expect((await callApi(emu, "GET", "/meetings")).status).toBe(429);
  });
});
