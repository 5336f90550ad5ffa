import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RealtimeKitError,
  TimeoutError,
  ValidationError,
  fromResponse,
  isOutcomeUnknown,
  redact,
} from "../../sdk/errors";
import { createMeeting, useEmulator } from "../helpers/emulator";
import { VirtualClock, caught, clientFor } from "./support";

const target = { method: "PATCH", path: "/meetings/m-1/participants/p-1" };
const SECRET = "api-token-that-must-never-show";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwIn0.c2lnbmF0dXJl";

function answer(
  status: number,
  body: unknown,
  extra: { requestId?: string | null; retryAfterMs?: number } = {},
) {
  return {
    status,
    body: typeof body === "string" ? body : JSON.stringify(body),
    requestId: extra.requestId === undefined ? "ray-1" : extra.requestId,
    retryAfterMs: extra.retryAfterMs ?? null,
  };
}

describe("fromResponse", () => {
  test.each([
    [400, ValidationError],
    [422, ValidationError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ApiError],
    [503, ApiError],
  ])("maps a %i to %p", (status, expected) => {
    const error = fromResponse(
      target,
      answer(status, { success: false, error: { code: status, message: "x" } }),
      [],
    );
    expect(error).toBeInstanceOf(expected);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error.name).toBe(expected.name);
    expect(error.status).toBe(status);
  });

  test("formats the one message: method, app-relative path, status once (the code repeats it), upstream message, request id", () => {
    const error = fromResponse(
      target,
      answer(404, { success: false, error: { code: 404, message: "No participant found with id p-1" } }),
      [],
    );
    expect(error.message).toBe(
      "RealtimeKit PATCH /meetings/m-1/participants/p-1 failed: 404 No participant found with id p-1 (request id ray-1)",
    );
    expect(error).toMatchObject({ method: "PATCH", path: target.path, code: 404, requestId: "ray-1" });
  });

  test("reads the Cloudflare v4 errors[] shape, first error first", () => {
    const body = {
      success: false,
      errors: [
        { code: 10000, message: "Authentication error" },
        { code: 1, message: "b" },
      ],
    };
    const error = fromResponse(target, answer(401, body), []);
    expect(error.code).toBe(10000);
    expect(error.upstreamMessage).toBe("Authentication error (and 1 more)");
    expect(error.message).toBe(
      "RealtimeKit PATCH /meetings/m-1/participants/p-1 failed: 401 10000 Authentication error (and 1 more) (request id ray-1)",
    );
  });

  test("reads Dyte's bare {message} and leaves the code out", () => {
    const error = fromResponse(target, answer(401, { message: "Unauthorized" }, { requestId: null }), []);
    expect(error.message).toBe("RealtimeKit PATCH /meetings/m-1/participants/p-1 failed: 401 Unauthorized");
  });

  test("keeps the start of a non-JSON body and falls back to the status for an empty one", () => {
    const html = fromResponse(target, answer(502, `<html>${"x".repeat(1000)}</html>`), []);
    expect(html.upstreamMessage.length).toBeLessThanOrEqual(301);
    expect(html.upstreamMessage.startsWith("<html>")).toBe(true);
    expect(fromResponse(target, answer(502, ""), []).upstreamMessage).toBe("HTTP 502");
  });

  test("redacts the API token and anything shaped like a JWT from upstream text", () => {
    const body = { success: false, error: { code: 400, message: `bad token ${SECRET} and ${JWT}` } };
    const error = fromResponse(target, answer(400, body), [SECRET]);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(JWT);
    expect(error.message).toContain("bad token [redacted] and [redacted]");
  });

  test("withholds the code and the message when a token is split between them", () => {
    const [header, rest] = [JWT.slice(0, JWT.indexOf(".")), JWT.slice(JWT.indexOf("."))];
    for (const [code, message] of [
      [header, rest],
      [SECRET.slice(0, 6), `${SECRET.slice(6)} was refused`],
    ]) {
      const error = fromResponse(target, answer(400, { success: false, error: { code, message } }), [SECRET]);
      expect(error.message).toBe(
        "RealtimeKit PATCH /meetings/m-1/participants/p-1 failed: 400 [redacted] [redacted] (request id ray-1)",
      );
      expect(error.stack).not.toContain(code);
    }
    // A code and a message that only sit side by side stay as they are.
    const plain = fromResponse(
      target,
      answer(400, { success: false, error: { code: "E1", message: "no" } }),
      [SECRET],
    );
    expect(plain.message).toContain("400 E1 no");
  });

  // 285 characters of text put the secret across the 300-character cut of upstream text.
  const padding = "x".repeat(285);
  test.each<[string, (secret: string) => unknown]>([
    [
      "a RealtimeKit error",
      (secret) => ({ success: false, error: { code: 400, message: padding + secret } }),
    ],
    [
      "a v4 errors[] entry",
      (secret) => ({ success: false, errors: [{ code: 1, message: padding + secret }] }),
    ],
    ["a bare {message}", (secret) => ({ message: padding + secret })],
    ["a non-JSON body", (secret) => padding + secret],
  ])("redacts before cutting, so no prefix of a secret straddling the cut leaks from %s", (_label, body) => {
    const apiToken = "SECRETAPITOKEN0123456789abcdef";
    for (const secret of [apiToken, JWT]) {
      const error = fromResponse(target, answer(400, body(secret)), [apiToken]);
      expect(error.upstreamMessage).toBe(`${padding}[redacted]`);
      expect(error.message).not.toContain(secret.slice(0, 8));
      expect(error.message).not.toContain("eyJ");
    }
  });

  test("gives a RateLimitError the Retry-After it was handed", () => {
    const error = fromResponse(target, answer(429, { errors: [] }, { retryAfterMs: 2000 }), []);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(2000);
  });

  test("says so in the message when the outcome is unknown", () => {
    const error = fromResponse({ method: "POST", path: "/meetings/m-1/participants" }, answer(500, {}), [], {
      outcomeUnknown: true,
    });
    expect(error.outcomeUnknown).toBe(true);
    expect(isOutcomeUnknown(error)).toBe(true);
    expect(error.message).toMatch(
      /^RealtimeKit POST \/meetings\/m-1\/participants failed: 500 .*outcome unknown/,
    );
  });
});

