/**
 * The input description as a generator sees it: plain JSON (no code paths), with the extension keywords the
 * native plugin's package schema maps onto `replaceOnChanges`, `secret` and `defaultInfo`.
 */
import { resourceDescriptions } from "../../provider/runtime";
import { CONFIG_VARIABLES, configKey, type ConfigKey } from "../../provider/runtime/config";

type JsonSchema = {
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: boolean;
};

const asJson = (value: unknown): JsonSchema => JSON.parse(JSON.stringify(value)) as JsonSchema;
const keysWith = (schema: JsonSchema, keyword: string): string[] =>
  Object.entries(schema.properties)
    .filter(([, property]) => property[keyword] === true)
    .map(([key]) => key);

describe("the input description, as data", () => {
  it("describes every resource and the Roster component with a token, docs, inputs and outputs", () => {
    expect(Object.values(resourceDescriptions).map(({ token, kind }) => [token, kind])).toEqual([
      ["realtimekit:index:Participant", "resource"],
      ["realtimekit:index:Meeting", "resource"],
      ["realtimekit:index:RosterPrune", "resource"],
      ["realtimekit:index:Roster", "component"],
      ["realtimekit:index:Preset", "resource"],
      ["realtimekit:index:Webhook", "resource"],
      ["realtimekit:index:App", "resource"],
    ]);
    for (const description of Object.values(resourceDescriptions)) {
      const inputs = asJson(description.inputs);
      expect(inputs.additionalProperties).toBe(false);
      for (const [key, property] of Object.entries({
        ...inputs.properties,
        ...asJson(description.outputs).properties,
      })) {
        expect([key, typeof property.description]).toEqual([key, "string"]);
      }
    }
  });

  it("marks what replaces, what is secret and where defaults come from, as the README documents", () => {
    const participant = asJson(resourceDescriptions.participant.inputs);
    expect(keysWith(participant, "x-replaceOnChanges")).toEqual([
      "meetingId",
      "customParticipantId",
      "accountId",
      "appId",
    ]);
    expect(keysWith(participant, "x-stateOnly")).toEqual(["refreshBeforeExpiry", "adopt"]);
    expect(participant.required).toEqual(["meetingId", "customParticipantId", "presetName"]);
    // The fallback names a row of the one config table, which holds the config key and the variable.
    const defaultFrom = participant.properties.accountId["x-defaultFrom"] as ConfigKey;
    expect(defaultFrom).toBe("accountId");
    expect(configKey(defaultFrom)).toBe("realtimekit:accountId");
    expect(CONFIG_VARIABLES[defaultFrom].environment).toBe("CLOUDFLARE_ACCOUNT_ID");
    expect(keysWith(asJson(resourceDescriptions.participant.outputs), "x-secret")).toEqual(["token"]);
    expect(keysWith(asJson(resourceDescriptions.meeting.inputs), "x-replaceOnChanges")).toEqual([
      "accountId",
      "appId",
    ]);
    expect(keysWith(asJson(resourceDescriptions.rosterPrune.inputs), "x-replaceOnChanges")).toEqual([]);
    expect(keysWith(asJson(resourceDescriptions.roster.outputs), "x-secret")).toEqual(["tokens"]);
  });

  it("gives enums as anyOf of consts and limits as standard keywords", () => {
    const meeting = asJson(resourceDescriptions.meeting.inputs);
    expect(meeting.properties.status.anyOf).toEqual([
      { const: "ACTIVE", type: "string" },
      { const: "INACTIVE", type: "string" },
    ]);
    const participant = asJson(resourceDescriptions.participant.inputs);
    expect(participant.properties.accountId).toMatchObject({ type: "string", minLength: 1, maxLength: 32 });
    expect(participant.properties.picture).toMatchObject({
      type: "string",
      format: "http-url",
      maxLength: 2048,
    });
  });
});
