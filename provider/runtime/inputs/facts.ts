/**
 * What a resource description says beyond its inputs, read as data by the plugin and the TypeScript
 * classes alike: which outputs are secret, which stay the same over an update, which inputs must be made
 * secret because of what they hold. Nobody lists these by resource name.
 */
import type { TSchema } from "@sinclair/typebox";
import { isRecord } from "../values";
import type { ResourceDescription } from "./index";
import { annotationsOf } from "./keywords";

const propertiesOf = (schema: TSchema): [string, TSchema][] =>
  isRecord(schema.properties) ? Object.entries(schema.properties as Record<string, TSchema>) : [];

/** The outputs marked `x-secret` (a Participant's join token): secret whatever the inputs were. */
export function secretOutputs(description: ResourceDescription): string[] {
  return propertiesOf(description.outputs)
    .filter(([, schema]) => annotationsOf(schema)["x-secret"] === true)
    .map(([key]) => key);
}

/** The inputs marked `x-defaultFrom`: resolved from config when omitted, so only compared when set. */
export function configDefaulted(inputs: TSchema): string[] {
  return propertiesOf(inputs)
    .filter(([, schema]) => annotationsOf(schema)["x-defaultFrom"] !== undefined)
    .map(([key]) => key);
}

/** The outputs marked `x-stable`: an update never changes them, so a preview reports them as they are. */
export function stableOutputs(description: ResourceDescription): string[] {
  return propertiesOf(description.outputs)
    .filter(([, schema]) => annotationsOf(schema)["x-stable"] === true)
    .map(([key]) => key);
}

/** Whether `value` is, or holds somewhere inside it, a value the schema marks `x-secret`. */
export function holdsSecret(schema: TSchema, value: unknown): boolean {
  if (value === undefined) return false;
  if (annotationsOf(schema)["x-secret"] === true) return true;
  if (Array.isArray(schema.anyOf))
    return (schema.anyOf as TSchema[]).some((item) => holdsSecret(item, value));
  if (isRecord(value)) {
    return propertiesOf(schema).some(
      ([key, property]) => Object.hasOwn(value, key) && holdsSecret(property, value[key]),
    );
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    return value.some((item) => holdsSecret(schema.items as TSchema, item));
  }
  return false;
}

/** The inputs that may hold a value described as secret, whatever their value (a Meeting's recordingConfig). */
export function inputsThatMayHoldSecrets(description: ResourceDescription): string[] {
  const may = (schema: TSchema): boolean =>
    annotationsOf(schema)["x-secret"] === true ||
    propertiesOf(schema).some(([, property]) => may(property)) ||
    (Array.isArray(schema.anyOf) && (schema.anyOf as TSchema[]).some(may)) ||
    (isRecord(schema.items) && may(schema.items as TSchema));
  return propertiesOf(description.inputs)
    .filter(([, schema]) => may(schema))
    .map(([key]) => key);
}

/**
 * The inputs that must be secret whatever the program said, because they hold a value described as secret
 * (a Meeting's `recordingConfig` with a storage credential).
 */
export function forcedSecrets(description: ResourceDescription, inputs: Record<string, unknown>): string[] {
  return propertiesOf(description.inputs)
    .filter(([key, schema]) => Object.hasOwn(inputs, key) && holdsSecret(schema, inputs[key]))
    .map(([key]) => key);
}

/**
 * The inputs without any value the description marks `x-secret`, at any depth (a Meeting's storage
 * credentials): what `pulumi import` turns into program code, which must never carry a credential read from
 * the API. The state keeps the values, as secrets.
 */
export function withoutSecretValues(
  description: ResourceDescription,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  return stripSecrets(description.inputs, inputs) as Record<string, unknown>;
}

function stripSecrets(schema: TSchema, value: unknown): unknown {
  if (Array.isArray(schema.anyOf)) {
    return (schema.anyOf as TSchema[]).reduce((kept, variant) => stripSecrets(variant, kept), value);
  }
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => annotationsOf(propertyOf(schema, key))["x-secret"] !== true)
        .map(([key, item]) => [key, stripSecrets(propertyOf(schema, key), item)]),
    );
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    return value.map((item) => stripSecrets(schema.items as TSchema, item));
  }
  return value;
}

const propertyOf = (schema: TSchema, key: string): TSchema =>
  isRecord(schema.properties) && Object.hasOwn(schema.properties, key)
    ? (schema.properties as Record<string, TSchema>)[key]
    : ({} as TSchema);

/**
 * The resource options a description implies, for a class registering a resource of it (the plugin's
 * Roster children and the TypeScript classes alike): delete-first replacement and the secret outputs.
 */
export function describedOptions(description: ResourceDescription): {
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs?: string[];
} {
  const secret = secretOutputs(description);
  return {
    ...(description.deleteBeforeReplace ? { deleteBeforeReplace: true } : {}),
    ...(secret.length > 0 ? { additionalSecretOutputs: secret } : {}),
  };
}

/** Every output as an undefined property: the engine registers only the outputs present in the props. */
export function outputSlots(description: ResourceDescription): Record<string, undefined> {
  return Object.fromEntries(propertiesOf(description.outputs).map(([key]) => [key, undefined]));
}
