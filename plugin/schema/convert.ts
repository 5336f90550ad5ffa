/**
 * JSON Schema (the runtime's description) to Pulumi schema types. Nested objects become named object types,
 * so each SDK gets one class per nested object; validation keywords (pattern, lengths, ranges) stay in the
 * runtime's `check`, which every language reaches through the plugin.
 *
 * `x-defaultFrom` is not mapped to Pulumi's `defaultInfo`: that would make each SDK read the environment in
 * the program and send the value as an explicit input, where the provider resolves it at call time (the
 * docs state the fallback instead).
 *
 * A nested object's name is its `title`, else the one given in TYPE_NAMES for its path, else its path in
 * PascalCase (`Meeting.recordingConfig.videoConfig` -> `MeetingRecordingConfigVideoConfig`). Names are what
 * SDK users type, so the ones a program is likely to spell out are chosen here, not derived.
 */
import { ownProperties, propertyFacts, type JsonSchema } from "./description";
import type { ObjectTypeSpec, PropertySpec, TypeSpec } from "./pulumi-schema";

export const PACKAGE = "realtimekit";
export const typeToken = (name: string): string => `${PACKAGE}:index:${name}`;

const pascal = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Names of nested objects by path (`[]` = a list's items), matching the TypeScript API's type names. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  "Roster.participants[]": "RosterEntry",
  "Roster.defaults": "RosterDefaults",
  "RosterPrune.undeclared[]": "UndeclaredParticipant",
  "RosterPrune.pruned[]": "UndeclaredParticipant",
  "getMeetingParticipants.participants[]": "MeetingParticipant",
};

/** The name of the object type of a nested object node at `path` (what each SDK calls its class). */
export const objectTypeName = (schema: JsonSchema, path: string): string => schema.title ?? nameOfPath(path);

const nameOfPath = (path: string): string =>
  Object.hasOwn(TYPE_NAMES, path)
    ? TYPE_NAMES[path]
    : path
        .split(/[.[\]{}|]+/)
        .filter(Boolean)
        .map(pascal)
        .join("");

/** Named object types collected while converting, keyed by type token. */
export class TypeCollector {
  readonly types: Record<string, ObjectTypeSpec> = {};

  /** The Pulumi type of a description node; `owner` is its path, which names nested objects. */
  typeOf(schema: JsonSchema, owner: string): TypeSpec {
    const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((variant) => !isNull(variant));
    // An enum (`anyOf` of string `const`s): a string to every SDK; the runtime's check rejects the rest.
    if (variants.length > 1 && variants.every((variant) => typeof variant.const === "string")) {
      return { type: "string" };
    }
    if (variants.length === 1)
      return this.typeOf({ ...schema, anyOf: undefined, oneOf: undefined, ...variants[0] }, owner);
    if (variants.length > 1)
      return { oneOf: variants.map((variant, i) => this.typeOf(variant, `${owner}${i}`)) };

    const type = primaryType(schema);
    switch (type) {
      case "string":
      case "number":
      case "integer":
      case "boolean":
        return { type };
      case "array":
        if (!schema.items) throw new Error(`${owner}: an array needs \`items\``);
        return { type: "array", items: this.typeOf(schema.items, `${owner}[]`) };
      case "object": {
        const named = Object.entries(schema.properties ?? {});
        // Pulumi refuses property names without an ASCII letter (newer CLIs fail to bind the schema): an
        // object keyed like a palette's shades ("300", "400") is a map of its value type to every SDK; the
        // runtime's check still accepts exactly the described keys.
        if (named.some(([key]) => !/[A-Za-z]/.test(key))) {
          return { type: "object", additionalProperties: this.typeOf(named[0][1], `${owner}{}`) };
        }
        if (schema.properties) return { $ref: `#/types/${this.objectType(schema, owner)}` };
        const values = mapValues(schema) ?? {};
        return { type: "object", additionalProperties: this.typeOf(values, `${owner}{}`) };
      }
      default:
        throw new Error(`${owner}: no Pulumi type for JSON Schema type ${JSON.stringify(schema.type)}`);
    }
  }

  /**
   * The properties of an object node as Pulumi properties (descriptions and secrecy carried over;
   * `replaceOnChanges` only with `replaces`, for a custom resource's own properties).
   */
  properties(
    schema: JsonSchema,
    owner: string,
    options: { replaces: boolean } = { replaces: false },
  ): Record<string, PropertySpec> {
    const result: Record<string, PropertySpec> = {};
    for (const [key, property] of ownProperties(schema)) {
      result[key] = this.property(property, `${owner}.${key}`, options.replaces);
    }
    return result;
  }

  private property(schema: JsonSchema, owner: string, replaces: boolean): PropertySpec {
    const facts = propertyFacts(schema);
    const spec: PropertySpec = { ...this.typeOf(schema, owner) };
    if (schema.description) spec.description = schema.description;
    if (facts.secret) spec.secret = true;
    if (replaces && facts.change === "replace") {
      spec.replaceOnChanges = true;
      spec.willReplaceOnChanges = true;
    }
    return spec;
  }

  private objectType(schema: JsonSchema, owner: string): string {
    const token = typeToken(objectTypeName(schema, owner));
    const spec: ObjectTypeSpec = {
      type: "object",
      ...(schema.description ? { description: schema.description } : {}),
      properties: this.properties(schema, owner),
      ...(schema.required?.length ? { required: [...schema.required] } : {}),
    };
    const existing = this.types[token];
    if (existing && JSON.stringify(existing) !== JSON.stringify(spec)) {
      throw new Error(`two different objects are both named ${token}: give one a distinct \`title\``);
    }
    this.types[token] = spec;
    return token;
  }
}

/** The value schema of a map node (`additionalProperties`, or TypeBox's one `patternProperties` entry). */
export function mapValues(schema: JsonSchema): JsonSchema | undefined {
  if (typeof schema.additionalProperties === "object") return schema.additionalProperties;
  const patterns = Object.values(schema.patternProperties ?? {});
  return patterns.length === 1 ? patterns[0] : undefined;
}

function isNull(schema: JsonSchema): boolean {
  return schema.type === "null";
}

/** The one non-null JSON type of a node (`["object", "null"]` is an optional object to Pulumi). */
function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    return types.length === 1 ? types[0] : undefined;
  }
  if (schema.type) return schema.type;
  if (schema.enum?.every((value) => typeof value === "string")) return "string";
  if (typeof schema.const === "string") return "string";
  return undefined;
}
