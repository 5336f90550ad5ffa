/**
 * The provider runtime: what the serialized shim (../shim.ts) requires at call time as
 * `pulumi-realtimekit/runtime`. All real provider logic, axios included, lives behind this module.
 */
import type * as pulumi from "@pulumi/pulumi";
import { appRuntime } from "./app";
import { requireApiToken, setStackConfig } from "./context";
import { engineAddressOf, engineWarningSink, setWarningSink } from "./diagnostics";
import { quietlyFailing } from "./host-log";
import { checkGetMeetingParticipantsArgs, getMeetingParticipantsRuntime } from "./list-participants";
import { meetingRuntime } from "./meeting";
import { participantRuntime } from "./participant";
import { presetRuntime } from "./preset";
import type { PropertyMap, ResourceKind, RuntimeProvider } from "./protocol";
import { rosterPruneRuntime } from "./roster-prune";
import { webhookRuntime } from "./webhook";

export type { PropertyMap, ResourceKind, RuntimeModule, RuntimeProvider } from "./protocol";
/** The one description of every input and output, for the native plugin's schema and docs (see ./inputs). */
export { resourceDescriptions, type ResourceDescription } from "./inputs";

/**
 * Called by the host before a provider's first operation with the stack's config (keys namespaced, e.g.
 * `realtimekit:apiToken`, secrets already decrypted). Kept in module state and read at call time, never
 * stored in `__provider` or the outputs. Every kind's shim calls this; they all receive the same config.
 */
export function configure(config: pulumi.dynamic.Config): void {
  setStackConfig(config);
}

/**
 * The plugin's Configure: like {@link configure}, for config that holds this package's keys only, and
 * failing at once (in a preview too) when no API token is found, with one message naming every place.
 */
export function configurePlugin(config: pulumi.dynamic.Config): void {
  setStackConfig(config, { plugin: true });
  requireApiToken();
}

/**
 * Each resource kind's runtime, looked up at call time by {@link dynamicProvider} and by the closure shim
 * that resources created by version 0.1.0 hold in `__provider`. One line per kind; every kind takes the
 * engine's plain property bags and parses them against its description.
 */
export const providers: Record<ResourceKind, RuntimeProvider> = {
  participant: participantRuntime,
  meeting: meetingRuntime,
  rosterPrune: rosterPruneRuntime,
  preset: presetRuntime,
  webhook: webhookRuntime,
  app: appRuntime,
};

/** The provider's functions (served by the native plugin's `invoke`), by name. */
export const functions = {
  getMeetingParticipants: getMeetingParticipantsRuntime,
};

/** Each function's argument check (the one description's, as for resource inputs), by name. */
export const functionChecks = {
  getMeetingParticipants: checkGetMeetingParticipantsArgs,
};

const hosted = new Map<ResourceKind, pulumi.dynamic.ResourceProvider<PropertyMap, PropertyMap>>();

/**
 * What the dynamic-provider host runs for a resource of `kind`: the `__provider` text (../shim.ts) is a
 * one-line module whose handler returns this. The host configures it once (before its first operation)
 * and then calls its CRUD for every resource of the kind.
 */
export function dynamicProvider(
  kind: ResourceKind,
): pulumi.dynamic.ResourceProvider<PropertyMap, PropertyMap> {
  let provider = hosted.get(kind);
  if (!provider) {
    // The dynamic-provider host was started with the engine's address: warnings go to its Log RPC.
    const engine = engineAddressOf(process.argv.slice(2));
    if (engine !== undefined) setWarningSink(engineWarningSink(engine));
    const runtime = providers[kind];
    if (!runtime)
      throw new Error(`pulumi-realtimekit/runtime has no "${kind}" provider: reinstall pulumi-realtimekit`);
    // The host prints a failed check, diff, read or delete a second time with a stack trace: not ours.
    provider = {
      ...runtime,
      configure: async (req) => configure(req.config),
      check: (olds, news) => quietlyFailing(() => runtime.check(olds, news)),
      diff: (id, olds, news) => quietlyFailing(() => runtime.diff(id, olds, news)),
      read: (id, props) => quietlyFailing(() => runtime.read(id, props)),
      delete: (id, props) => quietlyFailing(() => runtime.delete(id, props)),
    };
    hosted.set(kind, provider);
  }
  return provider;
}
