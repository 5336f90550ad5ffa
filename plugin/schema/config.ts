/**
 * The provider's configuration as Pulumi config variables (`realtimekit:<key>`) and explicit-provider
 * inputs, from the runtime's one config table (provider/runtime/config.ts), worded for plugin users.
 */
import { CONFIG_VARIABLES, pluginConfigDescription, type ConfigKey } from "../../provider/runtime/config";
import type { PropertySpec } from "./pulumi-schema";

/** The config variables as Pulumi properties. */
export function configProperties(): Record<string, PropertySpec> {
  const result: Record<string, PropertySpec> = {};
  for (const [key, variable] of Object.entries(CONFIG_VARIABLES)) {
    result[key] = {
      type: variable.type ?? "string",
      description: pluginConfigDescription(key as ConfigKey),
      ...(variable.secret ? { secret: true } : {}),
    };
  }
  return result;
}
