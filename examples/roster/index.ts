/**
 * A RealtimeKit meeting, its roster read from roster.yaml, the two roles the roster assigns (a host and an
 * attendee Preset) and a webhook for the team's backend: the program the repository's Pulumi.yaml runs
 * (`make demo` runs it against the local emulator).
 *
 * Stack config (all optional):
 *   meetingTitle   the meeting's title (default "Daily standup")
 *   rosterFile     another roster file (.yaml, .json or .csv), relative to the project directory
 *   defaultPreset  preset for entries without one (default standup_attendee, declared below)
 *   prune          true: delete participants of the meeting that the roster does not declare
 *   maxDeletes     with prune: the most participants one run may delete (more fail the preview)
 *   webhookUrl     where RealtimeKit posts the meeting's events (default https://hooks.example.com/realtimekit)
 * Credentials: realtimekit:apiToken (secret), realtimekit:accountId, realtimekit:appId (see docs/installation-configuration.md).
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Preset, Roster, Webhook } from "pulumi-realtimekit";

const config = new pulumi.Config();
const rosterFile = config.get("rosterFile") ?? path.join(__dirname, "roster.yaml");

// The roles, as code: a pull request shows what a host may do, not only who is one. Omitted fields take the
// defaults of docs/roles-as-code.md (an attendee-like role), so each preset states only how it differs.
const host = new Preset("host", {
  name: "standup_host",
  permissions: {
    canRecord: true,
    kickParticipant: true,
    acceptWaitingRequests: true,
    pinParticipant: true,
    media: { screenshare: { canProduce: "ALLOWED" } },
  },
});
const attendee = new Preset("attendee", {
  name: "standup_attendee",
  permissions: { canEditDisplayName: false },
});

// A roster file names presets as text. A name declared above becomes that Preset's `name` output, so the
// preset is created (or renamed) before the participants that use it; other names pass through unchanged.
const byName = new Map<string, pulumi.Output<string>>([
  ["standup_host", host.name],
  ["standup_attendee", attendee.name],
]);
const role = (name: string): pulumi.Input<string> => byName.get(name) ?? name;

const backend = new Webhook("backend", {
  name: "standup-backend",
  url: config.get("webhookUrl") ?? "https://hooks.example.com/realtimekit",
  events: ["meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft"],
});

const meeting = new Meeting("standup", {
  title: config.get("meetingTitle") ?? "Daily standup",
  persistChat: true,
  sessionKeepAliveTimeInSecs: 120,
});

const roster = new Roster("standup", {
  meetingId: meeting.meetingId,
  // Entries naming no declared preset stay the objects the file gave, which remember their file and line
  // for error messages.
  participants: Roster.fromFile(rosterFile).map((entry) =>
    entry.presetName && byName.has(entry.presetName)
      ? { ...entry, presetName: role(entry.presetName) }
      : entry,
  ),
  defaults: { presetName: role(config.get("defaultPreset") ?? "standup_attendee") },
  prune: config.getBoolean("prune") ?? false,
  maxDeletes: config.getNumber("maxDeletes"),
});

export const meetingId = meeting.meetingId;
/** preset name -> RealtimeKit preset id: the roles this program declares. */
export const presets = pulumi
  .all([host, attendee].map((p) => pulumi.all([p.name, p.presetId])))
  .apply(Object.fromEntries);
/** Where RealtimeKit posts the meeting's events (`make demo` prints it). */
export const webhook = pulumi
  .all([backend.name, backend.url, backend.events])
  .apply(([name, url, events]) => ({ name, url, events }));
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
