// Declares the Participants and Rosters of a JSON plan in one meeting, so tests can make two resources
// claim the same customParticipantId: with `meeting: "shared"` every resource gets the same meetingId
// output of a Meeting this program creates (the program sees the clash); otherwise each gets the plan's
// meeting id (only the provider sees it).
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Participant, Roster } from "pulumi-realtimekit";

type Declaration =
  | { kind: "participant"; name: string; customParticipantId: string; presetName: string }
  | { kind: "roster"; name: string; customParticipantIds: string[] };

const config = new pulumi.Config();
const plan = JSON.parse(fs.readFileSync(config.require("planFile"), "utf8")) as {
  meeting: "shared" | string;
  resources: Declaration[];
};

const meetingId: pulumi.Input<string> =
  plan.meeting === "shared" ? new Meeting("meeting", { title: "claims" }).meetingId : plan.meeting;

for (const declaration of plan.resources) {
  if (declaration.kind === "participant") {
    const { name, customParticipantId, presetName } = declaration;
    new Participant(name, { meetingId, customParticipantId, presetName });
  } else {
    new Roster(declaration.name, {
      meetingId,
      participants: declaration.customParticipantIds.map((customParticipantId) => ({ customParticipantId })),
      defaults: { presetName: "group_call_participant" },
    });
  }
}
