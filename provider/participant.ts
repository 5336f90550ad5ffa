/**
 * The Participant resource: one person allowed to join one RealtimeKit meeting, with a secret join token.
 * All provider logic lives in ./runtime/participant/; what the state holds as `__provider` is the one-line
 * module from ./shim.ts, so it holds no secret and no copy of this package's code.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ParticipantInputs, ParticipantOutputs } from "./runtime/participant";
import { declareOwner, ownerUrn } from "./participant-owner";
import { OWNER_KEY } from "./runtime/protocol";
import type { ParticipantArgs } from "../generated/typescript/described";
import { DescribedResource, runtimeShim } from "./shim";

/** Arguments of {@link Participant}: its described inputs, with their descriptions' words. */
export type { ParticipantArgs } from "../generated/typescript/described";

/**
 * The 0.1.0 closure shim for Participants: a `ResourceProvider` that loads `pulumi-realtimekit/runtime` at
 * call time. Resources created by 0.1.0 stored its serialized closure as `__provider`, and the runtime keeps
 * loading it; new Participants store the one-line module of ./shim.ts instead.
 *
 * @deprecated Kept for programs that pass it to their own `pulumi.dynamic.Resource`; the provider is the
 * runtime's `participantRuntime`.
 */
export const participantProvider: pulumi.dynamic.ResourceProvider<ParticipantInputs, ParticipantOutputs> =
  runtimeShim<ParticipantInputs, ParticipantOutputs>("participant");

/**
 * A participant of a RealtimeKit meeting. `name`, `picture` and `presetName` update in place; the ids
 * replace; `tokenRotation` and `refreshBeforeExpiry` issue new tokens in place. The API token comes from
 * config or the environment at call time and never enters the state; the join token is a secret output.
 *
 * @example
 * const alice = new Participant("alice", {
 *   meetingId: meeting.meetingId,
 *   customParticipantId: "alice@example.com",
 *   presetName: "group_call_host",
 *   name: "Alice",
 * });
 * export const aliceToken = alice.token; // secret
 *
 * @example
 * // A roster: one Participant per person, keyed by the stable customParticipantId.
 * for (const person of [{ id: "bob", name: "Bob" }, { id: "carol", name: "Carol" }]) {
 *   new Participant(`participant-${person.id}`, {
 *     meetingId: meeting.meetingId,
 *     customParticipantId: person.id,
 *     presetName: "group_call_participant",
 *     name: person.name,
 *     tokenRotation: "2025-01",
 *   });
 * }
 */
export class Participant extends DescribedResource<"participant"> {
  /**
   * The join token: a successful create or update always issues one (the description leaves it optional
   * only for state recorded after a failed step). Secret.
   */
  declare readonly token: pulumi.Output<string>;

  constructor(name: string, args: ParticipantArgs, opts?: pulumi.CustomResourceOptions) {
    declareOwner(name, args.meetingId, args.customParticipantId);
    // The token is only known after create; its description makes it a secret output, which keeps plaintext
    // out of the state. Replacements delete first (the description's deleteBeforeReplace): create refuses a
    // customParticipantId that already exists in the meeting, so the old participant must go first.
    super("participant", name, { ...args, [OWNER_KEY]: ownerUrn(name, opts?.parent) }, opts);
  }
}
