import {
  DEFAULT_RETRY,
  isIdempotent,
  mayHaveBeenProcessed,
  parseRetryAfter,
  pauseBeforeResend,
  resolveRetryOptions,
  sendUntilSettled,
  retryDelay,
  shouldRetry,
  type AttemptOutcome,
  type HttpMethod,
} from "../../sdk/retry";
import { ApiError, ConnectionError, RateLimitError, TimeoutError } from "../../sdk/errors";
import type { FaultSpec } from "../../emulator";
import { createMeeting, useEmulator } from "../helpers/emulator";
import { VirtualClock, caught, clientFor } from "./support";

const status = (code: number, retryAfterMs?: number): AttemptOutcome => ({
  kind: "status",
  status: code,
  retryAfterMs,
});
const timeout: AttemptOutcome = { kind: "timeout" };
const dropped: AttemptOutcome = { kind: "connection", requestSent: true };
const refused: AttemptOutcome = { kind: "connection", requestSent: false };

describe("shouldRetry", () => {
  const idempotent: HttpMethod[] = ["GET", "PUT", "PATCH", "DELETE"];

  test.each(
    idempotent.flatMap((method) => [408, 429, 500, 502, 503, 504].map((code) => [method, code] as const)),
  )("retries %s after a %i", (method, code) => {
    expect(shouldRetry(method, status(code), 1, DEFAULT_RETRY)).toBe(true);
  });

  test.each(idempotent)("retries %s after a timeout or a connection error", (method) => {
    expect(shouldRetry(method, timeout, 1, DEFAULT_RETRY)).toBe(true);
    expect(shouldRetry(method, dropped, 1, DEFAULT_RETRY)).toBe(true);
    expect(shouldRetry(method, refused, 1, DEFAULT_RETRY)).toBe(true);
  });

  test.each([400, 401, 403, 404, 409, 422, 501])("does not retry GET after a %i", (code) => {
    expect(shouldRetry("GET", status(code), 1, DEFAULT_RETRY)).toBe(false);
  });

  test("retries POST after a 429, which refused the request", () => {
    expect(shouldRetry("POST", status(429), 1, DEFAULT_RETRY)).toBe(true);
  });

  test.each<[string, AttemptOutcome]>([
    ["500", status(500)],
    ["502", status(502)],
    ["503", status(503)],
    ["408", status(408)],
    ["a timeout", timeout],
    ["a dropped connection", dropped],
    ["a refused connection", refused],
  ])("never retries POST after %s", (_label, outcome) => {
    expect(shouldRetry("POST", outcome, 1, DEFAULT_RETRY)).toBe(false);
  });

  test("stops once the attempt number passes the limit", () => {
    const policy = { ...DEFAULT_RETRY, limit: 2 };
    expect(shouldRetry("GET", status(503), 2, policy)).toBe(true);
    expect(shouldRetry("GET", status(503), 3, policy)).toBe(false);
    expect(shouldRetry("POST", status(429), 3, policy)).toBe(false);
  });

  test("does not wait out a Retry-After longer than maxRetryAfterMs", () => {
    expect(shouldRetry("GET", status(429, 60_000), 1, DEFAULT_RETRY)).toBe(true);
    expect(shouldRetry("GET", status(429, 300_000), 1, DEFAULT_RETRY)).toBe(false);
  });

  test.each(
    [408, 429, 500, 502, 503, 504].flatMap((code) =>
      (
        [
          [60_000, true],
          [60_001, false],
          [3_600_000, false],
        ] as const
      ).map(([retryAfterMs, retried]) => [code, retryAfterMs, retried] as const),
    ),
  )("a GET answered %i with Retry-After %i ms is retried: %s", (code, retryAfterMs, retried) => {
    expect(shouldRetry("GET", status(code, retryAfterMs), 1, DEFAULT_RETRY)).toBe(retried);
  });

  test("the Retry-After cap follows maxRetryAfterMs for every status", () => {
    const policy = { ...DEFAULT_RETRY, maxRetryAfterMs: 5000 };
    expect(shouldRetry("PUT", status(503, 5000), 1, policy)).toBe(true);
    expect(shouldRetry("PUT", status(503, 5001), 1, policy)).toBe(false);
    expect(shouldRetry("DELETE", status(408, 5001), 1, policy)).toBe(false);
  });

  test.each<[string, AttemptOutcome]>([
    ["500", status(500)],
    ["502", status(502)],
    ["503", status(503)],
    ["408", status(408)],
    ["429", status(429)],
    ["a timeout", timeout],
    ["a dropped connection", dropped],
    ["a refused connection", refused],
  ])("retries a POST flagged idempotent after %s", (_label, outcome) => {
    expect(shouldRetry("POST", outcome, 1, DEFAULT_RETRY, { idempotent: true })).toBe(true);
  });

  test("a POST flagged idempotent still obeys the limit, the statuses and the Retry-After cap", () => {
    const flagged = { idempotent: true };
    expect(shouldRetry("POST", status(503), DEFAULT_RETRY.limit + 1, DEFAULT_RETRY, flagged)).toBe(false);
    expect(shouldRetry("POST", status(400), 1, DEFAULT_RETRY, flagged)).toBe(false);
    expect(shouldRetry("POST", status(503, 3_600_000), 1, DEFAULT_RETRY, flagged)).toBe(false);
    expect(shouldRetry("POST", status(503), 1, resolveRetryOptions(false), flagged)).toBe(false);
    expect(shouldRetry("POST", status(503), 1, DEFAULT_RETRY, { idempotent: false })).toBe(false);
  });

  test("isIdempotent: the policy's methods, or a request flagged so", () => {
    expect(isIdempotent("GET", DEFAULT_RETRY)).toBe(true);
    expect(isIdempotent("POST", DEFAULT_RETRY)).toBe(false);
    expect(isIdempotent("POST", DEFAULT_RETRY, { idempotent: true })).toBe(true);
  });

  test("retry: false means no retry at all", () => {
    expect(shouldRetry("GET", status(503), 1, resolveRetryOptions(false))).toBe(false);
    expect(shouldRetry("POST", status(429), 1, resolveRetryOptions(false))).toBe(false);
  });
});

