/**
 * The Preset resource: a role, declared in code. Its arguments come from the one description
 * (./runtime/inputs/preset.ts); all provider logic lives in ./runtime/preset and ./runtime/named.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PresetArgs } from "../generated/typescript/described";
import { DescribedResource } from "./shim";

export type { PresetArgs } from "../generated/typescript/described";

/**
 * A RealtimeKit preset: the role a participant or roster entry names in `presetName`. Pass its `name`
 * output as their `presetName`, so the preset is created (or renamed) before them and deleted after them.
 * An existing preset of the same name is adopted; every change, `name` included, is one PATCH of what
 * changed; `accountId` and `appId` replace it.
 *
 * @example
 * const host = new Preset("host", { name: "host", permissions: { canRecord: true } });
 * new Participant("alice", { meetingId, customParticipantId: "alice", presetName: host.name });
 */
export class Preset extends DescribedResource<"preset"> {
  constructor(name: string, args: PresetArgs, opts?: pulumi.CustomResourceOptions) {
    super("preset", name, args, opts);
    // The resource id, known in a preview that updates it (as Meeting's meetingId).
    (this as { presetId: pulumi.Output<string> }).presetId = this.id;
  }
}
