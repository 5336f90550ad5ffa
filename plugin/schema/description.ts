/**
 * What the schema generator reads of the runtime's one description of every input and output: JSON Schema
 * objects plus a few extension keywords. This module is the only place that knows those keywords, so the
 * generator and the reference docs depend on one small reading of the description, not on its internals.
 */

import { CONFIG_VARIABLES, type ConfigKey } from "../../provider/runtime/config";

/** A JSON Schema node as the description writes it (the subset the generator maps to Pulumi types). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  /** A map: the one pattern's schema is the values' (TypeBox `Type.Record`). */
  patternProperties?: Record<string, JsonSchema>;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  examples?: readonly unknown[];
  [extension: string]: unknown;
}

/** What a change to an input does to an existing resource. */
export type ChangeEffect = "replace" | "update" | "state";

/** The description of one resource, component or function (provider/runtime/inputs' `ResourceDescription`). */
export interface Described {
  /** The Pulumi type token, e.g. `realtimekit:index:Participant`. */
  token: string;
  /** `Participant`. */
  name: string;
  kind: "resource" | "component" | "function";
  /** Documentation, Markdown. */
  description: string;
  inputs: JsonSchema;
  outputs: JsonSchema;
}

/** A property's extension keywords (provider/runtime/inputs/keywords.ts), read in one place. */
export interface PropertyFacts {
  secret: boolean;
  /** What a change does, for an input: replace, update in place (the default) or state only. */
  change: ChangeEffect;
  /** Completes "`<property>` must be …": the runtime's own words for what it accepts. */
  expected: string | undefined;
  /** Where an omitted value comes from at call time. */
  defaultFrom: ConfigKey | undefined;
}

const own = (schema: JsonSchema, key: string): unknown =>
  Object.hasOwn(schema, key) ? schema[key] : undefined;

export function propertyFacts(schema: JsonSchema): PropertyFacts {
  const expected = own(schema, "x-expected");
  const defaultFrom = own(schema, "x-defaultFrom");
  return {
    secret: own(schema, "x-secret") === true,
    change:
      own(schema, "x-replaceOnChanges") === true
        ? "replace"
        : own(schema, "x-stateOnly") === true
          ? "state"
          : "update",
    expected: typeof expected === "string" ? expected : undefined,
    defaultFrom:
      typeof defaultFrom === "string" && Object.hasOwn(CONFIG_VARIABLES, defaultFrom)
        ? (defaultFrom as ConfigKey)
        : undefined,
  };
}

/** The property names of an object schema, in the description's order (never from the prototype chain). */
export function ownProperties(schema: JsonSchema): [string, JsonSchema][] {
  return schema.properties ? Object.entries(schema.properties) : [];
}
