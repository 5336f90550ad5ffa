/**
 * Missing credentials stop a TypeScript program once, when it declares its first RealtimeKit resource, the
 * way @pulumi/cloudflare's provider fails at configure: `pulumi preview` (a pull request's check) fails with
 * one message naming every place looked, instead of passing with warnings and leaving `pulumi up` to fail
 * once per resource. The check reads what the provider will read at call time (the stack's config and
 * the environment, ./runtime/config.ts); it keeps nothing, and no value reaches a message.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import {
  InvalidConfigError,
  MissingConfigError,
  resolveConfig,
  type ConfigSource,
  type RequiredKey,
} from "./runtime/config";
import type { ResourceDescription } from "./runtime/inputs";

/**
 * The stack's config as the program sees it, keys namespaced (`realtimekit:apiToken`): the values the
 * provider is configured with. Read through the runtime rather than `pulumi.Config` so a secret value is
 * read without a warning; it is never returned or logged.
 */
export const programConfig: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };

/**
 * Throws a `RunError` (printed once, as its message alone) when a value a resource of `description` needs
 * is found nowhere, or a value that is set breaks its rule. An id is needed when the description has it as
 * an input (an App has no `appId`) and the resource does not set it (given as an output, it is known only
 * later; that it is given is what counts here). Skipped under Pulumi's mocks: a program's unit tests need
 * no credentials. Not remembered between resources: it costs a few config reads, and one Automation API
 * process may run programs with different config.
 */
export function requireCredentials(description: ResourceDescription, args: Record<string, unknown>): void {
  if (pulumi.runtime.getMonitor() instanceof MockMonitor) return;
  const inputs: Record<string, unknown> = description.inputs.properties;
  const required = (["apiToken", "accountId", "appId"] as const).filter(
    (key: RequiredKey) => key === "apiToken" || (key in inputs && args[key] === undefined),
  );
  try {
    resolveConfig({}, programConfig, process.env, { required });
  } catch (error) {
    if (error instanceof MissingConfigError || error instanceof InvalidConfigError)
      throw new pulumi.RunError(error.message);
    throw error;
  }
}
