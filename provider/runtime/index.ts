/**
 * The provider runtime: what the serialized shim (../shim.ts) requires at call time as
 * `pulumi-realtimekit/runtime`. All real provider logic, axios included, lives behind this module.
 */
import type * as pulumi from "@pulumi/pulumi";
import { setStackConfig } from "./context";
import { checkGetMeetingParticipantsArgs, getMeetingParticipantsRuntime } from "./list-participants";
import { meetingRuntime } from "./meeting";
import { participantRuntime } from "./participant";
import type { ResourceKind, RuntimeProvider } from "./protocol";
import { rosterPruneRuntime } from "./roster-prune";

export type { PropertyMap, ResourceKind, RuntimeModule, RuntimeProvider } from "./protocol";
/** The one description of every input and output, for the native plugin's schema and docs (see ./inputs). */
export { resourceDescriptions, type ResourceDescription } from "./inputs";

/**
 * Registers a kind's provider under the registry's untyped signature: the host hands every kind plain
 * property bags, and each kind parses its own, so its precise input and output types stay internal.
 */
export function register<Inputs, Outputs>(provider: RuntimeProvider<Inputs, Outputs>): RuntimeProvider {
  return provider as unknown as RuntimeProvider;
}

/**
 * Called by the host before a provider's first operation with the stack's config (keys namespaced, e.g.
 * `realtimekit:apiToken`, secrets already decrypted). Kept in module state and read at call time, never
 * stored in `__provider` or the outputs. Every kind's shim calls this; they all receive the same config.
 */
export function configure(config: pulumi.dynamic.Config): void {
  setStackConfig(config);
}

/** Each resource kind's provider, looked up by the shim at call time. One line per kind. */
export const providers: Partial<Record<ResourceKind, RuntimeProvider>> = {
  participant: register(participantRuntime),
  meeting: register(meetingRuntime),
  rosterPrune: register(rosterPruneRuntime),
};

/** The provider's functions (served by the native plugin's `invoke`), by name. */
export const functions = {
  getMeetingParticipants: getMeetingParticipantsRuntime,
};

/** Each function's argument check (the one description's, as for resource inputs), by name. */
export const functionChecks = {
  getMeetingParticipants: checkGetMeetingParticipantsArgs,
};
