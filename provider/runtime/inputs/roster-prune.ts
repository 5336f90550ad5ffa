/** The RosterPrune resource's inputs and outputs (created by a Roster with `prune: true`). */
import { Type, type Static } from "@sinclair/typebox";
import { accountId, appId, customParticipantIdRule, meetingId } from "./common";

const MAX_LISTED = 100_000;

const listedParticipant = Type.Object(
  {
    customParticipantId: Type.String({ ...customParticipantIdRule, description: "Its customParticipantId." }),
    participantId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: "Its id assigned by RealtimeKit.",
    }),
  },
  { additionalProperties: false, description: "A participant of the meeting, as listed." },
);

/** The brake on pruning: a Roster argument the roster passes on to its RosterPrune, described once here. */
export const maxDeletes = Type.Optional(
  Type.Integer({
    minimum: 0,
    maximum: MAX_LISTED,
    description:
      "With `prune: true`: the most participants one run may delete. When more are undeclared (a roster " +
      "file emptied by mistake, another stack's participants in the same meeting), the preview fails and " +
      "nothing is deleted. Unset, there is no limit.",
    "x-expected": "a whole number of participants >= 0",
    examples: [10, 100],
  }),
);

export const rosterPruneInputs = Type.Object(
  {
    meetingId: meetingId("The meeting to prune.", { "x-replaceOnChanges": false }),
    undeclared: Type.Array(listedParticipant, {
      maxItems: MAX_LISTED,
      description:
        "The participants to delete: those the roster does not declare, as listed when the program ran " +
        "(sorted by customParticipantId, then participantId).",
      "x-expected": "a list of { customParticipantId, participantId }",
      "x-limitSource": "guess: far above any meeting's size",
    }),
    maxDeletes,
    managed: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description:
          "The roster's own participants (customParticipantId -> participant id), recorded so the next run " +
          "can tell a participant just removed from the roster (the engine deletes it) from a stranger to prune.",
        "x-stateOnly": true,
      }),
    ),
    accountId: Type.Optional(
      accountId("Cloudflare account id (default from config).", { "x-replaceOnChanges": false }),
    ),
    appId: Type.Optional(appId("RealtimeKit app id (default from config).", { "x-replaceOnChanges": false })),
  },
  { additionalProperties: false },
);

export const rosterPruneOutputs = Type.Object(
  {
    meetingId: Type.String({ description: "The meeting pruned." }),
    undeclared: Type.Array(listedParticipant, {
      description: "Participants still undeclared after the last prune (empty once it succeeded).",
    }),
    managed: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: "The roster's own participants." }),
    ),
    pruned: Type.Array(listedParticipant, { description: "The participants the last prune deleted." }),
    accountId: Type.String({
      description: "The account of the meeting (resolved at create time).",
      "x-stable": true,
    }),
    appId: Type.String({
      description: "The app of the meeting (resolved at create time).",
      "x-stable": true,
    }),
  },
  { additionalProperties: false },
);

/** A participant the roster does not declare, as listed at program time. */
export type UndeclaredParticipant = Static<typeof listedParticipant>;
