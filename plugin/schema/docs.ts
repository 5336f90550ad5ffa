/**
 * Reference pages (Markdown), one per resource, component and function, generated from the same description
 * as the package schema: every input and output with its type, whether it is required, what a change does,
 * and examples in TypeScript (the dynamic provider) and Pulumi YAML (the plugin).
 */
import { ownProperties, propertyFacts, type ChangeEffect, type JsonSchema } from "./description";
import { mapValues, objectTypeName } from "./convert";
import { MEMBERS, type Member } from "./index";
import {
  CONFIG_VARIABLES,
  configKey,
  pluginConfigDescription,
  type ConfigKey,
} from "../../provider/runtime/config";

/** Example inputs per member, by property name: values are code in each language (not data). */
interface ExampleValue {
  ts: string;
  yaml: string;
}

const MEETING_REF: ExampleValue = { ts: "meeting.meetingId", yaml: "${meeting.meetingId}" };
const EXAMPLES: Readonly<Record<string, Readonly<Record<string, ExampleValue>>>> = {
  Participant: {
    meetingId: MEETING_REF,
    customParticipantId: { ts: '"alice"', yaml: "alice" },
    presetName: { ts: '"group_call_host"', yaml: "group_call_host" },
    name: { ts: '"Alice"', yaml: "Alice" },
    tokenRotation: { ts: "1", yaml: "1" },
  },
  Meeting: { title: { ts: '"Daily standup"', yaml: "Daily standup" } },
  RosterPrune: {},
  Roster: {
    meetingId: MEETING_REF,
    participants: {
      ts: '[{ customParticipantId: "alice", presetName: "group_call_host" }, { customParticipantId: "bob", name: "Bob" }]',
      yaml: "[{ customParticipantId: alice, presetName: group_call_host }, { customParticipantId: bob, name: Bob }]",
    },
    defaults: {
      ts: '{ presetName: "group_call_participant" }',
      yaml: "{ presetName: group_call_participant }",
    },
  },
  getMeetingParticipants: { meetingId: MEETING_REF },
  Preset: {
    name: { ts: '"host"', yaml: "host" },
    permissions: {
      ts: '{ canRecord: true, kickParticipant: true, media: { screenshare: { canProduce: "ALLOWED" } } }',
      yaml: "{ canRecord: true, kickParticipant: true, media: { screenshare: { canProduce: ALLOWED } } }",
    },
  },
  Webhook: {
    name: { ts: '"backend"', yaml: "backend" },
    url: { ts: '"https://hooks.example.com/realtimekit"', yaml: "https://hooks.example.com/realtimekit" },
    events: {
      ts: '["meeting.started", "meeting.participantJoined"]',
      yaml: "[meeting.started, meeting.participantJoined]",
    },
  },
  App: { name: { ts: '"conference"', yaml: "conference" } },
};

const EFFECT_TEXT: Readonly<Record<ChangeEffect, string>> = {
  replace: "replaces",
  update: "updates in place",
  state: "state only (no API call)",
};

/** A short type name for the tables; `path` (as in convert.ts) names nested objects. */
export function typeName(schema: JsonSchema, path: string): string {
  if (typeof schema.const === "string") return `\`${schema.const}\``;
  const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((variant) => variant.type !== "null");
  if (variants.length === 1) return typeName(variants[0], path);
  if (variants.length > 1)
    return variants.map((variant, i) => typeName(variant, `${path}|${i}`)).join(" \\| ");
  const type = Array.isArray(schema.type)
    ? schema.type.filter((t) => t !== "null").join(" \\| ")
    : schema.type;
  if (type === "array" && schema.items) return `list of ${typeName(schema.items, `${path}[]`)}`;
  if (type === "object" && schema.properties) {
    const name = objectTypeName(schema, path);
    return `[${name}](#${anchor(name)})`;
  }
  const values = mapValues(schema);
  if (type === "object" && values) return `map of ${typeName(values, `${path}{}`)}`;
  return type ?? "any";
}

const anchor = (title: string): string => title.toLowerCase();

/** Constraints the runtime's `check` enforces, said briefly. */
function constraints(schema: JsonSchema): string[] {
  const said: string[] = [];
  if (schema.format) said.push(`format ${schema.format}`);
  if (schema.minLength === 1) said.push("non-empty");
  else if (schema.minLength !== undefined) said.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) said.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) said.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) said.push(`≤ ${schema.maximum}`);
  return said;
}

const firstSentence = (text: string): string => text.split(/(?<=\.)\s/)[0];
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

function table(schema: JsonSchema, path: string, withEffect: boolean): string[] {
  const required = new Set(schema.required ?? []);
  const rows = ownProperties(schema).map(([key, property]) => {
    const facts = propertyFacts(property);
    // The runtime's own words for what it accepts, where it has them; else the constraints, briefly.
    const limits = facts.expected ? [facts.expected] : constraints(property);
    const notes = [
      ...(facts.secret ? ["**Secret.**"] : []),
      ...(property.description ? [cell(property.description)] : []),
      ...(limits.length > 0 ? [`Must be ${cell(limits.join(", "))}.`] : []),
      ...(facts.defaultFrom
        ? [
            `Default: config \`${configKey(facts.defaultFrom)}\`, then ${CONFIG_VARIABLES[facts.defaultFrom].environment}.`,
          ]
        : []),
    ];
    const columns = [`\`${key}\``, typeName(property, `${path}.${key}`), required.has(key) ? "yes" : "no"];
    if (withEffect) columns.push(EFFECT_TEXT[facts.change]);
    columns.push(notes.join(" "));
    return `| ${columns.join(" | ")} |`;
  });
  if (rows.length === 0) return ["(none)"];
  const head = withEffect
    ? ["| name | type | required | on change | description |", "| --- | --- | --- | --- | --- |"]
    : ["| name | type | required | description |", "| --- | --- | --- | --- |"];
  return [...head, ...rows];
}

