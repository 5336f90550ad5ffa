import { inspect } from "node:util";
import { DEFAULT_BASE_URL, RealtimeKitClient } from "../../sdk/client";
import { ApiError, ConnectionError, RealtimeKitError, TimeoutError } from "../../sdk/errors";
import { DEFAULT_RETRY } from "../../sdk/retry";
import { createMeeting, useEmulator } from "../helpers/emulator";
import {
  VirtualClock,
  caught,
  clientFor,
  scriptedTarget,
  startScriptedServer,
  type ScriptedAnswer,
  type ScriptedServer,
} from "./support";

const participant = {
  id: "p-1",
  custom_participant_id: "alice",
  preset_name: "group_call_host",
  name: "Alice",
  picture: null,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
};

describe("the request pipeline, seen from a scripted server", () => {
  let server: ScriptedServer;
  let script: (index: number) => ScriptedAnswer;

  beforeEach(async () => {
    script = () => ({ status: 200, body: { success: true, data: participant } });
    server = await startScriptedServer((_request, index) => script(index));
  });
  afterEach(() => server.close());

  test("sends the Bearer token, asks for JSON, and sends JSON bodies only when there is one", async () => {
    const client = clientFor(scriptedTarget(server));
    await client.participants.get("m-1", "p-1");
    script = () => ({ status: 201, body: { success: true, data: { ...participant, token: "t" } } });
    await client.participants.add("m-1", { customParticipantId: "alice", presetName: "group_call_host" });
    const [get, post] = server.requests;
    expect(get.headers.authorization).toBe("Bearer test-api-token-0123456789");
    expect(get.headers.accept).toBe("application/json");
    expect(get.headers["content-type"]).toBeUndefined();
    expect(get.body).toBe("");
    expect(post.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(post.body)).toEqual({
      custom_participant_id: "alice",
      preset_name: "group_call_host",
      name: "",
    });
  });

  test("builds URLs under the account and app prefix, tolerating a trailing slash on the base URL", async () => {
    const client = clientFor(scriptedTarget(server), { baseUrl: `${server.baseUrl}/` });
    await client.participants.get("m-1", "p-1");
    expect(server.requests[0].url).toBe(
      "/client/v4/accounts/acc/realtime/kit/app/meetings/m-1/participants/p-1",
    );
  });

  test("encodes every path segment, so an id cannot reach another endpoint", async () => {
    await clientFor(scriptedTarget(server)).participants.get("a/b?c#d", "..%2F");
    expect(server.requests[0].url).toBe(
      "/client/v4/accounts/acc/realtime/kit/app/meetings/a%2Fb%3Fc%23d/participants/..%252F",
    );
  });

  test.each(["", ".", ".."])("refuses the path segment %p before sending anything", async (segment) => {
    const error = await caught(clientFor(scriptedTarget(server)).participants.get("m-1", segment));
    expect(error).toBeInstanceOf(RealtimeKitError);
    expect(error.message).toBe(
      `RealtimeKit GET /meetings/m-1/participants/${segment} failed: invalid path segment ${JSON.stringify(segment)}: ids must be non-empty and not "." or ".."`,
    );
    expect(server.requests).toHaveLength(0);
  });

  test("sends query parameters in wire form and leaves absent ones out", async () => {
    script = () => ({
      status: 200,
      body: { success: true, data: [], paging: { total_count: 0, start_offset: 0, end_offset: 0 } },
    });
    await clientFor(scriptedTarget(server)).meetings.list({ pageNo: 2, perPage: 50, status: "ACTIVE" });
    expect(server.requests[0].url).toBe(
      "/client/v4/accounts/acc/realtime/kit/app/meetings?page_no=2&per_page=50&status=ACTIVE",
    );
  });

  test("a client without appId serves the account-level apps endpoints and refuses app-level calls", async () => {
    const { apiToken, accountId, baseUrl } = scriptedTarget(server);
    const client = new RealtimeKitClient({ apiToken, accountId, baseUrl, rateLimit: false });
    script = () => ({
      status: 200,
      body: { success: true, data: { app: { id: "a1", name: "n", created_at: "t" } } },
    });
    expect(await client.apps.create({ name: "n" })).toEqual({ id: "a1", name: "n", createdAt: "t" });
    expect(server.requests[0].url).toBe("/client/v4/accounts/acc/realtime/kit/apps");
    const error = await caught(client.meetings.list());
    expect(error.message).toBe("RealtimeKit GET /meetings failed: the client was created without an appId");
    expect(server.requests).toHaveLength(1);
  });

  test("a 2xx without data is an error, and for a POST its outcome is unknown", async () => {
    script = () => ({ status: 200, body: { success: true } });
    const client = clientFor(scriptedTarget(server));
    const getError = await caught(client.participants.get("m-1", "p-1"));
    expect(getError).toBeInstanceOf(ApiError);
    expect(getError).toMatchObject({ status: 200, code: "invalid_response", outcomeUnknown: false });
    expect(getError.message).toBe(
      "RealtimeKit GET /meetings/m-1/participants/p-1 failed: 200 invalid_response the answer has no data",
    );
    script = () => ({ status: 201, body: "" });
    const postError = await caught(
      client.participants.add("m-1", { customParticipantId: "a", presetName: "p" }),
    );
    expect(postError).toMatchObject({ status: 201, code: "invalid_response", outcomeUnknown: true });
  });

  test("a list answer without paging is an error rather than a silently partial list", async () => {
    script = () => ({ status: 200, body: { success: true, data: [participant] } });
    const error = await caught(clientFor(scriptedTarget(server)).participants.list("m-1"));
    expect(error).toMatchObject({
      code: "invalid_response",
      upstreamMessage: "the list answer has no paging",
    });
  });

  test("a 2xx whose envelope says success: false is an error", async () => {
    script = () => ({ status: 200, body: { success: false, error: { code: 400, message: "nope" } } });
    const error = await caught(clientFor(scriptedTarget(server)).meetings.get("m-1"));
    expect(error).toMatchObject({ status: 200, code: 400, upstreamMessage: "nope" });
  });

  test("takes the request id from cf-ray", async () => {
    script = () => ({
      status: 404,
      body: { success: false, error: { code: 404, message: "gone" } },
      headers: { "cf-ray": "8f00aa-LHR" },
    });
    const error = await caught(clientFor(scriptedTarget(server)).meetings.get("m-1"));
    expect(error.message).toBe("RealtimeKit GET /meetings/m-1 failed: 404 gone (request id 8f00aa-LHR)");
  });

  test("honours a Retry-After given as an HTTP date", async () => {
    const clock = new VirtualClock();
    script = (index) =>
      index === 0
        ? {
            status: 429,
            body: { errors: [{ code: 10100, message: "slow down" }] },
            headers: { "retry-after": new Date(Date.now() + 5000).toUTCString() },
          }
        : { status: 200, body: { success: true, data: participant } };
    await clientFor(scriptedTarget(server), { clock }).participants.get("m-1", "p-1");
    expect(server.requests).toHaveLength(2);
    // An HTTP date has whole seconds: the wait is 4-5 s of the 5 asked for.
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
    expect(clock.now()).toBeLessThanOrEqual(5000);
  });

  test("retries an idempotent request after a dropped connection", async () => {
    script = (index) => (index === 0 ? "drop" : { status: 200, body: { success: true, data: participant } });
    const found = await clientFor(scriptedTarget(server)).participants.get("m-1", "p-1");
    expect(found.id).toBe("p-1");
    expect(server.requests).toHaveLength(2);
  });
});

