/**
 * A small schema checker for request bodies. Messages follow the joi style of the Dyte lineage
 * (`"preset_name" is required`), naming the offending field by its dotted wire path.
 */
import type { Json } from "./types";

/** The shape a body field must have. */
export type Schema =
  | { type: "string"; nullable?: boolean; nonEmpty?: boolean }
  | { type: "boolean"; nullable?: boolean }
  | { type: "number"; nullable?: boolean; integer?: boolean; min?: number; max?: number }
  | { type: "uri"; nullable?: boolean }
  | { type: "enum"; values: readonly string[]; nullable?: boolean }
  | { type: "array"; items: Schema; nullable?: boolean }
  | { type: "record"; values: Schema; nullable?: boolean }
  | ObjectSchema;

/** An object with known fields; any other field is rejected, unless `open` (then it is kept unchecked). */
export interface ObjectSchema {
  type: "object";
  fields: Record<string, Schema>;
  required?: readonly string[];
  nullable?: boolean;
  open?: boolean;
}

/** Returns the first problem with `value` as a message, or null when it conforms. */
export function validate(value: Json | undefined, schema: Schema, path: string): string | null {
  const name = `"${path}"`;
  if (value === null) return schema.nullable ? null : `${name} ${mustBe(schema)}`;
  if (value === undefined) return null;
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") return `${name} must be a string`;
      if (schema.nonEmpty && value.trim() === "") return `${name} is not allowed to be empty`;
      return null;
    case "boolean":
      return typeof value === "boolean" ? null : `${name} must be a boolean`;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return `${name} must be a number`;
      if (schema.integer && !Number.isInteger(value)) return `${name} must be an integer`;
      if (schema.min !== undefined && value < schema.min) {
        return `${name} must be greater than or equal to ${schema.min}`;
      }
      if (schema.max !== undefined && value > schema.max) {
        return `${name} must be less than or equal to ${schema.max}`;
      }
      return null;
    case "uri":
      if (typeof value !== "string") return `${name} must be a string`;
      return isHttpUri(value)
        ? null
        : `${name} must be a valid uri with a scheme matching the http|https pattern`;
    case "enum":
      return typeof value === "string" && schema.values.includes(value)
        ? null
        : `${name} must be one of [${schema.values.join(", ")}]`;
    case "array":
      if (!Array.isArray(value)) return `${name} must be an array`;
      for (let index = 0; index < value.length; index++) {
        const problem = validate(value[index], schema.items, `${path}[${index}]`);
        if (problem) return problem;
      }
      return null;
    case "record":
      if (typeof value !== "object" || Array.isArray(value)) return `${name} must be an object`;
      for (const [key, item] of Object.entries(value)) {
        const problem = validate(item, schema.values, `${path}.${key}`);
        if (problem) return problem;
      }
      return null;
    case "object":
      return validateObject(value, schema, path);
  }
}

/** Like `validate` for a whole body, whose field names are reported without a prefix. */
export function validateBody(value: Json | undefined, schema: ObjectSchema): string | null {
  if (value === undefined) value = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `"value" must be an object`;
  return validateObject(value, schema, "");
}

function validateObject(value: Json, schema: ObjectSchema, path: string): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `"${path}" must be an object`;
  const prefix = path === "" ? "" : `${path}.`;
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) return `"${prefix}${key}" is required`;
  }
  for (const [key, item] of Object.entries(value)) {
    // Own fields only: `constructor` or `toString` must not find Object.prototype members.
    const fieldSchema = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
    if (!fieldSchema) {
      if (schema.open) continue;
      return `"${prefix}${key}" is not allowed`;
    }
    const problem = validate(item, fieldSchema, `${prefix}${key}`);
    if (problem) return problem;
  }
  return null;
}

/** The same schema with nothing required at any depth: what a deep-partial PATCH body is checked against. */
export function withoutRequired<S extends Schema>(schema: S): S {
  switch (schema.type) {
    case "object":
      return {
        ...schema,
        required: [],
        fields: Object.fromEntries(Object.entries(schema.fields).map(([k, f]) => [k, withoutRequired(f)])),
      };
    case "array":
      return { ...schema, items: withoutRequired(schema.items) };
    case "record":
      return { ...schema, values: withoutRequired(schema.values) };
    default:
      return schema;
  }
}

function mustBe(schema: Schema): string {
  switch (schema.type) {
    case "string":
    case "uri":
      return "must be a string";
    case "boolean":
      return "must be a boolean";
    case "number":
      return "must be a number";
    case "enum":
      return `must be one of [${schema.values.join(", ")}]`;
    case "array":
      return "must be an array";
    case "record":
    case "object":
      return "must be an object";
  }
}

/** Whether `value` is an absolute http(s) URI. */
export function isHttpUri(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a uuid (any version, either case). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
