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
  type ExplicitConfig,
} from "./runtime/config";

/** The resource arguments that may stand in for config: set (a value or an output) or not. */
export interface CredentialArgs {
  accountId?: unknown;
  appId?: unknown;
}

/**
 * The stack's config as the program sees it, keys namespaced (`realtimekit:apiToken`): the values the
 * provider is configured with. Read through the runtime rather than `pulumi.Config` so a secret value is
 * read without a warning; it is never returned or logged.
 */
export const programConfig: ConfigSource = { get: (key) => pulumi.runtime.getConfig(key) };

/**
 * Throws a `RunError` (printed once, as its message alone) when a value the resource needs is found
 * nowhere, or a pacing value is out of range. Skipped under Pulumi's mocks: a program's unit tests need no
 * credentials. Not remembered between resources: it costs a few config reads, and one Automation API
 * process may run programs with different config.
 */
export function requireCredentials(args: CredentialArgs): void {
  if (pulumi.runtime.getMonitor() instanceof MockMonitor) return;
  // An argument given as an output is known only later; that it is given is what counts here.
  const explicit: ExplicitConfig = {
    accountId: args.accountId === undefined ? undefined : "(set on the resource)",
    appId: args.appId === undefined ? undefined : "(set on the resource)",
  };
  try {
    resolveConfig(explicit, programConfig, process.env);
  } catch (error) {
    if (error instanceof MissingConfigError || error instanceof InvalidConfigError)
      throw new pulumi.RunError(error.message);
    throw error;
  }
}
