/**
 * The part of Pulumi's package schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/) this
 * package uses, as TypeScript types. The generator in scripts/sdkgen binds the JSON against Pulumi's own
 * metaschema, so a field misspelt here fails `make sdks` rather than going unnoticed.
 */

/** A reference to a named type of this package: `#/types/realtimekit:index:<Name>`. */
export interface TypeRef {
  $ref: string;
}

export type TypeSpec =
  | { type: "string" | "number" | "integer" | "boolean"; plain?: boolean }
  | { type: "array"; items: TypeSpec; plain?: boolean }
  | { type: "object"; additionalProperties: TypeSpec; plain?: boolean }
  | { oneOf: TypeSpec[] }
  | TypeRef;

export type PropertySpec = TypeSpec & {
  description?: string;
  secret?: boolean;
  /** Set on resource inputs the engine must replace the resource for (mirrors the provider's diff). */
  replaceOnChanges?: boolean;
  willReplaceOnChanges?: boolean;
  default?: string | number | boolean;
};

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface EnumTypeSpec {
  type: "string";
  description?: string;
  enum: { value: string; name?: string; description?: string }[];
}

export interface ResourceSpec {
  description: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties: Record<string, PropertySpec>;
  required?: string[];
  isComponent?: boolean;
}

export interface FunctionSpec {
  description: string;
  inputs: { properties: Record<string, PropertySpec>; required?: string[] };
  outputs: { properties: Record<string, PropertySpec>; required?: string[] };
}

export interface PackageSpec {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  publisher: string;
  meta: { moduleFormat: string; supportPack: boolean };
  config: { variables: Record<string, PropertySpec>; defaults?: string[] };
  provider: { description: string; inputProperties: Record<string, PropertySpec> };
  types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  language: Record<string, Record<string, unknown>>;
}
