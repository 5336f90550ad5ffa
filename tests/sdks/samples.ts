/**
 * Valid sample values derived from a JSON Schema node of the runtime's description, so tests can probe the
 * runtime with every described input without a hand-written list (which would be the second description).
 */
import { mapValues } from "../../plugin/schema/convert";
import type { JsonSchema } from "../../plugin/schema/description";

const UUIDS = ["6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40", "0f4c1c57-8d43-4a8e-9a3b-1d2e3f4a5b6c"];

/** A value the runtime's `check` accepts for this node; `variant` 1 gives a different one of the same kind. */
export function sample(schema: JsonSchema, variant: 0 | 1 = 0): unknown {
  if (schema.examples && schema.examples.length > variant) return schema.examples[variant];
  if (schema.enum) return schema.enum[Math.min(variant, schema.enum.length - 1)];
  if (schema.const !== undefined) return schema.const;
  const union = (schema.anyOf ?? schema.oneOf ?? []).filter((item) => item.type !== "null");
  if (union.length > 0) return sample(union[0], variant);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "boolean":
      return variant === 0;
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const high = schema.maximum ?? low + 10;
      return Math.min(low + variant, high);
    }
    case "string":
      return sampleString(schema, variant);
    case "array":
      return schema.items ? [sample(schema.items, variant)] : [];
    case "object":
      if (schema.properties) return sampleObject(schema, variant);
      return { key: sample(mapValues(schema) ?? { type: "string" }, variant) };
    default:
      throw new Error(`no sample for ${JSON.stringify(schema)}`);
  }
}

/** Every property of an object node, required or not. */
export function sampleObject(schema: JsonSchema, variant: 0 | 1 = 0): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {}))
    result[key] = sample(property, variant);
  return result;
}

function sampleString(schema: JsonSchema, variant: 0 | 1): string {
  switch (schema.format) {
    case "uuid":
      return UUIDS[variant];
    case "uri":
    case "url":
    case "http-url":
    case "https-url":
      return `https://example.com/picture-${variant}.png`;
    case "date-time":
      return `2026-01-0${variant + 1}T00:00:00.000Z`;
  }
  if (schema.pattern?.includes("{8}-")) return UUIDS[variant]; // a UUID pattern
  const text = `sample-${variant}`;
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}
