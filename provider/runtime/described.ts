/**
 * The TypeScript surface of a described resource, derived from its description (./inputs) rather than
 * written again: a class's arguments are its described inputs as `pulumi.Input`s, its properties its
 * described outputs as `pulumi.Output`s. Adding, removing or retyping an input in the description changes
 * the class's types with it; the words of each argument are in the description, and in the reference pages
 * generated from it (generated/docs).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Static, TObject } from "@sinclair/typebox";

/** A resource's arguments: each described input as a `pulumi.Input` (optional where the description says). */
export type InputsOf<S extends TObject> = { [K in keyof Static<S>]: pulumi.Input<Static<S>[K]> };

/** A resource's properties: each described output as a `pulumi.Output` (of `undefined` too when optional). */
export type OutputsOf<S extends TObject> = { readonly [K in keyof Static<S>]-?: pulumi.Output<Static<S>[K]> };
