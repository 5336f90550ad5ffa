/**
 * The Participant resource: one person allowed to join one RealtimeKit meeting, with a secret join token.
 * All provider logic lives in ./runtime/participant/; what the state holds as `__provider` is the one-line
 * module from ./shim.ts, so it holds no secret and no copy of this package's code.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ParticipantInputs, ParticipantOutputs } from "./runtime/participant";
import { declareOwner, ownerUrn } from "./participant-owner";
import { OWNER_KEY } from "./runtime/protocol";
import { RuntimeResource, runtimeShim } from "./shim";

/** Arguments of {@link Participant}. */
export interface ParticipantArgs {
  /** The meeting to join (a UUID). Changing it replaces the participant. */
  meetingId: pulumi.Input<string>;
  /**
   * Your own id for this person, unique within the meeting (for example a user id or an email). The
   * natural key used for adoption. Changing it replaces the participant.
   */
  customParticipantId: pulumi.Input<string>;
  /** The preset (role and permissions) to apply, e.g. `group_call_host`. Updated in place. */
  presetName: pulumi.Input<string>;
  /** Display name (default: none, sent as `""`). Updated in place. */
  name?: pulumi.Input<string>;
  /** Absolute http(s) URL of the participant's picture. Updated in place; removing it clears it. */
  picture?: pulumi.Input<string>;
  /**
   * Any string or number; changing it issues a new join token in place (same participant id), like a
   * keeper. Use a date, a counter or a CI run number. For a brand-new participant instead, use the
   * `replacementTrigger` resource option (replacements delete the old participant first).
   */
  tokenRotation?: pulumi.Input<string | number>;
  /**
   * Seconds: when the stored token expires within this window, the next preview shows an update and
   * `pulumi up` issues a new token (so a scheduled `pulumi up` keeps tokens fresh). Default: never.
   */
  refreshBeforeExpiry?: pulumi.Input<number>;
  /**
   * Take over a participant with this `customParticipantId` that already exists in the meeting (PATCH it to
   * the declared fields and issue it a token) instead of failing. This is the import path: `pulumi import`
   * does not work for dynamic resources. Default false.
   */
  adopt?: pulumi.Input<boolean>;
  /**
   * Cloudflare account id. Default: config `realtimekit:accountId`, then env `CLOUDFLARE_ACCOUNT_ID`.
   * Setting it to a different value replaces the participant.
   */
  accountId?: pulumi.Input<string>;
  /**
   * RealtimeKit app id. Default: config `realtimekit:appId`, then env `REALTIMEKIT_APP_ID`. Setting it to a
   * different value replaces the participant.
   */
  appId?: pulumi.Input<string>;
}

/**
 * The provider of {@link Participant} as a `ResourceProvider` that loads `pulumi-realtimekit/runtime` at call
 * time (what a Participant stores as `__provider` is the one-line module of ./shim.ts). Exported so tests can
 * call its methods directly.
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
export class Participant extends RuntimeResource {
  /** The participant's id assigned by RealtimeKit (also the resource id). */
  declare readonly participantId: pulumi.Output<string>;
  /** The join token (a JWT) to hand to the RealtimeKit client SDK. Secret. */
  declare readonly token: pulumi.Output<string>;
  /** When the token expires (ISO 8601, from its `exp` claim); undefined if the token carries no expiry. */
  declare readonly tokenExpiresAt: pulumi.Output<string | undefined>;
  /** When the participant was added (ISO 8601). */
  declare readonly createdAt: pulumi.Output<string>;
  /** When the participant was last changed (ISO 8601). */
  declare readonly updatedAt: pulumi.Output<string>;
  /** The meeting's id. */
  declare readonly meetingId: pulumi.Output<string>;
  /** Your id for the participant. */
  declare readonly customParticipantId: pulumi.Output<string>;
  /** The preset applied. */
  declare readonly presetName: pulumi.Output<string>;
  /** The display name (`""` when none). */
  declare readonly name: pulumi.Output<string>;
  /** The picture URL, if any. */
  declare readonly picture: pulumi.Output<string | undefined>;
  /** The `tokenRotation` value the current token was issued for. */
  declare readonly tokenRotation: pulumi.Output<string | number | undefined>;
  /** The `refreshBeforeExpiry` setting, in seconds. */
  declare readonly refreshBeforeExpiry: pulumi.Output<number | undefined>;
  /** The `adopt` setting. */
  declare readonly adopt: pulumi.Output<boolean | undefined>;
  /** The account the participant lives in (resolved at create time, kept for refresh and delete). */
  declare readonly accountId: pulumi.Output<string>;
  /** The app the participant lives in (resolved at create time, kept for refresh and delete). */
  declare readonly appId: pulumi.Output<string>;

  constructor(name: string, args: ParticipantArgs, opts?: pulumi.CustomResourceOptions) {
    declareOwner(name, args.meetingId, args.customParticipantId);
    // The token is only known after create; its description makes it a secret output, which keeps plaintext
    // out of the state. Replacements delete first (the description's deleteBeforeReplace): create refuses a
    // customParticipantId that already exists in the meeting, so the old participant must go first.
    super("participant", name, { ...args, [OWNER_KEY]: ownerUrn(name, opts?.parent) }, opts);
  }
}
