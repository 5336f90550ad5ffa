/**
 * Where the provider finds its credentials and ids: one table, {@link CONFIG_VARIABLES}, from which
 * {@link resolveConfig}'s precedence, the package schema's config section and the reference docs' config page
 * all come. The precedence, for every value: the resource argument (`accountId`, `appId` only; the API token
 * is never an input), then Pulumi config `realtimekit:<key>`, then another package's config where the table
 * names one (`cloudflare:apiToken`, which only TypeScript programs have: the engine hands a plugin its own
 * package's config only), then the environment variable.
 *
 * Empty or blank values count as absent, so an empty environment variable never hides a config value.
 *
 * Pacing (the client-side token bucket, see sdk/pacing.ts) resolves the same way. Unset, the SDK default
 * applies (3.8 per second after a burst of 10: at most 1150 in any 5 minutes, under Cloudflare's 1200 per
 * token). A value that is not a number in range fails, naming where it came from and what is expected,
 * before any API call.
 */
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from "../../sdk";
import { checkAccountId, checkAppId, checkBaseUrl, type ValueCheck } from "./config-values";

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

/** One configuration value: what it is and where it may be set. */
export interface ConfigVariable {
  /** What it is, for the schema and the docs; the fallbacks are appended from the fields below. */
  description: string;
  /** The environment variable read last. */
  environment: string;
  /** A resource may set it itself (an argument of the same name), before any config. */
  argument?: true;
  /**
   * Another package's config key read after `realtimekit:<key>`. Only TypeScript programs have it: the
   * engine hands a plugin (YAML, Go, Python) its own package's config only.
   */
  otherPackageConfig?: string;
  secret?: true;
  /** The Pulumi type of the value (default string). */
  type?: "number" | "integer";
}

export type ConfigKey = "apiToken" | "accountId" | "appId" | "baseUrl" | "requestsPerSecond" | "burst";

/** The one config table. Its order is the order of the schema and the docs. */
export const CONFIG_VARIABLES: Readonly<Record<ConfigKey, ConfigVariable>> = {
  apiToken: {
    description:
      "Cloudflare API token with Realtime Admin permission. Set it with `pulumi config set --secret`.",
    otherPackageConfig: "cloudflare:apiToken",
    environment: "CLOUDFLARE_API_TOKEN",
    secret: true,
  },
  accountId: {
    description: "Cloudflare account id, for resources that do not set `accountId`.",
    argument: true,
    environment: "CLOUDFLARE_ACCOUNT_ID",
  },
  appId: {
    description: "RealtimeKit app id, for resources that do not set `appId`.",
    argument: true,
    environment: "REALTIMEKIT_APP_ID",
  },
  baseUrl: {
    description:
      "API base URL ending in /client/v4 (default: the Cloudflare API), e.g. a local emulator. It must be https (http only to a loopback host such as 127.0.0.1), without query, fragment or user info.",
    environment: "REALTIMEKIT_BASE_URL",
  },
  requestsPerSecond: {
    description:
      "Client-side pacing: requests per second per API token after the burst (default 3.8, so at most 1150 in 5 minutes, under Cloudflare's 1200; 0 turns pacing off). Lower it when several tools share one token.",
    environment: "REALTIMEKIT_REQUESTS_PER_SECOND",
    type: "number",
  },
  burst: {
    description: "Client-side pacing: requests sent at once before the rate applies (default 10).",
    environment: "REALTIMEKIT_BURST",
    type: "integer",
  },
};

/** The Pulumi config key of a value of this package. */
export const configKey = (key: ConfigKey): string => `realtimekit:${key}`;

/**
 * What a plugin user (YAML, Go, Python) reads about a value: its description and its fallbacks, which leave
 * out another package's config (the plugin never sees it) and say so.
 */
