/**
 * The Roster component: its arguments, its outputs, and the one entry of a roster (in code or in a roster
 * file). An entry's customParticipantId is rejected rather than trimmed when it has surrounding spaces: it
 * names the child resource, so it must be exactly what the file says.
 */
import { CloneType, Type, type Static } from "@sinclair/typebox";
import {
  accountId,
  appId,
  customParticipantIdRule,
  displayName,
  httpUrl,
  meetingId,
  presetName,
  tokenRotation,
} from "./common";
import { NO_CONTROL_CHARACTERS } from "./keywords";
import { maxDeletes } from "./roster-prune";

export const rosterEntry = Type.Object(
  {
    customParticipantId: Type.String({
      ...customParticipantIdRule,
      // No control characters and no leading or trailing whitespace.
      pattern: `(?=${NO_CONTROL_CHARACTERS})^\\S(.*\\S)?$`,
      description:
        "Your stable id for the participant (not PII); the roster's key, and the child resource's name.",
      "x-expected": "a non-empty string without leading or trailing spaces (quote numeric ids)",
    }),
    presetName: Type.Optional(
      presetName(
        "Preset to join with; falls back to the roster's `defaults.presetName`.",
        "a non-empty string (leave it out instead)",
      ),
    ),
    name: Type.Optional(
      displayName("Display name.", { minLength: 1, expected: "a non-empty string (leave it out instead)" }),
    ),
    picture: Type.Optional(httpUrl("Absolute http(s) URL of the participant's picture.")),
    tokenRotation: Type.Optional(
      tokenRotation(
        "Change to rotate this participant's token in place (any string or number, like a keeper).",
      ),
    ),
  },
  {
    additionalProperties: false,
    description: "One participant of a roster, keyed by `customParticipantId`.",
  },
);

export const rosterDefaults = Type.Object(
  {
    presetName: Type.Optional(
      presetName("Preset for entries without a `presetName`.", "a non-empty string (a preset name)"),
    ),
  },
  { additionalProperties: false, description: "Values applied to every entry that does not set its own." },
);

/**
 * The Roster arguments every child Participant gets as they are (each is a Participant input of the same
 * name). Adding one here passes it on, in TypeScript and in the plugin alike.
 */
export const rosterChildSettings = Type.Object(
  {
    meetingId: meetingId("The meeting the participants join."),
    adopt: Type.Optional(
      Type.Boolean({
        description:
          "Take over participants that already exist with a declared `customParticipantId`. Default false.",
      }),
    ),
    refreshBeforeExpiry: Type.Optional(
      Type.Number({
        minimum: 0,
        description:
          "Seconds, for every child: renew its token when it expires within this window (see Participant), " +
          "so a scheduled `pulumi up` keeps the roster's tokens valid. Default: never.",
        "x-expected": "a non-negative number of seconds",
      }),
    ),
    accountId: Type.Optional(accountId("Cloudflare account id for every child (default from config).")),
    appId: Type.Optional(appId("RealtimeKit app id for every child (default from config).")),
  },
  { additionalProperties: false },
);

/** The Roster arguments that decide which children exist (program-side: `file` is read when the program runs). */
export const rosterTreeArgs = Type.Object(
  {
    participants: Type.Optional(
      Type.Array(rosterEntry, {
        description: "The participants, e.g. a literal list.",
        "x-decidesChildren": true,
      }),
    ),
    file: Type.Optional(
      Type.String({
        description:
          "Path of a roster file (`.yaml`/`.yml`, `.json` or `.csv`; relative paths are resolved from the " +
          "current directory). Give `participants` or `file`.",
        "x-decidesChildren": true,
      }),
    ),
    defaults: Type.Optional(CloneType(rosterDefaults, { "x-decidesChildren": true })),
    prune: Type.Optional(
      Type.Boolean({
        description:
          "Make the roster authoritative: participants in the meeting that it does not declare are deleted on " +
          "`pulumi up`, and `pulumi preview` lists them first. Default false.",
        "x-decidesChildren": true,
      }),
    ),
  },
  { additionalProperties: false },
);

const { meetingId: rosterMeetingId, ...childSettings } = rosterChildSettings.properties;

/** The Roster component's arguments: the meeting, what decides the children, then what each child gets. */
export const rosterArgs = Type.Object(
  { meetingId: rosterMeetingId, ...rosterTreeArgs.properties, maxDeletes, ...childSettings },
  { additionalProperties: false },
);

export const rosterOutputs = Type.Object(
  {
    participantIds: Type.Record(Type.String(), Type.String(), {
      description: "`customParticipantId` -> participant id.",
    }),
    tokens: Type.Record(Type.String(), Type.String(), {
      description: "`customParticipantId` -> join token, as one secret.",
      "x-secret": true,
    }),
    unmanagedCount: Type.Optional(
      Type.Integer({
        description:
          "How many participants of the meeting the roster does not declare (0 after pruning); absent when " +
          "the meeting could not be listed.",
      }),
    ),
  },
  { additionalProperties: false },
);

/** One participant of a roster, keyed by `customParticipantId`. */
export type RosterEntry = Static<typeof rosterEntry>;
/** Values applied to every entry that does not set its own. */
export type RosterDefaults = Static<typeof rosterDefaults>;
