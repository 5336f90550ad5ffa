/**
 * `resolveConfig`: the one precedence for credentials and ids (resource args, then `realtimekit:*` config,
 * then `cloudflare:apiToken`, then the environment) and the message when something is missing.
 */
import { MissingConfigError, resolveConfig, type ConfigSource } from "../../provider/runtime/config";

function config(values: Record<string, string>): ConfigSource {
  return { get: (key) => values[key] };
}

const FULL_ENV = {
  CLOUDFLARE_API_TOKEN: "env-token",
  CLOUDFLARE_ACCOUNT_ID: "env-account",
  REALTIMEKIT_APP_ID: "env-app",
  REALTIMEKIT_BASE_URL: "http://env.example/client/v4",
};

const FULL_CONFIG = config({
  "realtimekit:apiToken": "config-token",
  "realtimekit:accountId": "config-account",
  "realtimekit:appId": "config-app",
  "realtimekit:baseUrl": "http://config.example/client/v4",
  "cloudflare:apiToken": "cloudflare-token",
});

describe("resolveConfig", () => {
  it("prefers resource arguments for accountId and appId over config and the environment", () => {
    expect(resolveConfig({ accountId: "arg-account", appId: "arg-app" }, FULL_CONFIG, FULL_ENV)).toEqual({
      apiToken: "config-token",
      accountId: "arg-account",
      appId: "arg-app",
      baseUrl: "http://config.example/client/v4",
    });
  });

  it("prefers realtimekit config over cloudflare:apiToken and the environment", () => {
    expect(resolveConfig({}, FULL_CONFIG, FULL_ENV)).toEqual({
      apiToken: "config-token",
      accountId: "config-account",
      appId: "config-app",
      baseUrl: "http://config.example/client/v4",
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
      baseUrl: "http://env.example/client/v4",
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
});
