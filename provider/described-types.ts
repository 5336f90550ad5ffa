/**
 * TypeScript argument and output types derived from a resource's description (provider/runtime/inputs),
 * so no resource's inputs are written twice: `DescribedArgs<typeof presetInputs>` is what a program may
 * pass, with a `pulumi.Input` at every level (a Preset's `name` output, an App's `appId` output, or a
 * plain value), and the optional fields of the description optional here.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Static, TObject } from "@sinclair/typebox";

/** A value at any depth, accepting an Output or a plain value wherever one may be given. */
export type DeepInput<T> = T extends readonly (infer Item)[]
  ? pulumi.Input<DeepInput<Item>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

/** A resource's arguments, from its input description. */
export type DescribedArgs<Inputs extends TObject> = {
  [K in keyof Static<Inputs>]: DeepInput<Static<Inputs>[K]>;
};

/** A resource's output values, from its output description. */
export type DescribedOutputs<Outputs extends TObject> = Static<Outputs>;
