import { startEmulator } from "../../emulator";
import { addParticipant, callApi, callControl, createMeeting, useEmulator } from "../helpers/emulator";

/** Time the test moves by hand: the emulator's rate-limit window runs on it, so no test waits. */
class ManualClock {
  private time = 1_700_000_000_000;

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

const clock = new ManualClock();
const emu = useEmulator({ clock });

const PARTICIPANTS_ROUTE = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants";

describe("fault injection", () => {
  test("a status fault answers the status for the next N matching requests, then requests pass", async () => {
    emu.control.injectFault({ kind: "status", status: 503, method: "GET", path: "/meetings", times: 2 });

    const first = await callApi(emu, "GET", "/meetings");
    const second = await callApi(emu, "GET", "/meetings");
    const third = await callApi(emu, "GET", "/meetings");

    expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
    expect(first.body).toEqual({ success: false, error: { code: 503, message: "Service Unavailable" } });
    expect(first.headers.get("cf-ray")).toMatch(/-EMU$/);
  });

  test("a fault only applies to requests matching its method and path", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.injectFault({ kind: "status", status: 500, method: "POST", path: "/participants" });

    expect((await callApi(emu, "GET", `/meetings/${meetingId}/participants`)).status).toBe(200);
    expect((await callApi(emu, "POST", "/meetings", {})).status).toBe(201);
    const add = await callApi(emu, "POST", `/meetings/${meetingId}/participants`, {
      custom_participant_id: "x",
      preset_name: "group_call_host",
    });
    expect(add.status).toBe(500);
    expect(emu.control.snapshot().participants).toHaveLength(0);
  });

  test("a glob path matches whole segments of the path after /client/v4, without the query", async () => {
    const meetingId = await createMeeting(emu);
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "x" });
    emu.control.injectFault({ kind: "status", status: 502, path: "/**/participants/*", times: 5 });

    expect((await callApi(emu, "GET", `/meetings/${meetingId}/participants?page_no=1`)).status).toBe(200);
    expect((await callApi(emu, "GET", `/meetings/${meetingId}/participants/${added.id}?x=1`)).status).toBe(
      502,
    );
    expect((await callApi(emu, "POST", `/meetings/${meetingId}/participants/${added.id}/token`)).status).toBe(
      200,
    );
  });

  test("* stands for exactly one segment and ** for any number, none included", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.injectFault({
      kind: "status",
      status: 503,
      path: "/accounts/*/realtime/kit/*/presets",
      times: 1,
    });
    emu.control.injectFault({ kind: "status", status: 504, path: "/**/meetings/**", times: 2 });

    expect((await callApi(emu, "GET", "/presets")).status).toBe(503);
    expect((await callApi(emu, "GET", "/meetings")).status).toBe(504);
    expect((await callApi(emu, "GET", `/meetings/${meetingId}/participants`)).status).toBe(504);
    expect((await callApi(emu, "GET", `/meetings/${meetingId}`)).status).toBe(200);
  });

  test("a pattern that would backtrack catastrophically as a regex is a plain substring", async () => {
    // As a regex, /(a+)+$/ against 40 a's and a slash takes longer than the test may run.
    emu.control.injectFault({ kind: "status", status: 500, path: "/(a+)+$/", probability: 1 });
    emu.control.injectFault({ kind: "status", status: 500, path: "/**/**/**/**/**/**/**/b", probability: 1 });

    const result = await callApi(emu, "GET", `/meetings/${"a".repeat(40)}/`);

    expect(result.status).toBe(400);
  });

  test("an injected 429 carries Retry-After and the gateway error shape", async () => {
    emu.control.injectFault({ kind: "status", status: 429, retryAfterSeconds: 7 });

    const result = await callApi(emu, "GET", "/meetings");

    expect(result.status).toBe(429);
    expect(result.headers.get("retry-after")).toBe("7");
    expect(result.body).toMatchObject({ success: false, errors: [{ code: 10100 }] });
  });

  test("a latency fault delays the request and then handles it normally", async () => {
    emu.control.injectFault({ kind: "latency", latencyMs: 50, method: "POST" });

    const result = await callApi(emu, "POST", "/meetings", { title: "slow" });

    expect(result.status).toBe(201);
    expect(emu.control.snapshot().meetings).toHaveLength(1);
  });

  test("a client that gives up during a long latency fault sees a timeout", async () => {
    emu.control.injectFault({ kind: "latency", latencyMs: 60_000 });

    const attempt = fetch(`${emu.appUrl}/meetings`, {
      headers: { authorization: `Bearer ${emu.apiToken}` },
      signal: AbortSignal.timeout(100),
    });

    await expect(attempt).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("a drop fault closes the connection without any response", async () => {
    emu.control.injectFault({ kind: "drop", path: "/meetings" });

    await expect(callApi(emu, "GET", "/meetings")).rejects.toThrow("fetch failed");
    expect((await callApi(emu, "GET", "/meetings")).status).toBe(200);
  });

  test("persist-then-500 creates the participant but answers 500", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.injectFault({ kind: "persist-then-500", method: "POST", path: "/participants" });

    const add = await callApi(emu, "POST", `/meetings/${meetingId}/participants`, {
      custom_participant_id: "ghost",
      preset_name: "group_call_host",
    });

    expect(add.status).toBe(500);
    expect(add.body).toEqual({ success: false, error: { code: 500, message: "Internal Server Error" } });
    const list = await callApi(emu, "GET", `/meetings/${meetingId}/participants`);
    expect(
      (list.body.data as { custom_participant_id: string }[]).map((p) => p.custom_participant_id),
    ).toEqual(["ghost"]);
  });

  test("a probability fault of 1 faults every matching request until cleared", async () => {
    emu.control.injectFault({ kind: "status", status: 500, probability: 1, method: "GET" });

    for (let index = 0; index < 5; index++) expect((await callApi(emu, "GET", "/meetings")).status).toBe(500);
    emu.control.clearFaults();
    expect((await callApi(emu, "GET", "/meetings")).status).toBe(200);
  });

  test("a probability fault of 0.5 faults some requests and lets others through", async () => {
    emu.control.injectFault({ kind: "status", status: 500, probability: 0.5 });

    const statuses = new Set<number>();
    for (let index = 0; index < 100; index++) statuses.add((await callApi(emu, "GET", "/presets")).status);

    expect([...statuses].sort()).toEqual([200, 500]);
  });

  test.each([
    [{ kind: "explode" }, /kind must be one of/],
    [{ kind: "status" }, /status must be an HTTP error status 400..599/],
    [{ kind: "status", status: 100 }, /status must be an HTTP error status 400..599/],
    [{ kind: "status", status: 200 }, /status must be an HTTP error status 400..599/],
    [{ kind: "status", status: 600 }, /status must be an HTTP error status 400..599/],
    [{ kind: "latency" }, /latencyMs/],
    [{ kind: "status", status: 500, times: 0 }, /times must be a positive integer/],
    [{ kind: "status", status: 500, probability: 2 }, /probability/],
    [{ kind: "status", status: 500, path: "/meetings/m*" }, /a \* must be a whole segment/],
    [{ kind: "status", status: 500, path: `/${"x".repeat(300)}` }, /at most 256 characters/],
    [{ kind: "status", status: 500, path: 7 }, /path must be a string/],
  ])("an invalid fault %j is refused", (fault, message) => {
    expect(() => emu.control.injectFault(fault as never)).toThrow(message);
  });

  test("at most 1,000 faults are in force at once", () => {
    for (let index = 0; index < 1000; index++) {
      emu.control.injectFault({ kind: "status", status: 503, path: `/never-${index}` });
    }
    expect(() => emu.control.injectFault({ kind: "status", status: 503 })).toThrow(
      "Invalid fault: 1000 faults are in force already (clear them first)",
    );
    emu.control.clearFaults();
    emu.control.injectFault({ kind: "status", status: 503, path: "/never" });
  });
});

