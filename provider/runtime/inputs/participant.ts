/** The Participant resource's inputs and outputs. */
import { Type, type Static } from "@sinclair/typebox";
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

export const participantInputs = Type.Object(
  {
    meetingId: meetingId("The meeting to join (a UUID). Changing it replaces the participant."),
    customParticipantId: Type.String({
      ...customParticipantIdRule,
      description:
        "Your own id for this person, unique within the meeting (for example a user id; the API advises " +
        "against personal data such as an email). The natural key used for adoption. Changing it replaces " +
        "the participant.",
      "x-expected": "a non-empty string (your own id for this participant, unique in the meeting)",
      "x-normalize": "trim",
      "x-replaceOnChanges": true,
    }),
    presetName: presetName(
      "The preset (role and permissions) to apply, e.g. `group_call_host`. Updated in place.",
      "the name of a preset of the app (a non-empty string such as group_call_participant)",
    ),
    name: Type.Optional(
      displayName('Display name (default: none, sent as `""`). Updated in place.', {
        expected: "a string (the display name)",
      }),
    ),
    picture: Type.Optional(
      httpUrl(
        "Absolute http(s) URL of the participant's picture. Updated in place; removing it clears it.",
        "an absolute http(s) URL of the participant's picture",
      ),
    ),
    tokenRotation: Type.Optional(
      tokenRotation(
        "Any string or number; changing it issues a new join token in place (same participant id), like a " +
          "keeper. Use a date, a counter or a CI run number. For a brand-new participant instead, use the " +
          "`replacementTrigger` resource option.",
      ),
    ),
    refreshBeforeExpiry: Type.Optional(
      Type.Number({
        minimum: 0,
        description:
          "Seconds: when the stored token expires within this window, the next preview shows an update and " +
          "`pulumi up` issues a new token (so a scheduled `pulumi up` keeps tokens fresh). Must be shorter than " +
          "the token lifetime: a create or update that issues a token it already covers fails. Default: never.",
        "x-expected": "a non-negative number of seconds",
        "x-stateOnly": true,
      }),
    ),
    adopt: Type.Optional(
      Type.Boolean({
        description:
          "Take over a participant with this `customParticipantId` that already exists in the meeting (PATCH " +
          "it to the declared fields and issue it a token) instead of failing. Default false.",
        "x-expected": "a boolean",
        "x-stateOnly": true,
      }),
    ),
    accountId: Type.Optional(
      accountId(
        "Cloudflare account id (default from config). Setting it to a different value replaces the participant.",
      ),
    ),
    appId: Type.Optional(
      appId(
        "RealtimeKit app id (default from config). Setting it to a different value replaces the participant.",
      ),
    ),
  },
  { additionalProperties: false },
);

export const participantOutputs = Type.Object(
  {
    participantId: Type.String({
      description: "The participant's id assigned by RealtimeKit (also the resource id).",
      "x-stable": true,
    }),
    token: Type.Optional(
      Type.String({
        description: "The join token (a JWT) to hand to the RealtimeKit client SDK. Secret.",
        "x-secret": true,
      }),
    ),
    tokenExpiresAt: Type.Optional(
      Type.String({
        description:
          "When the token expires (ISO 8601, from its `exp` claim); absent if the token carries no expiry.",
      }),
    ),
    createdAt: Type.String({ description: "When the participant was added (ISO 8601).", "x-stable": true }),
    updatedAt: Type.String({ description: "When the participant was last changed (ISO 8601)." }),
    meetingId: Type.String({ description: "The meeting's id." }),
    customParticipantId: Type.String({ description: "Your id for the participant." }),
    presetName: Type.String({ description: "The preset applied." }),
    name: Type.String({ description: 'The display name (`""` when none).' }),
    picture: Type.Optional(Type.String({ description: "The picture URL, if any." })),
    tokenRotation: Type.Optional(
      Type.Union([Type.String(), Type.Number()], {
        description: "The `tokenRotation` value the current token was issued for.",
      }),
    ),
    refreshBeforeExpiry: Type.Optional(
      Type.Number({ description: "The `refreshBeforeExpiry` setting, in seconds." }),
    ),
    adopt: Type.Optional(Type.Boolean({ description: "The `adopt` setting." })),
    accountId: Type.String({
      description: "The account the participant lives in (resolved at create time).",
      "x-stable": true,
    }),
    appId: Type.String({
      description: "The app the participant lives in (resolved at create time).",
      "x-stable": true,
    }),
  },
  { additionalProperties: false },
);

/** The Participant's inputs after `check`. */
export type ParticipantInputs = Static<typeof participantInputs>;
/** The Participant's outputs: the computed values plus every input, with `accountId`/`appId` resolved. */
export type ParticipantOutputs = Static<typeof participantOutputs>;
