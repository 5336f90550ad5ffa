/**
 * The provider's configuration as Pulumi config variables (`realtimekit:<key>`) and explicit-provider
 * inputs. The precedence itself lives in provider/config.ts (`resolveConfig`); these texts describe it, and
 * tests/plugin/schema.test.ts proves each documented environment variable is the one `resolveConfig` reads.
 */
import type { PropertySpec } from "./pulumi-schema";

export interface ConfigVariable {
  description: string;
  /** The environment variable `resolveConfig` falls back to. */
  environment: string;
  secret?: boolean;
  /** The Pulumi type of the value (default string). */
  type?: "string" | "number" | "integer";
}

export const CONFIG_VARIABLES: Readonly<
  Record<"apiToken" | "accountId" | "appId" | "baseUrl" | "requestsPerSecond" | "burst", ConfigVariable>
> = {
  apiToken: {
    description:
      "Cloudflare API token with Realtime Admin permission. Falls back to `cloudflare:apiToken`, then CLOUDFLARE_API_TOKEN. Set it with `pulumi config set --secret`.",
    environment: "CLOUDFLARE_API_TOKEN",
    secret: true,
  },
  accountId: {
    description:
      "Cloudflare account id, for resources that do not set `accountId`. Falls back to CLOUDFLARE_ACCOUNT_ID.",
    environment: "CLOUDFLARE_ACCOUNT_ID",
  },
  appId: {
    description:
      "RealtimeKit app id, for resources that do not set `appId`. Falls back to REALTIMEKIT_APP_ID.",
    environment: "REALTIMEKIT_APP_ID",
  },
  baseUrl: {
    description:
      "API base URL ending in /client/v4 (default: the Cloudflare API), e.g. a local emulator. Falls back to REALTIMEKIT_BASE_URL.",
    environment: "REALTIMEKIT_BASE_URL",
  },
  requestsPerSecond: {
    description:
      "Client-side pacing: requests per second per API token after the burst (default 3.8, so at most 1150 in 5 minutes, under Cloudflare's 1200; 0 turns pacing off). Lower it when several tools share one token. Falls back to REALTIMEKIT_REQUESTS_PER_SECOND.",
    environment: "REALTIMEKIT_REQUESTS_PER_SECOND",
    type: "number",
  },
  burst: {
    description:
      "Client-side pacing: requests sent at once before the rate applies (default 10). Falls back to REALTIMEKIT_BURST.",
    environment: "REALTIMEKIT_BURST",
    type: "integer",
  },
};

/** The config variables as Pulumi properties. */
export function configProperties(): Record<string, PropertySpec> {
  const result: Record<string, PropertySpec> = {};
  for (const [key, variable] of Object.entries(CONFIG_VARIABLES)) {
    result[key] = {
      type: variable.type ?? "string",
      description: variable.description,
      ...(variable.secret ? { secret: true } : {}),
    };
  }
  return result;
}
