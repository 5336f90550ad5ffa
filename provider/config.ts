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
 *
 * Pacing (the client-side token bucket, see sdk/pacing.ts) resolves the same way, config before environment:
 * `realtimekit:requestsPerSecond` / `REALTIMEKIT_REQUESTS_PER_SECOND` and `realtimekit:burst` /
 * `REALTIMEKIT_BURST`. Unset, the SDK default applies (3.8 per second after a burst of 10: at most 1150 in
 * any 5 minutes, under Cloudflare's 1200 per token). A value that is not a number in range fails, naming
 * where it came from and what is expected, before any API call.
 */
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from "../sdk";

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

/**
 * Everything needed to build an API client. `baseUrl` and `rateLimit` are undefined when the SDK default
 * applies; a `rateLimit` with 0 requests per second turns pacing off.
 */
export interface ResolvedConfig {
  apiToken: string;
  accountId: string;
  appId: string;
  baseUrl: string | undefined;
  rateLimit: RateLimitOptions | undefined;
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

/** Thrown when a value is set but unusable; the message names where it was set and what is expected. */
export class InvalidConfigError extends Error {
  /** Where the value came from, e.g. `Pulumi config \`realtimekit:burst\``. */
  readonly source: string;

  constructor(source: string, message: string) {
    super(message);
    this.name = "InvalidConfigError";
    this.source = source;
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
  requestsPerSecond: [
    pulumiConfig("realtimekit:requestsPerSecond"),
    environment("REALTIMEKIT_REQUESTS_PER_SECOND"),
  ],
  burst: [pulumiConfig("realtimekit:burst"), environment("REALTIMEKIT_BURST")],
} satisfies Record<Exclude<keyof ResolvedConfig, "rateLimit"> | keyof RateLimitOptions, Source[]>;

/** What each pacing value must be, as data: the check and the words of its error. */
const PACING_RULES: Record<keyof RateLimitOptions, { valid: (n: number) => boolean; expected: string }> = {
  requestsPerSecond: {
    valid: (n) => Number.isFinite(n) && n >= 0,
    expected: "a number of requests per second >= 0 (0 turns pacing off), e.g. 3.8",
  },
  burst: {
    valid: (n) => Number.isInteger(n) && n >= 1,
    expected: "a whole number of requests >= 1, e.g. 10",
  },
};

const REQUIRED = ["apiToken", "accountId", "appId"] as const;

/**
 * Resolves the API token, account id, app id and base URL with the precedence documented at the top of this
 * file. Pure: it reads only its arguments. Throws {@link MissingConfigError} naming every missing value and,
 * for each, every place it could have come from (that message never contains a value), or
 * {@link InvalidConfigError} for a pacing value out of range (naming where it was set, not the value).
 */
export function resolveConfig(
  explicit: ExplicitConfig,
  config: ConfigSource | undefined,
  env: Environment,
): ResolvedConfig {
  const find = (sources: Source[]): { value: string; source: Source } | undefined => {
    for (const source of sources) {
      const value = source.read(explicit, config, env);
      if (typeof value === "string" && value.trim() !== "") return { value: value.trim(), source };
      // Pulumi config values normally arrive as strings; accept a bare number for ids typed without quotes.
      if (typeof value === "number" && Number.isFinite(value)) return { value: String(value), source };
    }
    return undefined;
  };
  const pick = (sources: Source[]): string | undefined => find(sources)?.value;
  const pacing = (key: keyof RateLimitOptions): number | undefined => {
    const found = find(SOURCES[key]);
    if (found === undefined) return undefined;
    const number = Number(found.value);
    const rule = PACING_RULES[key];
    if (!rule.valid(number)) {
      throw new InvalidConfigError(
        found.source.describe,
        `RealtimeKit configuration: ${found.source.describe} must be ${rule.expected}.`,
      );
    }
    return number;
  };
  const resolved = {
    apiToken: pick(SOURCES.apiToken),
    accountId: pick(SOURCES.accountId),
    appId: pick(SOURCES.appId),
    baseUrl: pick(SOURCES.baseUrl),
  };
  const requestsPerSecond = pacing("requestsPerSecond");
  const burst = pacing("burst");
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
    rateLimit:
      requestsPerSecond === undefined && burst === undefined
        ? undefined
        : {
            requestsPerSecond: requestsPerSecond ?? DEFAULT_RATE_LIMIT.requestsPerSecond,
            burst: burst ?? DEFAULT_RATE_LIMIT.burst,
          },
  };
}

function describeSources(sources: Source[]): string {
  const names = sources.map((source) => source.describe);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