describe("rate limit", () => {
  test("past the limit every API call gets 429 with Retry-After until the window ends", async () => {
    emu.control.setRateLimit({ requests: 3, windowMs: 1500 });

    const allowed = [];
    for (let index = 0; index < 3; index++) allowed.push((await callApi(emu, "GET", "/presets")).status);
    const limited = await callApi(emu, "POST", "/meetings", {});
    const unauthenticated = await fetch(`${emu.appUrl}/presets`);

    expect(allowed).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(2);
    expect(limited.body).toEqual({
      success: false,
      errors: [{ code: 10100, message: "More than 3 requests per 1.5 seconds reached" }],
      messages: [],
      result: null,
    });
    // Authentication comes first, so a request without the token is refused as such, even past the limit.
    expect(unauthenticated.status).toBe(401);
    expect(emu.control.snapshot().meetings).toHaveLength(0);
    expect(limited.headers.get("retry-after")).toBe("2");

    clock.advance(1499);
    const lastMillisecond = await callApi(emu, "GET", "/presets");
    expect(lastMillisecond.status).toBe(429);
    expect(lastMillisecond.headers.get("retry-after")).toBe("1");

    clock.advance(1);
    const status = (await callApi(emu, "GET", "/presets")).status;
    expect(status).toBe(200);
    // The new window counts from its first request: two more fit, the fourth is refused.
    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
    expect((await callApi(emu, "GET", "/presets")).status).toBe(429);
  });

  test("a clock without now() is refused", async () => {
    await expect(startEmulator({ clock: {} as never })).rejects.toThrow(/clock must have a now\(\) method/);
  });

  test("setting the limit to null lifts it", async () => {
    emu.control.setRateLimit({ requests: 1, windowMs: 60_000 });
    await callApi(emu, "GET", "/presets");
    expect((await callApi(emu, "GET", "/presets")).status).toBe(429);

    emu.control.setRateLimit(null);

    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
  });

  test("a reset starts a fresh window", async () => {
    emu.control.setRateLimit({ requests: 1, windowMs: 60_000 });
    await callApi(emu, "GET", "/presets");
    expect((await callApi(emu, "GET", "/presets")).status).toBe(429);

    emu.control.reset();

    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
  });
});

