// The scale benchmark's roster: a Meeting and a Roster of `count` participants, exporting the ids. (Exporting
// `roster.tokens` too stores every token once more, as one secret in the stack's outputs: about 0.8 KB per
// participant that the program chooses to keep.)
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Roster } from "pulumi-realtimekit";

const count = new pulumi.Config().requireNumber("count");
const meeting = new Meeting("bench", { title: `bench roster of ${count}` });
const roster = new Roster("bench", {
  meetingId: meeting.meetingId,
  participants: Array.from({ length: count }, (_, index) => ({
    customParticipantId: `member-${index}`,
    name: `Member ${index}`,
    presetName: index % 5 === 0 ? "group_call_host" : undefined,
  })),
  defaults: { presetName: "group_call_participant" },
});

export const participantIds = roster.participantIds;
export const unmanagedCount = roster.unmanagedCount;
