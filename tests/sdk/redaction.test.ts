/**
 * Redaction at the boundary: whatever part of an answer carries the API token or a JWT (the error's `code`,
 * its `message`, the `cf-ray` or `Retry-After` header, an HTML page), it never reaches an error's message,
 * `stack`, properties, JSON or inspection, nor a log line, and long network text is cut.
 */
import { inspect } from "node:util";
import { ApiError } from "../../sdk/errors";
import { MAX_NETWORK_TEXT, fromNetwork } from "../../sdk/redaction";
import {
  caught,
  clientFor,
  scriptedTarget,
  startScriptedServer,
  type ScriptedAnswer,
  type ScriptedServer,
} from "./support";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwIn0.c2lnbmF0dXJl";

describe("fromNetwork", () => {
  const secret = "api-token-0123456789";

  test("redacts the secrets and every JWT, and leaves other text alone", () => {
    expect(fromNetwork(`a ${secret} b ${JWT} c`, [secret])).toBe("a [redacted] b [redacted] c");
    expect(fromNetwork("No participant found with id 1234", [secret, ""])).toBe(
      "No participant found with id 1234",
    );
  });

  test("redacts a JWT the server cut short after its payload", () => {
    expect(fromNetwork("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwIn0 end", [])).toBe("token [redacted] end");
  });

  test("cuts long text to the limit, ellipsis included, and a second pass changes nothing", () => {
    const once = fromNetwork("x".repeat(5000), []);
    expect(once).toHaveLength(MAX_NETWORK_TEXT);
    expect(once.endsWith("…")).toBe(true);
    expect(fromNetwork(once, [])).toBe(once);
  });

  test("redacts before cutting, so a secret across the cut leaves no prefix", () => {
    const padding = "x".repeat(MAX_NETWORK_TEXT - 12);
    expect(fromNetwork(`${padding}${secret}`, [secret])).toBe(`${padding}[redacted]`);
    expect(fromNetwork(`${padding}${JWT}`, [])).toBe(`${padding}[redacted]`);
  });
});

describe("an answer that echoes secrets, through the request pipeline", () => {
  let server: ScriptedServer;
  let script: () => ScriptedAnswer;
  let apiToken = "";

  beforeEach(async () => {
    server = await startScriptedServer(() => script());
    apiToken = scriptedTarget(server).apiToken;
  });
  afterEach(() => server.close());

  /** Every way an error can be shown: none may hold the token, the JWT, or a long run of network text. */
  function expectClean(error: Error, lines: string[]): void {
    const views = [error.message, error.stack ?? "", JSON.stringify(error), inspect(error), ...lines];
    for (const view of views) {
      expect(view).not.toContain(apiToken);
      expect(view).not.toContain("eyJ");
      expect(view).not.toContain("x".repeat(MAX_NETWORK_TEXT));
    }
  }

  test.each<[string, () => ScriptedAnswer]>([
    [
      "the error code",
      () => ({
        status: 400,
        body: { success: false, error: { code: `bad ${apiToken} ${JWT}`, message: "m" } },
      }),
    ],
    [
      "a v4 error code",
      () => ({
        status: 403,
        body: { success: false, errors: [{ code: `${JWT}${"x".repeat(900)}`, message: "m" }] },
      }),
    ],
    [
      "the error message",
      () => ({
        status: 404,
        body: { success: false, error: { code: 404, message: `no ${apiToken} / ${JWT}` } },
      }),
    ],
    [
      "the cf-ray header",
      () => ({
        status: 404,
        body: { success: false, error: { code: 404, message: "gone" } },
        headers: { "cf-ray": `ray-${apiToken}-${JWT}-${"x".repeat(900)}` },
      }),
    ],
    [
      "an HTML error page",
      () => ({ status: 502, body: `<html>${apiToken} ${JWT} ${"x".repeat(5000)}</html>` }),
    ],
  ])("%s is redacted and cut in the message, stack and JSON of the error", async (_label, answer) => {
    script = answer;
    const lines: string[] = [];
    const error = await caught(
      clientFor(scriptedTarget(server), { retry: false, log: (line) => lines.push(line) }).meetings.get(
        "m-1",
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expectClean(error, lines);
    expect(error.message).toContain("[redacted]");
  });

  test("a 2xx answer without data keeps its cf-ray clean too", async () => {
    script = () => ({ status: 200, body: { success: true }, headers: { "cf-ray": `ray-${apiToken}` } });
    const error = await caught(clientFor(scriptedTarget(server)).meetings.get("m-1"));
    expect(error).toMatchObject({ code: "invalid_response", requestId: "ray-[redacted]" });
    expectClean(error, []);
  });

  test("a Retry-After carrying the token leaks nowhere, and the request still retries", async () => {
    let calls = 0;
    script = () =>
      ++calls === 1
        ? {
            status: 503,
            body: { success: false, error: { code: 503, message: "busy" } },
            headers: { "retry-after": `${apiToken} ${JWT}` },
          }
        : { status: 404, body: { success: false, error: { code: 404, message: "gone" } } };
    const lines: string[] = [];
    const error = await caught(
      clientFor(scriptedTarget(server), { log: (line) => lines.push(line) }).meetings.get("m-1"),
    );
    expect(server.requests).toHaveLength(2);
    expect(lines.some((line) => line.includes("retry 1"))).toBe(true);
    expectClean(error, lines);
  });
});
