/**
 * The resource that makes a Roster authoritative (`prune: true`): it owns the deletion of participants the
 * roster does not declare, so they show up in `pulumi preview` before `pulumi up` deletes them. All logic
 * lives in ./runtime/roster-prune.ts; what the state holds as `__provider` is the one-line module from ./shim.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RosterPruneInputs, RosterPruneOutputs, UndeclaredParticipant } from "./runtime/roster-prune";
import { RuntimeResource, runtimeShim } from "./shim";

/** Arguments of {@link RosterPrune}. */
export interface RosterPruneArgs {
  /** The meeting to prune. */
  meetingId: pulumi.Input<string>;
  /** The participants to delete: those the roster does not declare, as listed when the program ran. */
  undeclared: pulumi.Input<UndeclaredParticipant[]>;
  /** The roster's own participants, customParticipantId -> participant id (see the runtime's `managed`). */
  managed?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** The most participants one run may delete; more fail the preview (see the Roster's `maxDeletes`). */
  maxDeletes?: pulumi.Input<number>;
  /** Cloudflare account id (default from config, as for every resource). */
  accountId?: pulumi.Input<string>;
  /** RealtimeKit app id (default from config, as for every resource). */
  appId?: pulumi.Input<string>;
}

/** The provider of {@link RosterPrune}, loading the runtime at call time (see ./shim.ts). Exported for tests. */
export const rosterPruneProvider: pulumi.dynamic.ResourceProvider<RosterPruneInputs, RosterPruneOutputs> =
  runtimeShim<RosterPruneInputs, RosterPruneOutputs>("rosterPrune");

/**
 * Deletes the listed participants on create and update (404 counts as deleted). Created by a Roster with
 * `prune: true`; not meant to be used on its own.
 */
export class RosterPrune extends RuntimeResource {
  /** The meeting pruned. */
  declare readonly meetingId: pulumi.Output<string>;
  /** Participants still undeclared after the last prune (empty once it succeeded). */
  declare readonly undeclared: pulumi.Output<UndeclaredParticipant[]>;
  /** The participants the last prune deleted. */
  declare readonly pruned: pulumi.Output<UndeclaredParticipant[]>;

  constructor(name: string, args: RosterPruneArgs, opts?: pulumi.CustomResourceOptions) {
    super("rosterPrune", name, args, opts);
  }
}
