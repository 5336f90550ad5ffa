/**
 * `getMeetingParticipants`, described for the schema. The runtime's description covers resources and
 * components only, so the function is assembled here from the Participant's own described properties (its
 * arguments are the Participant's `meetingId`, `accountId`, `appId`; each listed participant is the
 * Participant's outputs that the API's list returns), never described a second time.
 * tests/sdks/schema.test.ts checks the result against what the runtime's function returns.
 */
import type { Described, JsonSchema } from "./description";
import { getMeetingParticipantsArgs } from "../../provider/runtime/list-participants";
import { typeToken } from "./convert";

/** The listed participant's fields, by the Participant output each one is. */
const LISTED_FIELDS = {
  id: "participantId",
  customParticipantId: "customParticipantId",
  presetName: "presetName",
  name: "name",
  picture: "picture",
  createdAt: "createdAt",
  updatedAt: "updatedAt",
} as const;

function pick(schema: JsonSchema, key: string, owner: string): JsonSchema {
  const properties = schema.properties ?? {};
  if (!Object.hasOwn(properties, key)) throw new Error(`the ${owner} description has no \`${key}\``);
  return properties[key];
}

export function meetingParticipantsFunction(participant: Described): Described {
  const input = (key: string): JsonSchema => pick(participant.inputs, key, "Participant inputs");
  const listed: Record<string, JsonSchema> = {};
  for (const [field, output] of Object.entries(LISTED_FIELDS)) {
    listed[field] = pick(participant.outputs, output, "Participant outputs");
  }
  const required = (participant.outputs.required ?? []).flatMap((output) =>
    Object.entries(LISTED_FIELDS)
      .filter(([, from]) => from === output)
      .map(([field]) => field),
  );
  return {
    token: typeToken("getMeetingParticipants"),
    name: "getMeetingParticipants",
    kind: "function",
    description:
      "Every participant of a meeting, all pages, sorted by `customParticipantId` then id. The API never " +
      "lists join tokens, so there are none here.",
    inputs: {
      type: "object",
      // The runtime's own argument description (a Participant's properties), which its `invoke` checks.
      properties: Object.fromEntries(
        Object.keys(getMeetingParticipantsArgs.properties).map((key) => [key, input(key)]),
      ),
      required: [...(getMeetingParticipantsArgs.required ?? [])],
    },
    outputs: {
      type: "object",
      properties: {
        meetingId: { type: "string", description: "The meeting that was read." },
        participants: {
          type: "array",
          description: "Every participant of the meeting.",
          items: {
            type: "object",
            description: "A participant of the meeting, as the API lists it (no token).",
            properties: listed,
            required,
          },
        },
      },
      required: ["meetingId", "participants"],
    },
  };
}