describe("network error classes", () => {
  test("TimeoutError and ConnectionError use the same format and set their names", () => {
    const timeout = new TimeoutError({ method: "GET", path: "/meetings" }, 250);
    expect(timeout.message).toBe("RealtimeKit GET /meetings failed: no answer within 250 ms");
    expect(timeout.name).toBe("TimeoutError");
    expect(timeout.timeoutMs).toBe(250);
    const cause = new Error("ECONNRESET: socket hang up");
    const connection = new ConnectionError(
      { method: "GET", path: "/meetings" },
      "connection error ECONNRESET",
      {
        cause,
      },
    );
    expect(connection.message).toBe("RealtimeKit GET /meetings failed: connection error ECONNRESET");
    expect(connection.name).toBe("ConnectionError");
    expect(connection.cause).toBe(cause);
    expect(isOutcomeUnknown(connection)).toBe(false);
    expect(isOutcomeUnknown(new Error("other"))).toBe(false);
  });

  test("redact leaves ordinary text alone", () => {
    expect(redact("No participant found with id 1234", [SECRET, ""])).toBe(
      "No participant found with id 1234",
    );
  });
});

describe("errors from the emulator's real answers", () => {
  const emu = useEmulator();

  test("a wrong API token is an AuthenticationError in the v4 shape, and the token is in no message", async () => {
    const wrongToken = "wrong-token-0123456789";
    const error = await caught(clientFor(emu, { apiToken: wrongToken }).meetings.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 10000, method: "GET", path: "/meetings" });
    expect((error as ApiError).requestId).toMatch(/-EMU$/);
    expect(error.message).toMatch(
      /^RealtimeKit GET \/meetings failed: 401 10000 Authentication error \(request id .+\)$/,
    );
    expect(error.message).not.toContain(wrongToken);
    expect(error.message).not.toContain(emu.apiToken);
  });

  test("an account the token cannot reach is a PermissionDeniedError", async () => {
    const error = await caught(clientFor(emu, { accountId: "0".repeat(32) }).meetings.list());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, code: 9109 });
  });

  test("a missing participant is a NotFoundError with the upstream message", async () => {
    const meetingId = await createMeeting(emu);
    const missing = "00000000-0000-4000-8000-000000000000";
    const error = await caught(clientFor(emu).participants.get(meetingId, missing));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(
      `RealtimeKit GET /meetings/${meetingId}/participants/${missing} failed: 404 `,
    );
  });

  test("a duplicate customParticipantId is a ConflictError when the API rejects duplicates", async () => {
    emu.control.setSettings({ duplicateCustomParticipantId: "reject" });
    const meetingId = await createMeeting(emu);
    const client = clientFor(emu);
    await client.participants.add(meetingId, { customParticipantId: "alice", presetName: "group_call_host" });
    const error = await caught(
      client.participants.add(meetingId, { customParticipantId: "alice", presetName: "group_call_host" }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, outcomeUnknown: false });
  });

  test("an invalid body is a ValidationError", async () => {
    const meetingId = await createMeeting(emu);
    const error = await caught(
      clientFor(emu).participants.add(meetingId, {
        customParticipantId: "bob",
        presetName: "group_call_host",
        picture: "not a url",
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, outcomeUnknown: false });
  });

  test("the emulator's rate limit is a RateLimitError carrying Retry-After", async () => {
    emu.control.setRateLimit({ requests: 1, windowMs: 60_000 });
    // Virtual time: the 429 pauses this token's requests, and real time would hold later tests for a minute.
    const client = clientFor(emu, { retry: false, clock: new VirtualClock() });
    await client.meetings.list();
    const error = await caught(client.meetings.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 10100 });
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    expect((error as RateLimitError).retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  test("no participant token appears in the error of a call that follows one", async () => {
    const meetingId = await createMeeting(emu);
    const client = clientFor(emu);
    const added = await client.participants.add(meetingId, {
      customParticipantId: "c",
      presetName: "group_call_host",
    });
    await client.participants.delete(meetingId, added.id);
    const error = await caught(client.participants.edit(meetingId, added.id, { name: "x" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).not.toContain(added.token);
    expect(JSON.stringify(error)).not.toContain(emu.apiToken);
  });
});
