// One Meeting and one Participant in it, shaped by stack config so a test can make each fail after it
// exists: `meetingStatus: INACTIVE` (the status PATCH after the create), `withParticipant: false`, and
// `refreshBeforeExpiry` (seconds) for the Participant.
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Participant } from "pulumi-realtimekit";

const config = new pulumi.Config();
const status = config.get("meetingStatus");
const meeting = new Meeting("meeting", {
  title: "partial failures",
  ...(status === "INACTIVE" ? { status: "INACTIVE" as const } : {}),
});

export const meetingId = meeting.meetingId;
export const token =
  config.getBoolean("withParticipant") === false
    ? undefined
    : new Participant("pat", {
        meetingId: meeting.meetingId,
        customParticipantId: "pat",
        presetName: "group_call_participant",
        name: "Pat",
        refreshBeforeExpiry: config.getNumber("refreshBeforeExpiry"),
      }).token;