describe("mayHaveBeenProcessed", () => {
  test.each<[string, AttemptOutcome, boolean]>([
    ["a 500", status(500), true],
    ["a 503", status(503), true],
    ["a timeout", timeout, true],
    ["a dropped connection", dropped, true],
    ["a refused connection", refused, false],
    ["a 429", status(429), false],
    ["a 400", status(400), false],
    ["a 409", status(409), false],
  ])("says %s may have been processed: %s", (_label, outcome, expected) => {
    expect(mayHaveBeenProcessed(outcome)).toBe(expected);
  });
});

describe("retryDelay", () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000, jitter: 0.5 };

  test.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1000],
    [10, 1000],
  ])("backs off exponentially up to the cap: retry %i waits at most %i ms", (attempt, ceiling) => {
    expect(retryDelay(attempt, null, policy, () => 0)).toBe(ceiling);
    expect(retryDelay(attempt, null, policy, () => 1)).toBe(ceiling / 2);
  });

  test("keeps jittered delays between half and all of the exponential value", () => {
    for (let i = 0; i < 100; i++) {
      const delay = retryDelay(3, undefined, policy);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });

  test("uses Retry-After seconds instead of the backoff", () => {
    expect(retryDelay(1, "3", policy, () => 0.5)).toBe(3000);
  });

  test("uses a Retry-After HTTP date relative to now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryDelay(1, "Thu, 01 Jan 2026 00:00:07 GMT", policy, () => 0.5, now)).toBe(7000);
  });

  test("no jitter gives the exact exponential value", () => {
    expect(retryDelay(2, null, { ...policy, jitter: 0 }, () => 0.9)).toBe(200);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");

  test.each<[string | null | undefined, number | null]>([
    ["0", 0],
    ["1", 1000],
    ["120", 120_000],
    [" 2 ", 2000],
    ["1.5", 1500],
    ["Sun, 01 Mar 2026 12:00:30 GMT", 30_000],
    ["Sun, 01 Mar 2026 11:59:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("reads %p as %p ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe("DEFAULT_RETRY", () => {
  test("is frozen, so no caller can change the policy of every client", () => {
    expect(Object.isFrozen(DEFAULT_RETRY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETRY.methods)).toBe(true);
    expect(DEFAULT_RETRY.methods).not.toContain("POST");
  });

  test("is overridden field by field", () => {
    expect(resolveRetryOptions({ limit: 1, baseDelayMs: 1 })).toEqual({
      ...DEFAULT_RETRY,
      limit: 1,
      baseDelayMs: 1,
    });
  });
});

describe("resending a request whose outcome was unknown", () => {
  const unknown = () => Object.assign(new Error("timed out"), { outcomeUnknown: true });
  const context = (limit: number, clock = new VirtualClock(), log: string[] = []) => ({
    policy: { ...DEFAULT_RETRY, limit, baseDelayMs: 100, jitter: 0 },
    sleep: (ms: number) => clock.sleep(ms),
    random: () => 0,
    log: (line: string) => log.push(line),
  });

  test("pauseBeforeResend waits the backoff of each resend, then says no once the retries are used up", async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    const policy = context(2, clock, log);
    expect(await pauseBeforeResend(policy, 1)).toBe(true);
    expect(await pauseBeforeResend(policy, 2)).toBe(true);
    expect(await pauseBeforeResend(policy, 3)).toBe(false);
    expect(clock.sleeps).toEqual([100, 200]);
    expect(log).toEqual([
      "RealtimeKit: not processed; sending again (retry 1 of 2) in 100 ms",
      "RealtimeKit: not processed; sending again (retry 2 of 2) in 200 ms",
    ]);
  });

  test("sendUntilSettled resends only after settle found nothing, and returns what settle found", async () => {
    let sends = 0;
    const settled = await sendUntilSettled(
      context(5),
      async () => {
        sends += 1;
        throw unknown();
      },
      async () => (sends === 2 ? "found" : undefined),
    );
    expect({ settled, sends }).toEqual({ settled: "found", sends: 2 });
  });

  test("sendUntilSettled throws the last unknown outcome after limit + 1 sends, and any other failure at once", async () => {
    let sends = 0;
    const send = async (): Promise<string> => {
      sends += 1;
      throw unknown();
    };
    await expect(sendUntilSettled(context(2), send, async () => undefined)).rejects.toThrow("timed out");
    expect(sends).toBe(3);
    const refusedOnce = sendUntilSettled(
      context(2),
      async () => {
        throw new Error("refused");
      },
      async () => "never",
    );
    await expect(refusedOnce).rejects.toThrow("refused");
  });
});

describe("the retry policy against the emulator", () => {
  const emu = useEmulator();
  const participantsRoute =
    "POST /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants";
  const add = { customParticipantId: "alice", presetName: "group_call_host", name: "Alice" };

  test("retries a GET through 503, 503, then answers", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "GET", path: "/meetings/", kind: "status", status: 503, times: 2 });
    const meeting = await clientFor(emu).meetings.get(meetingId);
    expect(meeting.id).toBe(meetingId);
    expect(emu.control.counters().byMethod.GET).toBe(3);
  });

  test("retries a PATCH after a 503", async () => {
    const meetingId = await createMeeting(emu);
    const client = clientFor(emu);
    const alice = await client.participants.add(meetingId, add);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "PATCH", kind: "status", status: 503 });
    const edited = await client.participants.edit(meetingId, alice.id, { name: "Alice B" });
    expect(edited.name).toBe("Alice B");
    expect(emu.control.counters().byMethod.PATCH).toBe(2);
  });

  test("gives up after the limit and throws the last error", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "GET", kind: "status", status: 503, times: 10 });
    const error = await caught(
      clientFor(emu, { retry: { limit: 2, baseDelayMs: 1 } }).meetings.get(meetingId),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, outcomeUnknown: false });
    expect(emu.control.counters().byMethod.GET).toBe(3);
  });

  test("retry: false sends once", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "GET", kind: "status", status: 503 });
    await caught(clientFor(emu, { retry: false }).meetings.get(meetingId));
    expect(emu.control.counters().total).toBe(1);
  });

  test.each<[string, FaultSpec, typeof ApiError | typeof ConnectionError]>([
    ["a 500", { kind: "status", status: 500 }, ApiError],
    ["a dropped connection", { kind: "drop" }, ConnectionError],
  ])("does not retry a POST after %s, and says the outcome is unknown", async (_label, fault, expected) => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "POST", path: "/participants", ...fault });
    const error = await caught(clientFor(emu).participants.add(meetingId, add));
    expect(error).toBeInstanceOf(expected);
    expect(error).toMatchObject({
      outcomeUnknown: true,
      method: "POST",
      path: `/meetings/${meetingId}/participants`,
    });
    expect(error.message).toContain("outcome unknown");
    expect(emu.control.counters().byRoute[participantsRoute]).toBe(1);
  });

  test("does not retry a POST that timed out, and says the outcome is unknown", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "POST", path: "/participants", kind: "latency", latencyMs: 2000 });
    const error = await caught(clientFor(emu, { timeoutMs: 100 }).participants.add(meetingId, add));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true, timeoutMs: 100 });
    expect(emu.control.counters().byRoute[participantsRoute]).toBe(1);
  });

  test("a POST answered 500 may well have been processed: that is why it is not retried", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "POST", path: "/participants", kind: "persist-then-500" });
    const error = await caught(clientFor(emu).participants.add(meetingId, add));
    expect(error).toMatchObject({ status: 500, outcomeUnknown: true });
    expect(emu.control.counters().byRoute[participantsRoute]).toBe(1);
    expect(emu.control.snapshot().participants.filter((p) => p.meeting_id === meetingId)).toHaveLength(1);
  });

  test("retries a POST refused with 429, creating exactly one participant", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "POST", path: "/participants", kind: "status", status: 429 });
    const added = await clientFor(emu, { clock: new VirtualClock() }).participants.add(meetingId, add);
    expect(added.customParticipantId).toBe("alice");
    expect(emu.control.counters().byRoute[participantsRoute]).toBe(2);
    expect(emu.control.snapshot().participants.filter((p) => p.meeting_id === meetingId)).toHaveLength(1);
  });

  test("waits out Retry-After given in seconds", async () => {
    const meetingId = await createMeeting(emu);
    const clock = new VirtualClock();
    emu.control.injectFault({ method: "GET", kind: "status", status: 429, retryAfterSeconds: 2 });
    await clientFor(emu, { clock }).meetings.get(meetingId);
    expect(clock.now()).toBeGreaterThanOrEqual(2000);
    expect(clock.now()).toBeLessThan(3000);
  });

  test("fails at once with RateLimitError when Retry-After is longer than maxRetryAfterMs", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "GET", kind: "status", status: 429, retryAfterSeconds: 300 });
    const clock = new VirtualClock();
    const error = await caught(clientFor(emu, { clock }).meetings.get(meetingId));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(300_000);
    expect(emu.control.counters().total).toBe(1);
    expect(clock.now()).toBe(0);
  });

  test.each([503, 502, 408])(
    "fails at once, without sleeping, when a %i asks for a Retry-After longer than maxRetryAfterMs",
    async (code) => {
      const meetingId = await createMeeting(emu);
      emu.control.resetCounters();
      emu.control.injectFault({ method: "GET", kind: "status", status: code, retryAfterSeconds: 3600 });
      const clock = new VirtualClock();
      const error = await caught(clientFor(emu, { clock }).meetings.get(meetingId));
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: code, outcomeUnknown: false });
      expect(emu.control.counters().total).toBe(1);
      expect(clock.now()).toBe(0);
      expect(clock.sleeps).toEqual([]);
    },
  );

  test("waits out a 503's Retry-After within maxRetryAfterMs, then answers", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "GET", kind: "status", status: 503, retryAfterSeconds: 30 });
    const clock = new VirtualClock();
    const meeting = await clientFor(emu, { clock }).meetings.get(meetingId);
    expect(meeting.id).toBe(meetingId);
    expect(clock.sleeps).toEqual([30_000]);
    expect(emu.control.counters().total).toBe(2);
  });

  test("retries refreshToken, a POST flagged idempotent, through a 503 and a dropped connection", async () => {
    const meetingId = await createMeeting(emu);
    const client = clientFor(emu);
    const alice = await client.participants.add(meetingId, add);
    emu.control.resetCounters();
    emu.control.injectFault({ method: "POST", path: "/token", kind: "status", status: 503 });
    emu.control.injectFault({ method: "POST", path: "/token", kind: "drop" });
    const { token } = await client.participants.refreshToken(meetingId, alice.id);
    expect(token).not.toBe(alice.token);
    expect(emu.control.counters().byRoute[`${participantsRoute}/{participant_id}/token`]).toBe(3);
  });

  test("recovers from the emulator's real rate limit by waiting for the window to end", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.setRateLimit({ requests: 2, windowMs: 1000 });
    const client = clientFor(emu);
    const meetings = await Promise.all([1, 2, 3].map(() => client.meetings.get(meetingId)));
    expect(meetings.map((m) => m.id)).toEqual([meetingId, meetingId, meetingId]);
    expect(emu.control.counters().total).toBeGreaterThanOrEqual(4);
  });
});