describe("the request pipeline against the emulator", () => {
  const emu = useEmulator();

  test("a latency longer than timeoutMs is a TimeoutError; a GET then retries and succeeds", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.injectFault({ method: "GET", kind: "latency", latencyMs: 1000 });
    const noRetry = await caught(clientFor(emu, { timeoutMs: 50, retry: false }).meetings.get(meetingId));
    expect(noRetry).toBeInstanceOf(TimeoutError);
    expect(noRetry).toMatchObject({ timeoutMs: 50, outcomeUnknown: false });
    expect(noRetry.message).toBe(`RealtimeKit GET /meetings/${meetingId} failed: no answer within 50 ms`);
    emu.control.injectFault({ method: "GET", kind: "latency", latencyMs: 1000 });
    const meeting = await clientFor(emu, { timeoutMs: 50 }).meetings.get(meetingId);
    expect(meeting.id).toBe(meetingId);
  });

  test("a refused connection is a ConnectionError whose cause carries no request headers", async () => {
    const closed = await startScriptedServer(() => ({ status: 200 }));
    await closed.close();
    const error = await caught(
      clientFor(emu, { baseUrl: closed.baseUrl, retry: { limit: 1, baseDelayMs: 1 } }).participants.add(
        "m-1",
        { customParticipantId: "a", presetName: "group_call_host" },
      ),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    // Refused means never sent: the POST certainly did not happen.
    expect(error).toMatchObject({ outcomeUnknown: false });
    expect(error.message).toBe(
      "RealtimeKit POST /meetings/m-1/participants failed: connection error ECONNREFUSED",
    );
    expect(inspect(error, { depth: 10 })).not.toContain(emu.apiToken);
  });

  test("no log line and no inspected client shows the API token or a participant token", async () => {
    const lines: string[] = [];
    const client = clientFor(emu, { log: (line) => lines.push(line) });
    const meetingId = (await client.meetings.create({ title: "t" })).id;
    const added = await client.participants.add(meetingId, {
      customParticipantId: "a",
      presetName: "group_call_host",
    });
    const edited = await client.participants.edit(meetingId, added.id, { name: "A" });
    const { token } = await client.participants.refreshToken(meetingId, added.id);
    emu.control.injectFault({ method: "GET", kind: "status", status: 503 });
    await client.participants.listAll(meetingId);
    await client.participants.delete(meetingId, added.id);
    await caught(client.participants.get(meetingId, added.id));
    expect(lines.some((line) => line.includes(`retry 1 of ${DEFAULT_RETRY.limit}`))).toBe(true);
    const everything = [...lines, inspect(client, { depth: 10 })].join("\n");
    for (const secret of [emu.apiToken, added.token, edited.token, token])
      expect(everything).not.toContain(secret);
  });

  test("defaults to the public Cloudflare API", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.cloudflare.com/client/v4");
  });

  test("refuses a client without an API token or account id", () => {
    expect(() => new RealtimeKitClient({ apiToken: "", accountId: "a" })).toThrow(
      "apiToken must be a non-empty string",
    );
    expect(() => new RealtimeKitClient({ apiToken: "t", accountId: "" })).toThrow(
      "accountId must be a non-empty string",
    );
    expect(() => new RealtimeKitClient({ apiToken: "t", accountId: "a", timeoutMs: 0 })).toThrow("timeoutMs");
  });
});
