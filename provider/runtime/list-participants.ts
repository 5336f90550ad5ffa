/**
 * `getMeetingParticipants` in the provider: every participant of a meeting, all pages, in one order. The
 * program-side function (../meeting-participants.ts) and the native plugin's `invoke` share
 * {@link listSorted}; {@link getMeetingParticipantsRuntime} resolves credentials like the resources do
 * (the stack config handed to `configure`, then the environment).
 */
import type { Participant, RealtimeKitClient } from "../../sdk";
import { connect } from "./context";
import { wrap, withContextSync } from "./errors";
import { compare } from "./values";

/** Arguments of the function. */
export interface GetMeetingParticipantsArgs {
  meetingId: string;
  accountId?: string;
  appId?: string;
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