/** Nested objects reachable from an object node, by type name, each once, in order of first use. */
function nestedObjects(
  schema: JsonSchema,
  path: string,
  found = new Map<string, { schema: JsonSchema; path: string }>(),
): Map<string, { schema: JsonSchema; path: string }> {
  for (const [key, property] of ownProperties(schema)) visit(property, `${path}.${key}`, found);
  return found;
}

function visit(
  schema: JsonSchema,
  path: string,
  found: Map<string, { schema: JsonSchema; path: string }>,
): void {
  const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((variant) => variant.type !== "null");
  if (variants.length === 1) visit(variants[0], path, found);
  else variants.forEach((variant, i) => visit(variant, `${path}|${i}`, found));
  if (schema.items) visit(schema.items, `${path}[]`, found);
  const values = mapValues(schema);
  if (values) visit(values, `${path}{}`, found);
  if (!schema.properties || schema.type !== "object") return;
  const name = objectTypeName(schema, path);
  if (found.has(name)) return;
  found.set(name, { schema, path });
  nestedObjects(schema, path, found);
}

function examples(member: Member): string[] {
  const values = Object.entries(Object.hasOwn(EXAMPLES, member.name) ? EXAMPLES[member.name] : {});
  const tsArgs = values.map(([key, value]) => `  ${key}: ${value.ts},`).join("\n");
  const yamlArgs = values.map(([key, value]) => `      ${key}: ${value.yaml}`).join("\n");
  // Only members that take a meeting's id get a Meeting in their example.
  const needsMeeting = values.some(([, value]) => value === MEETING_REF);
  const meeting = needsMeeting ? 'const meeting = new Meeting("standup", { title: "Daily standup" });\n' : "";
  const yamlMeeting = !needsMeeting
    ? ""
    : "  meeting:\n    type: realtimekit:index:Meeting\n    properties:\n      title: Daily standup\n";
  if (member.kind === "function") {
    return [
      "```typescript",
      `import { Meeting, ${member.name}Output } from "pulumi-realtimekit";`,
      `${meeting}const result = ${member.name}Output({\n${tsArgs}\n});`,
      "export const count = result.participants.length;",
      "```",
      "",
      "```yaml",
      `resources:\n${yamlMeeting}variables:\n  result:\n    fn::invoke:\n      function: ${member.token}\n      arguments:\n${yamlArgs.replace(/^ {6}/gm, "        ")}`,
      "```",
    ];
  }
  if (member.name === "RosterPrune") {
    return [
      "Created by a `Roster` with `prune: true`; a program does not declare it directly:",
      "",
      "```typescript",
      'new Roster("team", { meetingId: meeting.meetingId, file: "roster.yaml", prune: true });',
      "```",
      "",
      "```yaml",
      "  team:\n    type: realtimekit:index:Roster\n    properties:\n      meetingId: ${meeting.meetingId}\n      file: roster.yaml\n      prune: true",
      "```",
    ];
  }
  const lower = member.name.charAt(0).toLowerCase() + member.name.slice(1);
  const imports = needsMeeting ? `Meeting, ${member.name}` : member.name;
  return [
    "```typescript",
    `import { ${imports} } from "pulumi-realtimekit";`,
    `${meeting}const ${lower} = new ${member.name}("${lower}", {\n${tsArgs}\n});`,
    "```",
    "",
    "```yaml",
    `resources:\n${yamlMeeting}  ${lower}:\n    type: ${member.token}\n    properties:\n${yamlArgs}`,
    "```",
  ];
}

function page(member: Member): string {
  const { inputs, outputs } = member;
  const lines = [
    "<!-- Generated by `make sdks` from the runtime's input description. Do not edit. -->",
    `# ${member.name}`,
    "",
    `\`${member.token}\` (${member.kind})`,
    "",
    member.description,
    "",
    "## Example",
    "",
    ...examples(member),
    "",
    "## Inputs",
    "",
    ...table(inputs, member.name, member.kind === "resource"),
    "",
    "## Outputs",
    "",
    ...table(outputs, member.name, false),
  ];
  const nested = nestedObjects(inputs, member.name);
  nestedObjects(outputs, member.name, nested);
  for (const [name, { schema, path }] of nested) {
    lines.push("", `### ${name}`, "", ...(schema.description ? [schema.description, ""] : []));
    lines.push(...table(schema, path, false));
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}

function index(): string {
  const rows = MEMBERS.map(
    (member) =>
      `| [${member.name}](${member.name}.md) | ${member.kind} | ${cell(firstSentence(member.description))} |`,
  );
  const config = Object.entries(CONFIG_VARIABLES).map(
    ([key, variable]) =>
      `| \`${configKey(key as ConfigKey)}\` | ${variable.secret ? "yes" : "no"} | ${cell(pluginConfigDescription(key as ConfigKey))} |`,
  );
  return [
    "<!-- Generated by `make sdks` from the runtime's input description. Do not edit. -->",
    "# realtimekit reference",
    "",
    "| member | kind | what it is |",
    "| --- | --- | --- |",
    ...rows,
    "",
    "## Configuration",
    "",
    "| key | secret | description |",
    "| --- | --- | --- |",
    ...config,
    "",
  ].join("\n");
}

/** Every reference page, by file name. */
export function referencePages(): Record<string, string> {
  const pages: Record<string, string> = { "README.md": index() };
  for (const member of MEMBERS) pages[`${member.name}.md`] = page(member);
  return pages;
}
