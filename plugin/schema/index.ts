/**
 * The Pulumi package schema of the native plugin, generated from the runtime's one description of every
 * input and output. The plugin serves `packageSchema()` from GetSchema; `make sdks` writes it to
 * generated/schema.json and generates the SDKs and reference docs from it.
 *
 *   import { packageSchema } from "../schema";
 *   const schema = packageSchema({ version: "0.1.0" }); // a plain JSON-ready object
 */
import { configProperties } from "./config";
import { PACKAGE, TypeCollector, typeToken } from "./convert";
import type { Described } from "./description";
import { fixtureDescriptions } from "./fixture-description";
import type { PackageSpec, PropertySpec, ResourceSpec } from "./pulumi-schema";

export type { PackageSpec } from "./pulumi-schema";

/** Every member of the package: its token, which description it comes from, and what it is. */
export const MEMBERS = [
  {
    kind: "resource",
    token: typeToken("Participant"),
    name: "Participant",
    description: "participant",
    summary: "A participant of a RealtimeKit meeting, with a secret join token.",
  },
  {
    kind: "resource",
    token: typeToken("Meeting"),
    name: "Meeting",
    description: "meeting",
    summary: "A RealtimeKit meeting. Deleting it sets its status to INACTIVE (the API has no delete).",
  },
  {
    kind: "resource",
    token: typeToken("RosterPrune"),
    name: "RosterPrune",
    description: "rosterPrune",
    summary: "Deletes the participants of a meeting that an authoritative Roster does not declare.",
  },
  {
    kind: "component",
    token: typeToken("Roster"),
    name: "Roster",
    description: "roster",
    summary: "A meeting's roster: one child Participant per entry, keyed by customParticipantId.",
  },
  {
    kind: "function",
    token: typeToken("getMeetingParticipants"),
    name: "getMeetingParticipants",
    description: "getMeetingParticipants",
    summary: "Every participant of a meeting, all pages (the API never lists join tokens).",
  },
] as const;

export type Member = (typeof MEMBERS)[number];

/** The descriptions the schema is generated from, by member. */
export function descriptionOf(member: Member): Described {
  const described = Object.hasOwn(fixtureDescriptions, member.description)
    ? fixtureDescriptions[member.description]
    : undefined;
  if (!described) throw new Error(`the runtime's description has no entry for ${member.token}`);
  return described;
}

export interface SchemaOptions {
  /** The plugin's version (package.json's). */
  version: string;
}

export function packageSchema(options: SchemaOptions): PackageSpec {
  const types = new TypeCollector();
  const resources: PackageSpec["resources"] = {};
  const functions: PackageSpec["functions"] = {};

  for (const member of MEMBERS) {
    const { inputs, outputs } = descriptionOf(member);
    const inputProperties = types.properties(inputs, member.name);
    const outputProperties = types.properties(outputs, member.name);
    if (member.kind === "function") {
      functions[member.token] = {
        description: member.summary,
        inputs: { properties: inputProperties, ...required(inputs.required) },
        outputs: { properties: outputProperties, ...required(outputs.required) },
      };
      continue;
    }
    const resource: ResourceSpec = {
      description: member.summary,
      inputProperties,
      ...requiredAs("requiredInputs", inputs.required),
      // A custom resource's state holds its resolved inputs too; a component's outputs are only its own.
      properties: member.kind === "resource" ? { ...inputProperties, ...outputProperties } : outputProperties,
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
