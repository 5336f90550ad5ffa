/**
 * Where the provider finds its credentials and ids. One pure function, {@link resolveConfig}, applies one
 * documented precedence so every resource (and every test) resolves the same way:
 *
 * | value      | 1. resource argument | 2. Pulumi config        | 3. Pulumi config      | 4. environment           |
 * | ---------- | -------------------- | ----------------------- | --------------------- | ------------------------ |
 * | apiToken   | (never: secrets are not inputs) | `realtimekit:apiToken`  | `cloudflare:apiToken` | `CLOUDFLARE_API_TOKEN`   |
 * | accountId  | `accountId`          | `realtimekit:accountId` |                       | `CLOUDFLARE_ACCOUNT_ID`  |
 * | appId      | `appId`              | `realtimekit:appId`     |                       | `REALTIMEKIT_APP_ID`     |
 * | baseUrl    | (never)              | `realtimekit:baseUrl`   |                       | `REALTIMEKIT_BASE_URL` (optional; default: the Cloudflare API) |
 *
 * Empty or blank values count as absent, so an empty environment variable never hides a config value.
 */

/** Values a resource may set for itself; the API token is deliberately not one of them. */
export interface ExplicitConfig {
  accountId?: string;
  appId?: string;
}

/**
 * Read access to the stack's Pulumi config as the dynamic-provider host passes it to `configure`: keys are
 * namespaced (`realtimekit:apiToken`). `pulumi.dynamic.Config` satisfies this interface.
 */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Environment variables, e.g. `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Everything needed to build an API client. `baseUrl` is undefined when the SDK default applies. */
export interface ResolvedConfig {
  apiToken: string;
  accountId: string;
  appId: string;
  baseUrl: string | undefined;
}

/** Thrown when a required value is found nowhere; the message names every place it could come from. */
export class MissingConfigError extends Error {
  /** The values that were missing, e.g. `["apiToken", "appId"]`. */
  readonly missing: readonly string[];

  constructor(missing: readonly string[], message: string) {
    super(message);
    this.name = "MissingConfigError";
    this.missing = missing;
  }
}

/** One value's sources in precedence order, described the way a user would set them. */
interface Source {
  read(explicit: ExplicitConfig, config: ConfigSource | undefined, env: Environment): unknown;
  describe: string;
}

const argument = (key: keyof ExplicitConfig): Source => ({
  read: (explicit) => explicit[key],
  describe: `the resource argument \`${key}\``,
});
const pulumiConfig = (key: string): Source => ({
  read: (_explicit, config) => config?.get(key),
  describe: `Pulumi config \`${key}\``,
});
const environment = (name: string): Source => ({
  read: (_explicit, _config, env) => env[name],
  describe: `the environment variable ${name}`,
});

/** The precedence table above, as data: the first source with a non-blank value wins. */
const SOURCES = {
  apiToken: [
    pulumiConfig("realtimekit:apiToken"),
    pulumiConfig("cloudflare:apiToken"),
    environment("CLOUDFLARE_API_TOKEN"),
  ],
  accountId: [
    argument("accountId"),
    pulumiConfig("realtimekit:accountId"),
    environment("CLOUDFLARE_ACCOUNT_ID"),
  ],
  appId: [argument("appId"), pulumiConfig("realtimekit:appId"), environment("REALTIMEKIT_APP_ID")],
  baseUrl: [pulumiConfig("realtimekit:baseUrl"), environment("REALTIMEKIT_BASE_URL")],
} satisfies Record<keyof ResolvedConfig, Source[]>;

const REQUIRED = ["apiToken", "accountId", "appId"] as const;

/**
 * Resolves the API token, account id, app id and base URL with the precedence documented at the top of this
 * file. Pure: it reads only its arguments. Throws {@link MissingConfigError} naming every missing value and,
 * for each, every place it could have come from. The message never contains a value.
 */
export function resolveConfig(
  explicit: ExplicitConfig,
  config: ConfigSource | undefined,
  env: Environment,
): ResolvedConfig {
  const pick = (sources: Source[]): string | undefined => {
    for (const source of sources) {
      const value = source.read(explicit, config, env);
      if (typeof value === "string" && value.trim() !== "") return value.trim();
      // Pulumi config values normally arrive as strings; accept a bare number for ids typed without quotes.
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
    }
    return undefined;
  };
  const resolved = {
    apiToken: pick(SOURCES.apiToken),
    accountId: pick(SOURCES.accountId),
    appId: pick(SOURCES.appId),
    baseUrl: pick(SOURCES.baseUrl),
  };
  const missing = REQUIRED.filter((key) => resolved[key] === undefined);
  if (missing.length > 0) {
    const lines = missing.map((key) => `  - ${key}: set ${describeSources(SOURCES[key])}`);
    throw new MissingConfigError(
      missing,
      `RealtimeKit configuration is incomplete:\n${lines.join("\n")}\n` +
        "(Secrets belong in `pulumi config set --secret realtimekit:apiToken <token>`.)",
    );
  }
  return {
    apiToken: resolved.apiToken as string,
    accountId: resolved.accountId as string,
    appId: resolved.appId as string,
    baseUrl: resolved.baseUrl,
  };
}

function describeSources(sources: Source[]): string {
  const names = sources.map((source) => source.describe);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
