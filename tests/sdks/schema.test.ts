/**
 * The package schema against the runtime: both come from one description, and this proves the runtime
 * actually behaves as the schema says. Every schema input is accepted by the runtime's `check`, any other key
 * is rejected, the required ones are exactly the schema's, and `diff` replaces exactly for the properties the
 * schema marks `replaceOnChanges`. generated/schema.json must equal what the plugin serves.
 */
import * as fs from "fs";
import * as path from "path";
import { packageSchema, type PackageSpec } from "../../plugin/schema";
import type { ObjectTypeSpec } from "../../plugin/schema/pulumi-schema";
import * as runtime from "../../provider/runtime";
import { providers, type ResourceKind } from "../../provider/runtime";
import { addParticipant, createMeeting, useEmulator } from "../helpers/emulator";
import { useRuntimeAgainst } from "../helpers/runtime";
import { CONFIG_VARIABLES, resolveConfig } from "../../provider/runtime/config";
import { version } from "../../package.json";
import { MEMBERS } from "../../plugin/schema";
import { sample, sampleObject } from "./samples";

const schema: PackageSpec = packageSchema({ version });

/** Plugin resources served by a runtime provider kind. */
const RUNTIME_KINDS: Record<string, ResourceKind> = {
  "realtimekit:index:Participant": "participant",
  "realtimekit:index:Meeting": "meeting",
  "realtimekit:index:RosterPrune": "rosterPrune",
};

/**
 * The input a check failure is about. Failures for the engine carry no `property` (the engine would print
 * the raw value beside it); their reason starts with the property, backticked.
 */
