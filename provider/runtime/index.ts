/**
 * The provider runtime: what the serialized shim (../shim.ts) requires at call time as
 * `pulumi-realtimekit/runtime`. All real provider logic, axios included, lives behind this module.
 */
import type * as pulumi from "@pulumi/pulumi";

export type ResourceKind = "participant" | "meeting" | "rosterPrune";

/** One resource kind's CRUD, as the dynamic-provider host calls it (minus `configure`, which is shared). */
export type RuntimeProvider<Inputs = unknown, Outputs = unknown> = Required<
  Omit<pulumi.dynamic.ResourceProvider<Inputs, Outputs>, "configure">
>;

export interface RuntimeModule {
  configure(config: pulumi.dynamic.Config): void;
  providers: Record<ResourceKind, RuntimeProvider>;
}
