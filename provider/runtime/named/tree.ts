/**
 * Pure helpers over nested JSON bodies (a preset's sections, a webhook), driven by the resource's
 * description: fill in the described defaults, find what changed between two bodies as one nested PATCH,
 * and take the server's view of exactly the fields a body declares (so fields the server adds are never
 * drift).
 */
import type { TSchema } from "@sinclair/typebox";
import { deepEqual } from "../meeting/diff";
import { isRecord } from "../values";

export { deepEqual };

export type Body = Record<string, unknown>;

const propertiesOf = (schema: TSchema): Record<string, TSchema> | undefined =>
  isRecord(schema.properties) ? (schema.properties as Record<string, TSchema>) : undefined;

/**
 * `value` with every omitted field that the schema gives a `default` filled in, at every depth (a section
 * left out entirely is filled too). What the program set is kept as is.
 */
export function withDefaults(schema: TSchema, value: unknown): unknown {
  const properties = propertiesOf(schema);
  if (properties === undefined || (value !== undefined && !isRecord(value))) return value;
  const given: Body = isRecord(value) ? value : {};
  const filled: Body = { ...given };
  for (const [key, property] of Object.entries(properties)) {
    if (Object.hasOwn(given, key) && given[key] !== undefined) {
      filled[key] = withDefaults(property, given[key]);
    } else if (Object.hasOwn(property, "default")) {
      filled[key] = structuredClone(property.default as unknown);
    } else if (propertiesOf(property) !== undefined) {
      const section = withDefaults(property, {}) as Body;
      if (Object.keys(section).length > 0) filled[key] = section;
    }
  }
  return filled;
}

/**
 * What `to` changes relative to `from`, as a nested patch: objects are compared field by field, any other
 * value (lists included) is sent whole. A field `to` leaves out is not a change (a PATCH cannot unset it).
 */
export function changes(from: unknown, to: unknown): Body {
  const patch: Body = {};
  if (!isRecord(to)) return patch;
  const old = isRecord(from) ? from : {};
  for (const [key, next] of Object.entries(to)) {
    if (next === undefined) continue;
    if (isRecord(next) && isRecord(old[key])) {
      const inner = changes(old[key], next);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (!deepEqual(old[key], next)) {
      patch[key] = next;
    }
  }
  return patch;
}

/**
 * The server's value of every field `declared` holds (objects field by field, anything else whole); a
 * field the server did not return keeps the declared value. Fields only the server has are left out.
 */
export function remoteView(declared: unknown, remote: unknown): unknown {
  if (remote === undefined || remote === null) return declared;
  if (isRecord(declared) && isRecord(remote)) {
    return Object.fromEntries(Object.entries(declared).map(([k, v]) => [k, remoteView(v, remote[k])]));
  }
  return remote;
}

/** `base` with `patch` written over it, field by field. */
export function merged(base: Body, patch: Body): Body {
  const result: Body = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    result[key] = isRecord(value) && isRecord(base[key]) ? merged(base[key] as Body, value) : value;
  }
  return result;
}

/** Only the fields the schema describes, at every depth (a map keeps every key; its values are trimmed). */
export function described(schema: TSchema, value: unknown): unknown {
  if (!isRecord(value)) return value;
  const properties = propertiesOf(schema);
  if (properties !== undefined) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, item]) => Object.hasOwn(properties, key) && item !== null)
        .map(([key, item]) => [key, described(properties[key], item)]),
    );
  }
  const values = isRecord(schema.patternProperties)
    ? (Object.values(schema.patternProperties)[0] as TSchema | undefined)
    : undefined;
  if (values === undefined) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, described(values, item)]));
}