const propertyNamed = (failure: { property: string; reason: string }): string =>
  failure.property || (/^`([^`]*)`/.exec(failure.reason)?.[1] ?? `(no property in: ${failure.reason})`);

/** A stored token whose claims say nothing about expiry, so `diff` sees no refresh due. */
const STORED_TOKEN = `x.${Buffer.from("{}").toString("base64url")}.y`;

function runtimeOf(token: string) {
  const provider = providers[RUNTIME_KINDS[token]];
  if (!provider) throw new Error(`no runtime provider for ${token}`);
  return provider;
}

const resourceCases = Object.keys(RUNTIME_KINDS).map((token) => {
  const member = MEMBERS.find((m) => m.token === token);
  if (!member) throw new Error(`${token} is not a member of the package`);
  return [member.name, token, member] as const;
});

test("generated/schema.json is what the plugin serves (run `make sdks` after changing the description)", () => {
  const committed = JSON.parse(fs.readFileSync(path.join(__dirname, "../../generated/schema.json"), "utf8"));
  expect(committed).toEqual(schema);
});

test("the package has the agreed members, config and secret outputs", () => {
  expect(Object.keys(schema.resources).sort()).toEqual([
    "realtimekit:index:App",
    "realtimekit:index:Meeting",
    "realtimekit:index:Participant",
    "realtimekit:index:Preset",
    "realtimekit:index:Roster",
    "realtimekit:index:RosterPrune",
    "realtimekit:index:Webhook",
  ]);
  expect(schema.resources["realtimekit:index:Roster"].isComponent).toBe(true);
  expect(Object.keys(schema.functions)).toEqual(["realtimekit:index:getMeetingParticipants"]);
  expect(Object.keys(schema.config.variables).sort()).toEqual([
    "accountId",
    "apiToken",
    "appId",
    "baseUrl",
    "burst",
    "requestsPerSecond",
  ]);
  expect(schema.config.variables.apiToken.secret).toBe(true);
  expect(schema.provider.inputProperties.apiToken.secret).toBe(true);
  expect(schema.resources["realtimekit:index:Participant"].properties.token.secret).toBe(true);
  expect(schema.resources["realtimekit:index:Roster"].properties.tokens.secret).toBe(true);
  // SDK generators read replaceOnChanges from the state properties, not only from the inputs.
  const participant = schema.resources["realtimekit:index:Participant"];
  const replacing = (properties: Record<string, { replaceOnChanges?: boolean }>) =>
    Object.keys(properties).filter((key) => properties[key].replaceOnChanges === true);
  expect(replacing(participant.properties)).toEqual(replacing(participant.inputProperties));
  expect(replacing(participant.inputProperties).sort()).toEqual([
    "accountId",
    "appId",
    "customParticipantId",
    "meetingId",
  ]);
});

test("each config variable's documented environment fallback is the one resolveConfig reads", () => {
  const env = { CLOUDFLARE_API_TOKEN: "t", CLOUDFLARE_ACCOUNT_ID: "a", REALTIMEKIT_APP_ID: "p" };
  for (const [key, variable] of Object.entries(CONFIG_VARIABLES)) {
    const numeric = variable.type === "number" || variable.type === "integer";
    // A base URL must be one (https); the other strings are any text.
    const sample = numeric
      ? "7"
      : key === "baseUrl"
        ? "https://from-base-url.example/client/v4"
        : `from-${key}`;
    const resolved = resolveConfig({}, undefined, { ...env, [variable.environment]: sample });
    const value: unknown = numeric
      ? resolved.rateLimit?.[key as "requestsPerSecond" | "burst"]
      : resolved[key as "apiToken" | "accountId" | "appId" | "baseUrl"];
    expect(value).toBe(numeric ? 7 : sample);
    expect(schema.config.variables[key].description).toContain(variable.environment);
  }
});

test("the plugin's config documents only the fallbacks a plugin has: never another package's config", () => {
  // The engine hands a plugin its own package's config only, so `cloudflare:apiToken` is no fallback there.
  const apiToken = schema.config.variables.apiToken.description ?? "";
  expect(apiToken).toContain("CLOUDFLARE_API_TOKEN");
  expect(apiToken).not.toMatch(/Falls back to `cloudflare:apiToken`/);
  expect(apiToken).toContain("not to `cloudflare:apiToken`");
});

describe("getMeetingParticipants", () => {
  const emulator = useEmulator();
  useRuntimeAgainst(emulator);

  test("returns exactly the fields the schema lists", async () => {
    const meetingId = await createMeeting(emulator);
    await addParticipant(emulator, meetingId, {
      custom_participant_id: "alice",
      name: "Alice",
      picture: "https://example.com/a.png",
    });
    const result = await runtime.functions.getMeetingParticipants({ meetingId });
    const outputs = schema.functions["realtimekit:index:getMeetingParticipants"].outputs;
    expect(Object.keys(result).sort()).toEqual(Object.keys(outputs.properties).sort());
    const listed = schema.types["realtimekit:index:MeetingParticipant"] as ObjectTypeSpec;
    expect(result.participants).toHaveLength(1);
    expect(Object.keys(result.participants[0]).sort()).toEqual(Object.keys(listed.properties).sort());
  });
});

describe.each(resourceCases)("%s: schema and runtime agree", (_name, token, member) => {
  const resource = schema.resources[token];
  const inputs = member.inputs;
  const complete = sampleObject(inputs);

  test("the schema's inputs are the description's, in order", () => {
    expect(Object.keys(resource.inputProperties)).toEqual(Object.keys(inputs.properties ?? {}));
    expect(Object.keys(complete).length).toBeGreaterThan(0);
  });

  test("check accepts every schema input at once", async () => {
    const { failures } = await runtimeOf(token).check({}, complete);
    expect(failures ?? []).toEqual([]);
  });

  test("check rejects a key the schema does not have, naming it", async () => {
    const { failures } = await runtimeOf(token).check({}, { ...complete, notInTheSchema: "x" });
    expect((failures ?? []).map(propertyNamed)).toEqual(["notInTheSchema"]);
  });

  test("check requires exactly the schema's required inputs", async () => {
    const { failures } = await runtimeOf(token).check({}, {});
    expect((failures ?? []).map(propertyNamed).sort()).toEqual([...(resource.requiredInputs ?? [])].sort());
  });

  test("diff replaces exactly for the schema's replaceOnChanges inputs", async () => {
    const olds = { ...sampleOutputs(token), ...complete };
    for (const [key, property] of Object.entries(inputs.properties ?? {})) {
      const changed = sample(property, 1);
      if (JSON.stringify(changed) === JSON.stringify(complete[key])) continue;
      const result = await runtimeOf(token).diff("id", olds, { ...complete, [key]: changed });
      const replaces = resource.inputProperties[key].replaceOnChanges === true;
      expect({ key, replaces: (result.replaces ?? []).includes(key) }).toEqual({ key, replaces });
      expect({ key, changes: result.changes }).toEqual({ key, changes: true });
    }
  });
});

/** The computed outputs of a resource, sampled from its description (the token one that is not due). */
function sampleOutputs(token: string): Record<string, unknown> {
  const member = MEMBERS.find((m) => m.token === token);
  if (!member) throw new Error(token);
  const outputs = sampleObject(member.outputs);
  return "token" in outputs ? { ...outputs, token: STORED_TOKEN } : outputs;
}