describe("request counters", () => {
  test("count API requests by method and by route template, and not control requests", async () => {
    const meetingId = await createMeeting(emu);
    const added = await addParticipant(emu, meetingId, { custom_participant_id: "a" });
    await callApi(emu, "GET", `/meetings/${meetingId}/participants`);
    await callApi(emu, "GET", `/meetings/${meetingId}/participants/${added.id}`);
    await callApi(emu, "POST", `/meetings/${meetingId}/participants/${added.id}/token`);
    await callApi(emu, "POST", `/meetings/${meetingId}/participants/${added.id}/token`);
    await callControl(emu, "GET", "/state");

    expect(emu.control.counters()).toEqual({
      total: 6,
      mutating: 4,
      byMethod: { GET: 2, POST: 4 },
      byRoute: {
        "POST /accounts/{account_id}/realtime/kit/{app_id}/meetings": 1,
        [`POST ${PARTICIPANTS_ROUTE}`]: 1,
        [`GET ${PARTICIPANTS_ROUTE}`]: 1,
        [`GET ${PARTICIPANTS_ROUTE}/{participant_id}`]: 1,
        [`POST ${PARTICIPANTS_ROUTE}/{participant_id}/token`]: 2,
      },
    });
  });

  test("count faulted, rate-limited and rejected requests too", async () => {
    emu.control.injectFault({ kind: "status", status: 500 });
    await callApi(emu, "GET", "/presets");
    await fetch(`${emu.appUrl}/presets`);

    expect(emu.control.counters().byRoute).toEqual({
      "GET /accounts/{account_id}/realtime/kit/{app_id}/presets": 2,
    });
  });

  test("resetCounters starts from zero", async () => {
    await callApi(emu, "GET", "/presets");

    emu.control.resetCounters();

    expect(emu.control.counters()).toEqual({ total: 0, mutating: 0, byMethod: {}, byRoute: {} });
  });
});

describe("reset", () => {
  test("empties meetings and participants and clears faults", async () => {
    const meetingId = await createMeeting(emu);
    await addParticipant(emu, meetingId, { custom_participant_id: "a" });
    emu.control.injectFault({ kind: "status", status: 500, probability: 1 });

    emu.control.reset();

    const snapshot = emu.control.snapshot();
    expect(snapshot.meetings).toEqual([]);
    expect(snapshot.participants).toEqual([]);
    expect((await callApi(emu, "GET", "/presets")).status).toBe(200);
  });

  test("keeps the credentials, app id and preset ids", async () => {
    const before = emu.control.snapshot();

    emu.control.reset();

    const after = emu.control.snapshot();
    expect(after.appId).toBe(before.appId);
    expect(after.presets.map((preset) => preset.id)).toEqual(before.presets.map((preset) => preset.id));
  });
});
