/**
 * The Preset resource: a role, declared in code. Its arguments come from the one description
 * (./runtime/inputs/preset.ts); all provider logic lives in ./runtime/preset and ./runtime/named.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DescribedArgs, DescribedOutputs } from "./described-types";
import type { presetInputs, presetOutputs } from "./runtime/inputs/preset";
import type { PropertyMap } from "./runtime/protocol";
import { RuntimeResource, runtimeShim } from "./shim";

/**
 * Arguments of {@link Preset}: `name`, and `config`, `permissions` and `ui`, every field optional at every
 * depth (an omitted one takes the default its documentation names), plus `accountId` and `appId`.
 */
export type PresetArgs = DescribedArgs<typeof presetInputs>;
type Outputs = DescribedOutputs<typeof presetOutputs>;

/** The provider of {@link Preset}, loading the runtime at call time (see ./shim.ts). Exported for tests. */
export const presetProvider = runtimeShim<PropertyMap, PropertyMap>("preset");

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
export class Preset extends RuntimeResource {
  /** The preset's id: the resource id, known in a preview that updates it. */
  declare public readonly presetId: pulumi.Output<string>;
  /** The preset's name, for `presetName`. */
  declare public readonly name: pulumi.Output<string>;
  declare public readonly config: pulumi.Output<Outputs["config"]>;
  declare public readonly permissions: pulumi.Output<Outputs["permissions"]>;
  declare public readonly ui: pulumi.Output<Outputs["ui"]>;
  declare public readonly createdAt: pulumi.Output<string>;
  declare public readonly updatedAt: pulumi.Output<string>;
  declare public readonly accountId: pulumi.Output<string>;
  declare public readonly appId: pulumi.Output<string>;

  constructor(name: string, args: PresetArgs, opts?: pulumi.CustomResourceOptions) {
    super("preset", name, args, opts);
    this.presetId = this.id;
  }
}