export function pluginConfigDescription(key: ConfigKey): string {
  const variable = CONFIG_VARIABLES[key];
  const other = variable.otherPackageConfig;
  return (
    `${variable.description} Falls back to ${variable.environment}` +
    (other ? ` (not to \`${other}\`: the engine hands a plugin its own package's config only).` : ".")
  );
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

/**
 * A value's sources in precedence order, from its row of the table; the first non-blank value wins.
 * Another package's config only where it can be seen (see {@link ResolveOptions}).
 */
function sourcesOf(key: ConfigKey, otherPackages = true): Source[] {
  const variable = CONFIG_VARIABLES[key];
  return [
    ...(variable.argument ? [argument(key as keyof ExplicitConfig)] : []),
    pulumiConfig(configKey(key)),
    ...(variable.otherPackageConfig && otherPackages ? [pulumiConfig(variable.otherPackageConfig)] : []),
    environment(variable.environment),
  ];
}

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
/** A value resolution may require. Account-level calls (an App's) need no `appId`: it is "" then. */
export type RequiredKey = (typeof REQUIRED)[number];
/** What account-level calls (apps) require. */
export const ACCOUNT_LEVEL: readonly RequiredKey[] = ["apiToken", "accountId"];

/** The values with a rule of their own (config-values.ts), checked wherever they were set. */
const VALUE_CHECKS: Partial<Record<ConfigKey, (raw: string) => ValueCheck>> = {
  accountId: checkAccountId,
  appId: checkAppId,
  baseUrl: checkBaseUrl,
};

/** How {@link resolveConfig} reads. */
export interface ResolveOptions {
  /**
   * Read another package's config (`cloudflare:apiToken`) too; default true. The plugin passes false: the
   * engine hands it its own package's config only, so a message must not send anyone there.
   */
  otherPackages?: boolean;
  /** The values that must be found; default all three. Account-level calls pass {@link ACCOUNT_LEVEL}. */
  required?: readonly RequiredKey[];
}

/**
 * Resolves the API token, account id, app id and base URL with the precedence of {@link CONFIG_VARIABLES}. Pure: it reads only its arguments. Throws {@link MissingConfigError} naming every missing value and,
 * for each, every place it could have come from (that message never contains a value), or
 * {@link InvalidConfigError} for a value that breaks its rule: a pacing value out of range, a base URL that is
 * not https (http only to a loopback host) or has a query, fragment or user info, an id that a resource
 * argument could not be (naming where it was set and what is expected, not the value).
 */
export function resolveConfig(
  explicit: ExplicitConfig,
  config: ConfigSource | undefined,
  env: Environment,
  options: ResolveOptions = {},
): ResolvedConfig {
  const sources = (key: ConfigKey): Source[] => sourcesOf(key, options.otherPackages ?? true);
  const find = (sources: Source[]): { value: string; source: Source } | undefined => {
    for (const source of sources) {
      const value = source.read(explicit, config, env);
      if (typeof value === "string" && value.trim() !== "") return { value: value.trim(), source };
      // Pulumi config values normally arrive as strings; accept a bare number for ids typed without quotes.
      if (typeof value === "number" && Number.isFinite(value)) return { value: String(value), source };
    }
    return undefined;
  };
  const pick = (key: ConfigKey): string | undefined => {
    const found = find(sources(key));
    const check = VALUE_CHECKS[key];
    if (found === undefined || check === undefined) return found?.value;
    const result = check(found.value);
    if (result.ok) return result.value;
    throw new InvalidConfigError(
      found.source.describe,
      `RealtimeKit configuration: ${found.source.describe} must be ${result.expected}.`,
    );
  };
  const pacing = (key: keyof RateLimitOptions): number | undefined => {
    const found = find(sources(key));
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
    apiToken: pick("apiToken"),
    accountId: pick("accountId"),
    appId: pick("appId"),
    baseUrl: pick("baseUrl"),
  };
  const requestsPerSecond = pacing("requestsPerSecond");
  const burst = pacing("burst");
  const missing = (options.required ?? REQUIRED).filter((key) => resolved[key] === undefined);
  if (missing.length > 0) {
    const lines = missing.map((key) => `  - ${key}: set ${describeSources(sources(key))}`);
    throw new MissingConfigError(
      missing,
      `RealtimeKit configuration is incomplete:\n${lines.join("\n")}\n` +
        "(Secrets belong in `pulumi config set --secret realtimekit:apiToken <token>`.)",
    );
  }
  return {
    apiToken: resolved.apiToken as string,
    accountId: resolved.accountId as string,
    appId: resolved.appId ?? "",
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
