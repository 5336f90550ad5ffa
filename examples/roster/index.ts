/**
 * A RealtimeKit meeting and its roster, read from roster.yaml: the program the repository's Pulumi.yaml
 * runs (`make demo` runs it against the local emulator).
 *
 * Stack config (all optional):
 *   meetingTitle   the meeting's title (default "Daily standup")
 *   rosterFile     another roster file (.yaml, .json or .csv), relative to the project directory
 *   defaultPreset  preset for entries without one (default group_call_participant)
 *   prune          true: delete participants of the meeting that the roster does not declare
 *   maxDeletes     with prune: the most participants one run may delete (more fail the preview)
 * Credentials: realtimekit:apiToken (secret), realtimekit:accountId, realtimekit:appId (see docs/installation-configuration.md).
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Roster } from "pulumi-realtimekit";

const config = new pulumi.Config();
const rosterFile = config.get("rosterFile") ?? path.join(__dirname, "roster.yaml");

const meeting = new Meeting("standup", {
  title: config.get("meetingTitle") ?? "Daily standup",
  persistChat: true,
  sessionKeepAliveTimeInSecs: 120,
});

const roster = new Roster("standup", {
  meetingId: meeting.meetingId,
  participants: Roster.fromFile(rosterFile),
  defaults: { presetName: config.get("defaultPreset") ?? "group_call_participant" },
  prune: config.getBoolean("prune") ?? false,
  maxDeletes: config.getNumber("maxDeletes"),
});

export const meetingId = meeting.meetingId;
/** customParticipantId -> RealtimeKit participant id. */
export const participantIds = roster.participantIds;
/** customParticipantId -> { name, presetName, participantId }: who is on the roster (`make demo` prints it as a table). */
export const members = pulumi.all(
  Object.fromEntries(
    Object.entries(roster.participants).map(([id, participant]) => [
      id,
      pulumi.all({
        name: participant.name,
        presetName: participant.presetName,
        participantId: participant.participantId,
      }),
    ]),
  ),
);
/** customParticipantId -> join token, one secret: `pulumi stack output tokens --show-secrets`. */
export const tokens = roster.tokens;
/** Participants in the meeting that roster.yaml does not declare (left alone unless prune is set). */
export const unmanagedCount = roster.unmanagedCount;
