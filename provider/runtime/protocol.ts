/**
 * The shapes the dynamic-provider host, the serialized shim (../shim.ts) and the runtime exchange. Kept apart
 * from the runtime's index so every resource kind can import them without importing the barrel in a circle.
 */
import type * as pulumi from "@pulumi/pulumi";

export type ResourceKind = "participant" | "meeting" | "rosterPrune" | "preset" | "webhook" | "app";

/** A property bag as the dynamic-provider host passes it: plain JSON values, unvalidated. */
export type PropertyMap = Record<string, unknown>;

/** One resource kind's CRUD, as the dynamic-provider host calls it (minus `configure`, which is shared). */
export type RuntimeProvider<Inputs = PropertyMap, Outputs = PropertyMap> = Required<
  Omit<pulumi.dynamic.ResourceProvider<Inputs, Outputs>, "configure">
>;

/** The shape the shim expects of the runtime module. */
export interface RuntimeModule {
  configure(config: pulumi.dynamic.Config): void;
  providers: Partial<Record<ResourceKind, RuntimeProvider>>;
}

/** The engine's own key for the serialized provider; never an input of ours, never compared. */
export const PROVIDER_KEY = "__provider";

/**
 * The hidden input that names the resource (its URN) to `check`, for the claims of the deployment
 * (./participant/claims.ts). Dropped by `check`, so it never reaches the state; never compared.
 */
export const OWNER_KEY = "__owner";

/**
 * The hidden input that gives a roster child the file and line of its entry (`roster.yaml:3`), for its
 * error messages (./roster/source.ts). Dropped by `check`, like {@link OWNER_KEY}; never compared.
 */
export const SOURCE_KEY = "__source";
