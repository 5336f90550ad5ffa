/**
 * Call-time state of the provider runtime: the stack config handed to `configure`, and API clients built
 * from it. This is module state of the runtime (loaded by name in the dynamic-provider host), never part of
 * the serialized provider, so nothing here reaches `__provider` or the Pulumi state.
 */
import { createHash } from "node:crypto";
import { RealtimeKitClient, type RealtimeKitClientOptions } from "../../sdk";
import {
  MissingConfigError,
  resolveConfig,
  type ConfigSource,
  type ExplicitConfig,
  type RequiredKey,
  type ResolvedConfig,
} from "./config";

/** Client options the runtime does not take from config (timeouts, retry, default pacing): tests tune them. */
export type ClientTuning = Omit<RealtimeKitClientOptions, "apiToken" | "accountId" | "appId" | "baseUrl">;

/** A client plus the resolved values it was built from (the ids are recorded in resource outputs). */
export interface Connection {
  client: RealtimeKitClient;
  config: ResolvedConfig;
}

let stackConfig: ConfigSource | undefined;
// False in the plugin, which the engine hands only its own package's config (see setStackConfig).
let otherPackages = true;
let tuning: ClientTuning = {};
// Keyed by the resolved values (the token only as a digest): one client per distinct configuration, so
// every resource of a deployment shares its pacing and connection reuse.
const clients = new Map<string, RealtimeKitClient>();

/**
 * Records the stack config the dynamic-provider host passes to `configure` (keys namespaced, e.g.
 * `realtimekit:apiToken`). Every later call resolves credentials against it and the environment.
 */
export function setStackConfig(config: ConfigSource | undefined, options: { plugin?: boolean } = {}): void {
  stackConfig = config;
  otherPackages = !options.plugin;
}

/**
 * Said with every value found missing where the provider runs. There the config is what the engine hands
 * the provider: the stack's config at `pulumi up` and `preview`, but at `pulumi destroy` and `pulumi
 * refresh`, which do not run the program, the config saved by the last `pulumi up`.
 */
export const SAVED_CONFIG_NOTE =
  "`pulumi destroy` and `pulumi refresh` use the configuration saved by the last `pulumi up`, not the " +
  "stack's current config: if you set it since, run `pulumi up` first (or add `--run-program` to " +
  "`pulumi destroy` or `pulumi refresh`), or set the environment variable named above, which is read at " +
  "every run.";

/** Resolves as ./config.ts says, with {@link SAVED_CONFIG_NOTE} added to a missing value's message. */
function resolveHere(explicit: ExplicitConfig, required?: readonly RequiredKey[]): ResolvedConfig {
  try {
    return resolveConfig(explicit, stackConfig, process.env, { otherPackages, required });
  } catch (error) {
    if (error instanceof MissingConfigError)
      throw new MissingConfigError(error.missing, `${error.message}\n${SAVED_CONFIG_NOTE}`);
    throw error;
  }
}

/**
 * Fails when no API token is found, the one value no resource argument can give: the plugin's Configure
 * calls it, so a program without one fails once, at `pulumi preview` too, before any resource is touched.
 */
export function requireApiToken(): void {
  // The ids may come from resource arguments (and an App needs no app id), so only the token is required
  // here; a value that is set (base URL, ids, pacing) is still judged by its rule.
  resolveHere({}, ["apiToken"]);
}

/** Sets client options that config does not cover (timeouts, retry, pacing). Meant for tests. */
export function setClientTuning(options: ClientTuning): void {
  tuning = { ...options };
  clients.clear();
}

/**
 * Resolves credentials and ids now (resource arguments, then the stack config, then the environment; see
 * ./config.ts) and returns a client for them. Throws `MissingConfigError` when something is missing.
 */
export function connect(explicit: ExplicitConfig, required?: readonly RequiredKey[]): Connection {
  const config = resolveHere(explicit, required);
  const digest = createHash("sha256").update(config.apiToken).digest("hex");
  const key = JSON.stringify([
    config.baseUrl ?? "",
    config.accountId,
    config.appId,
    digest,
    config.rateLimit,
  ]);
  let client = clients.get(key);
  if (!client) {
    // Pacing set in config or the environment is the user's choice and wins over a test's tuning.
    client = new RealtimeKitClient({
      ...tuning,
      ...config,
      appId: config.appId === "" ? undefined : config.appId,
      rateLimit: config.rateLimit ?? tuning.rateLimit,
    });
    clients.set(key, client);
  }
  return { client, config };
}
