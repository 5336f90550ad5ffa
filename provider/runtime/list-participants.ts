/**
 * `getMeetingParticipants` in the provider: every participant of a meeting, all pages, in one order. The
 * program-side function (../meeting-participants.ts) and the native plugin's `invoke` share
 * {@link listSorted}; {@link getMeetingParticipantsRuntime} resolves credentials like the resources do
 * (the stack config handed to `configure`, then the environment).
 */
import { Type, type Static } from "@sinclair/typebox";
import type { Participant, RealtimeKitClient } from "../../sdk";
import { connect } from "./context";
import { wrap, withContextSync } from "./errors";
import { checkInputs, forEngine, participantInputs, type InputProblem } from "./inputs";
import type { PropertyMap } from "./protocol";
import { compare } from "./values";

/** The function's arguments: the Participant's own `meetingId`, `accountId` and `appId`, as described there. */
export const getMeetingParticipantsArgs = Type.Object(
  {
    meetingId: participantInputs.properties.meetingId,
    accountId: participantInputs.properties.accountId,
    appId: participantInputs.properties.appId,
  },
  { additionalProperties: false },
);

export type GetMeetingParticipantsArgs = Static<typeof getMeetingParticipantsArgs>;

/** Validates the arguments as `check` validates a resource's inputs (failures worded for the engine). */
export function checkGetMeetingParticipantsArgs(bag: PropertyMap): {
  args: GetMeetingParticipantsArgs;
  failures: InputProblem[];
} {
  const { inputs, failures } = checkInputs(
    { name: "getMeetingParticipants", inputs: getMeetingParticipantsArgs },
    bag,
  );
  return { args: inputs, failures: forEngine(failures) };
}

/** Its result: the participants sorted by `customParticipantId`, then `id`. No tokens: the API lists none. */
export interface GetMeetingParticipantsResult {
  meetingId: string;
  participants: Participant[];
}

/** Every participant of the meeting, sorted; a failure says which meeting could not be listed. */
export async function listSorted(client: RealtimeKitClient, meetingId: string): Promise<Participant[]> {
  let participants: Participant[];
  try {
    participants = await client.participants.listAll(meetingId);
  } catch (error) {
    throw wrap(`list the participants of meeting ${meetingId}`, error);
  }
  return participants.sort(
    (a, b) => compare(a.customParticipantId, b.customParticipantId) || compare(a.id, b.id),
  );
}

/** The function as the provider serves it, with the provider's configuration. */
export async function getMeetingParticipantsRuntime(
  args: GetMeetingParticipantsArgs,
): Promise<GetMeetingParticipantsResult> {
  const { client } = withContextSync(`list the participants of meeting ${args.meetingId}`, () =>
    connect({ accountId: args.accountId, appId: args.appId }),
  );
  return { meetingId: args.meetingId, participants: await listSorted(client, args.meetingId) };
}
