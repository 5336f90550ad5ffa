/**
 * The Pulumi package schema of the native plugin, generated from the runtime's one description of every
 * input and output. The plugin serves `packageSchema()` from GetSchema; `make sdks` writes it to
 * generated/schema.json and generates the SDKs and reference docs from it.
 *
 *   import { packageSchema } from "../schema";
 *   const schema = packageSchema({ version: "0.1.0" }); // a plain JSON-ready object
 */
import { configProperties } from "./config";
import { PACKAGE, TypeCollector } from "./convert";
import type { Described } from "./description";
import { resourceDescriptions } from "../../provider/runtime/inputs";
import { meetingParticipantsFunction } from "./functions";
import type { PackageSpec, PropertySpec, ResourceSpec } from "./pulumi-schema";

export type { PackageSpec } from "./pulumi-schema";

/**
 * The runtime's descriptions, by its kind name, as plain JSON (TypeBox schemas carry symbols the schema
 * must not).
 */
const RESOURCES: Readonly<Record<string, Described>> = JSON.parse(JSON.stringify(resourceDescriptions));

/** Every member of the package, in schema order: the described resources and components, then the function. */
export const MEMBERS: readonly Described[] = [
  ...Object.values(RESOURCES),
  meetingParticipantsFunction(RESOURCES.participant),
];

export type Member = Described;

export interface SchemaOptions {
  /** The plugin's version (package.json's). */
  version: string;
}

export function packageSchema(options: SchemaOptions): PackageSpec {
  const types = new TypeCollector();
  const resources: PackageSpec["resources"] = {};
  const functions: PackageSpec["functions"] = {};

  for (const member of MEMBERS) {
    const { inputs, outputs } = member;
    // Only a custom resource is replaced: the engine ignores replaceOnChanges on components and functions.
    const replaces = member.kind === "resource";
    const inputProperties = types.properties(inputs, member.name, { replaces });
    const outputProperties = types.properties(outputs, member.name, { replaces });
    if (member.kind === "function") {
      functions[member.token] = {
        description: member.description,
        inputs: { properties: inputProperties, ...required(inputs.required) },
        outputs: { properties: outputProperties, ...required(outputs.required) },
      };
      continue;
    }
    const resource: ResourceSpec = {
      description: member.description,
      inputProperties,
      ...requiredAs("requiredInputs", inputs.required),
      // A custom resource's state holds its resolved inputs too; a component's outputs are only its own.
      properties:
        member.kind === "resource" ? stateProperties(inputProperties, outputProperties) : outputProperties,
      ...requiredAs("required", [
        ...(outputs.required ?? []),
        ...(member.kind === "resource" ? (inputs.required ?? []) : []),
      ]),
    };
    if (member.kind === "component") resource.isComponent = true;
    resources[member.token] = resource;
  }

  const config = configProperties();
  return {
    name: PACKAGE,
    displayName: "Cloudflare RealtimeKit",
    version: options.version,
    description: "Cloudflare RealtimeKit meetings and participants, with secret join tokens.",
    keywords: ["pulumi", "cloudflare", "realtimekit", "category/cloud"],
    license: "Apache-2.0",
    publisher: "pulumi-realtimekit",
    meta: { moduleFormat: "(.*)", supportPack: true },
    config: { variables: config },
    provider: {
      description: "The provider type for the realtimekit package (explicit credentials and ids).",
      inputProperties: config satisfies Record<string, PropertySpec>,
    },
    types: types.types,
    resources,
    functions,
    language: {
      go: {
        importBasePath: "pulumi-realtimekit/sdk/go/realtimekit",
        generateResourceContainerTypes: true,
        respectSchemaVersion: true,
      },
      python: { packageName: "pulumi_realtimekit", respectSchemaVersion: true, pyproject: { enabled: true } },
      nodejs: { packageName: "@pulumi-realtimekit/realtimekit" },
    },
  };
}

/**
 * A custom resource's state: its inputs as resolved, plus its computed outputs. Where an output describes
 * an input again, the output's text wins but the input's replace flags stay: SDK generators read
 * `replaceOnChanges` from the state properties.
 */
function stateProperties(
  inputs: Record<string, PropertySpec>,
  outputs: Record<string, PropertySpec>,
): Record<string, PropertySpec> {
  const merged: Record<string, PropertySpec> = { ...inputs };
  for (const [key, output] of Object.entries(outputs)) {
    const input = Object.hasOwn(inputs, key) ? inputs[key] : undefined;
    merged[key] = input?.replaceOnChanges
      ? { ...output, replaceOnChanges: true, willReplaceOnChanges: true }
      : output;
  }
  return merged;
}

function required(names: readonly string[] | undefined): { required?: string[] } {
  return requiredAs("required", names);
}

function requiredAs<K extends string>(
  key: K,
  names: readonly string[] | undefined,
): Partial<Record<K, string[]>> {
  const unique = [...new Set(names ?? [])];
  return unique.length > 0 ? ({ [key]: unique } as Partial<Record<K, string[]>>) : {};
}
