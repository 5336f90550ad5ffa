/**
 * Call-time state of the provider runtime: the stack config handed to `configure`, and API clients built
 * from it. This is module state of the runtime (loaded by name in the dynamic-provider host), never part of
 * the serialized provider, so nothing here reaches `__provider` or the Pulumi state.
 */
import { createHash } from "node:crypto";
import { RealtimeKitClient, type RealtimeKitClientOptions } from "../../sdk";
import {
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
let tuning: ClientTuning = {};
// Keyed by the resolved values (the token only as a digest): one client per distinct configuration, so
// every resource of a deployment shares its pacing and connection reuse.
const clients = new Map<string, RealtimeKitClient>();

/**
 * Records the stack config the dynamic-provider host passes to `configure` (keys namespaced, e.g.
 * `realtimekit:apiToken`). Every later call resolves credentials against it and the environment.
 */
export function setStackConfig(config: ConfigSource | undefined): void {
  stackConfig = config;
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
  const config = resolveConfig(explicit, stackConfig, process.env, required);
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
