/**
 * `resolveConfig`: the one precedence for credentials and ids (resource args, then `realtimekit:*` config,
 * then `cloudflare:apiToken`, then the environment) and the message when something is missing.
 */
import {
  InvalidConfigError,
  MissingConfigError,
  resolveConfig,
  type ConfigSource,
} from "../../provider/runtime/config";

function config(values: Record<string, string>): ConfigSource {
  return { get: (key) => values[key] };
}

const FULL_ENV = {
  CLOUDFLARE_API_TOKEN: "env-token",
  CLOUDFLARE_ACCOUNT_ID: "env-account",
  REALTIMEKIT_APP_ID: "env-app",
  REALTIMEKIT_BASE_URL: "https://env.example/client/v4",
};

const FULL_CONFIG = config({
  "realtimekit:apiToken": "config-token",
  "realtimekit:accountId": "config-account",
  "realtimekit:appId": "config-app",
  "realtimekit:baseUrl": "https://config.example/client/v4",
  "cloudflare:apiToken": "cloudflare-token",
});

describe("resolveConfig", () => {
  it("prefers resource arguments for accountId and appId over config and the environment", () => {
    expect(resolveConfig({ accountId: "arg-account", appId: "arg-app" }, FULL_CONFIG, FULL_ENV)).toEqual({
      apiToken: "config-token",
      accountId: "arg-account",
      appId: "arg-app",
      baseUrl: "https://config.example/client/v4",
    });
  });

  it("prefers realtimekit config over cloudflare:apiToken and the environment", () => {
    expect(resolveConfig({}, FULL_CONFIG, FULL_ENV)).toEqual({
      apiToken: "config-token",
      accountId: "config-account",
      appId: "config-app",
      baseUrl: "https://config.example/client/v4",
    });
  });

  it("falls back to cloudflare:apiToken before CLOUDFLARE_API_TOKEN", () => {
    const cloudflareOnly = config({ "cloudflare:apiToken": "cloudflare-token" });
    expect(resolveConfig({}, cloudflareOnly, FULL_ENV).apiToken).toBe("cloudflare-token");
  });

  it("falls back to the environment when neither arguments nor config set a value", () => {
    expect(resolveConfig({}, undefined, FULL_ENV)).toEqual({
      apiToken: "env-token",
      accountId: "env-account",
      appId: "env-app",
      baseUrl: "https://env.example/client/v4",
    });
  });

  it("treats blank values as absent and trims the others", () => {
    const blank = config({ "realtimekit:apiToken": "  ", "realtimekit:appId": " config-app " });
    const resolved = resolveConfig({ accountId: "" }, blank, {
      ...FULL_ENV,
      CLOUDFLARE_API_TOKEN: " env-token ",
    });
    expect(resolved).toMatchObject({ apiToken: "env-token", accountId: "env-account", appId: "config-app" });
  });

  it("leaves baseUrl undefined, for the SDK default, when nothing sets it", () => {
    const resolved = resolveConfig(
      { accountId: "a", appId: "b" },
      config({ "realtimekit:apiToken": "t" }),
      {},
    );
    expect(resolved.baseUrl).toBeUndefined();
  });

  it("names every missing value and every place it could come from, in one message", () => {
    let thrown: unknown;
    try {
      resolveConfig({}, config({ "realtimekit:accountId": "config-account" }), {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingConfigError);
    expect((thrown as MissingConfigError).missing).toEqual(["apiToken", "appId"]);
    expect((thrown as Error).message).toBe(
      "RealtimeKit configuration is incomplete:\n" +
        "  - apiToken: set Pulumi config `realtimekit:apiToken`, Pulumi config `cloudflare:apiToken` or the " +
        "environment variable CLOUDFLARE_API_TOKEN\n" +
        "  - appId: set the resource argument `appId`, Pulumi config `realtimekit:appId` or the environment " +
        "variable REALTIMEKIT_APP_ID\n" +
        "(Secrets belong in `pulumi config set --secret realtimekit:apiToken <token>`.)",
    );
  });

  it("never puts a value into the missing-value message", () => {
    const secretish = config({ "cloudflare:accountId": "not-used", "realtimekit:appId": "app-123" });
    expect(() => resolveConfig({}, secretish, { CLOUDFLARE_ACCOUNT_ID: "acct-456" })).toThrow(
      expect.objectContaining({ message: expect.not.stringMatching(/app-123|acct-456/) }),
    );
  });

  const withBaseUrl = (baseUrl: string, source: "config" | "env" = "config") =>
    resolveConfig(
      { accountId: "a", appId: "b" },
      config({
        "realtimekit:apiToken": "t",
        ...(source === "config" ? { "realtimekit:baseUrl": baseUrl } : {}),
      }),
      source === "env" ? { REALTIMEKIT_BASE_URL: baseUrl } : {},
    ).baseUrl;

  it("accepts https anywhere and http only to loopback, without trailing slashes", () => {
    expect(withBaseUrl("https://api.example/client/v4/")).toBe("https://api.example/client/v4");
    expect(withBaseUrl("http://127.0.0.1:8787/client/v4//")).toBe("http://127.0.0.1:8787/client/v4");
    expect(withBaseUrl("http://localhost:1/client/v4")).toBe("http://localhost:1/client/v4");
    expect(withBaseUrl("http://[::1]:1/client/v4")).toBe("http://[::1]:1/client/v4");
  });

  it.each([
    ["http://example.com/client/v4", "plain http would send the API token in cleartext"],
    ["htps://example.com/client/v4", "this one is a htps: URL"],
    ["file:///etc/passwd", "this one is a file: URL"],
    ["not a url", "this one is not a URL"],
    ["https://example.com/client/v4#x", "this one has a fragment"],
    ["https://example.com/client/v4?x=", "this one has a query"],
    ["https://example.com/client/v4?", "this one has a query"],
    ["https://user:secret-pass@example.com/client/v4", "this one has user info"],
  ])("refuses the base URL %s, naming where it was set and not the value", (baseUrl, problem) => {
    for (const [source, where] of [
      ["config", "Pulumi config `realtimekit:baseUrl`"],
      ["env", "the environment variable REALTIMEKIT_BASE_URL"],
    ] as const) {
      let thrown: unknown;
      try {
        withBaseUrl(baseUrl, source);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidConfigError);
      const message = (thrown as Error).message;
      expect(message).toContain(`RealtimeKit configuration: ${where} must be an absolute https URL`);
      expect(message).toContain(problem);
      expect(message).not.toContain("secret-pass");
    }
  });

  it("checks account and app ids from config and the environment like the resource arguments", () => {
    const resolve =
      (values: Record<string, string>, env: Record<string, string> = {}) =>
      () =>
        resolveConfig({}, config({ "realtimekit:apiToken": "t", ...values }), env);
    expect(resolve({ "realtimekit:accountId": "../x", "realtimekit:appId": "b" })).toThrow(
      "RealtimeKit configuration: Pulumi config `realtimekit:accountId` must be a non-empty string (a Cloudflare account id",
    );
    expect(resolve({ "realtimekit:accountId": "a" }, { REALTIMEKIT_APP_ID: "x/y" })).toThrow(
      "the environment variable REALTIMEKIT_APP_ID must be a non-empty string (a RealtimeKit app id",
    );
    expect(resolve({ "realtimekit:accountId": "a".repeat(33), "realtimekit:appId": "b" })).toThrow(
      "at most 32 characters",
    );
  });
});
