/**
 * Stand-in for the runtime's one description of every input, used until that module lands: the same shape
 * (JSON Schema with `x-replaceOnChanges` / `x-stateOnly` / `x-secret`), the same fields as provider/runtime today.
 */
import type { Described, JsonSchema } from "./description";

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "string",
  description,
  ...extra,
});
const bool = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: "boolean",
  description,
  ...extra,
});
const obj = (title: string, properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: "object",
  title,
  properties,
  required,
  additionalProperties: false,
});

const accountId = str("Cloudflare account id (default: config `realtimekit:accountId`).", {
  "x-replaceOnChanges": true,
});
const appId = str("RealtimeKit app id (default: config `realtimekit:appId`).", {
  "x-replaceOnChanges": true,
});
const meetingId = str("The id of the meeting (a UUID).", { format: "uuid", "x-replaceOnChanges": true });

const participantInputs = obj(
  "ParticipantArgs",
  {
    meetingId,
    customParticipantId: str("Your own id for this participant, unique in the meeting.", {
      minLength: 1,
      "x-replaceOnChanges": true,
    }),
    presetName: str("The preset that sets what the participant may do.", {
      minLength: 1,
    }),
    name: str("Display name."),
    picture: str("Absolute http(s) URL of the participant's picture.", {
      format: "uri",
    }),
    tokenRotation: {
      anyOf: [{ type: "string" }, { type: "number" }],
      description: "Change it (any string or number) to issue a new join token for the same participant.",
    },
    refreshBeforeExpiry: {
      type: "number",
      minimum: 0,
      description: "Seconds before the token expires from which `pulumi up` issues a new one.",
      "x-stateOnly": true,
    },
    adopt: bool("Take over an existing participant with the same customParticipantId.", {
      "x-stateOnly": true,
    }),
    accountId,
    appId,
  },
  ["meetingId", "customParticipantId", "presetName"],
);

const participantOutputs = obj(
  "Participant",
  {
    participantId: str("The participant id the API assigned."),
    token: str("The join token (a JWT).", { "x-secret": true }),
    tokenExpiresAt: str("When the token expires (ISO 8601).", { format: "date-time" }),
    createdAt: str("When the participant was created."),
    updatedAt: str("When the participant was last updated."),
    ...participantInputs.properties,
  },
  ["participantId", "createdAt", "updatedAt", "meetingId", "customParticipantId", "presetName"],
);

const meetingInputs = obj("MeetingArgs", {
  title: str("Title of the meeting."),
  recordOnStart: bool("Start recording when the meeting starts."),
  persistChat: bool("Keep the chat after the meeting."),
  status: {
    type: "string",
    enum: ["ACTIVE", "INACTIVE"],
    description: "Meeting status.",
  },
  recordingConfig: {
    ...obj("MeetingRecordingConfig", {
      maxSeconds: { type: "number", minimum: 60, maximum: 86400, description: "Longest recording." },
      storageConfig: obj(
        "MeetingStorageConfig",
        {
          type: {
            type: "string",
            enum: ["aws", "azure", "digitalocean", "gcs", "sftp"],
            description: "Kind.",
          },
          secret: str("Storage secret.", { "x-secret": true }),
        },
        ["type"],
      ),
    }),
    description: "Recording settings.",
  },
  replaceOnUpdate: bool("Send every update as a full PUT.", { "x-stateOnly": true }),
  accountId,
  appId,
});

const meetingOutputs = obj(
  "Meeting",
  {
    meetingId: str("The meeting id the API assigned."),
    createdAt: str("When the meeting was created."),
    updatedAt: str("When the meeting was last updated."),
  },
  ["meetingId", "createdAt", "updatedAt"],
);

const undeclared: JsonSchema = {
  type: "array",
  description: "Participants the roster does not declare.",
  items: obj(
    "UndeclaredParticipant",
    { customParticipantId: str("Custom id."), participantId: str("Participant id.") },
    ["customParticipantId", "participantId"],
  ),
};

const rosterEntry = obj(
  "RosterEntry",
  {
    customParticipantId: str("Your own id for this participant.", { minLength: 1 }),
    presetName: str("Preset (default from `defaults`)."),
    name: str("Display name."),
    picture: str("Picture URL.", { format: "uri" }),
    tokenRotation: { anyOf: [{ type: "string" }, { type: "number" }], description: "Rotation keeper." },
  },
  ["customParticipantId"],
);

export const fixtureDescriptions = {
  participant: {
    token: "realtimekit:index:Participant",
    name: "Participant",
    kind: "resource",
    description: "A participant of a RealtimeKit meeting, with a secret join token.",
    inputs: participantInputs,
    outputs: participantOutputs,
  },
  meeting: {
    token: "realtimekit:index:Meeting",
    name: "Meeting",
    kind: "resource",
    description: "A RealtimeKit meeting. Destroying it sets it INACTIVE (the API has no delete).",
    inputs: meetingInputs,
    outputs: meetingOutputs,
  },
  rosterPrune: {
    token: "realtimekit:index:RosterPrune",
    name: "RosterPrune",
    kind: "resource",
    description: "Deletes the participants an authoritative Roster does not declare.",
    inputs: obj(
      "RosterPruneArgs",
      {
        meetingId: { ...meetingId, "x-replaceOnChanges": false },
        undeclared,
        managed: { type: "object", additionalProperties: { type: "string" }, description: "Managed ids." },
        accountId: { ...accountId, "x-replaceOnChanges": false },
        appId: { ...appId, "x-replaceOnChanges": false },
      },
      ["meetingId", "undeclared"],
    ),
    outputs: obj("RosterPrune", { pruned: { ...undeclared, description: "Deleted by this run." } }, [
      "pruned",
    ]),
  },
  roster: {
    token: "realtimekit:index:Roster",
    name: "Roster",
    kind: "component",
    description: "A meeting's roster: one child Participant per entry, keyed by customParticipantId.",
    inputs: obj(
      "RosterArgs",
      {
        meetingId: str("The meeting the participants join."),
        participants: { type: "array", items: rosterEntry, description: "The participants." },
        file: str("Path of a roster file (YAML, JSON or CSV)."),
        defaults: obj("RosterDefaults", { presetName: str("Preset for entries without one.") }),
        prune: bool("Delete participants the roster does not declare."),
        adopt: bool("Take over existing participants."),
        accountId: str("Cloudflare account id."),
        appId: str("RealtimeKit app id."),
      },
      ["meetingId"],
    ),
    outputs: obj(
      "Roster",
      {
        participantIds: { type: "object", additionalProperties: { type: "string" }, description: "Ids." },
        tokens: {
          type: "object",
          additionalProperties: { type: "string" },
          description: "Join tokens.",
          "x-secret": true,
        },
        unmanagedCount: { type: "integer", description: "Undeclared participants." },
      },
      ["participantIds", "tokens"],
    ),
  },
} satisfies Record<string, Described>;
