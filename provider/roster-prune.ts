/**
 * The resource that makes a Roster authoritative (`prune: true`): it owns the deletion of participants the
 * roster does not declare, so they show up in `pulumi preview` before `pulumi up` deletes them. All logic
 * lives in ./runtime/roster-prune.ts; what the state holds as `__provider` is the one-line module from ./shim.ts.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RosterPruneArgs } from "../generated/typescript/described";
import { DescribedResource } from "./shim";

/** Arguments of {@link RosterPrune}: its described inputs. */
export type { RosterPruneArgs } from "../generated/typescript/described";

/**
 * Deletes the listed participants on create and update (404 counts as deleted). Created by a Roster with
 * `prune: true`; not meant to be used on its own.
 */
export class RosterPrune extends DescribedResource<"rosterPrune"> {
  constructor(name: string, args: RosterPruneArgs, opts?: pulumi.CustomResourceOptions) {
    super("rosterPrune", name, args, opts);
  }
}
