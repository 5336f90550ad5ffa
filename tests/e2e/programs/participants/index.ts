// Declares one Participant per entry of a JSON roster file, so tests can edit the roster between runs
// exactly like a person edits a program: rename, change a preset, add, remove, rotate a token.
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { Participant } from "pulumi-realtimekit";

interface Entry {
  resourceName: string;
  customParticipantId: string;
  presetName: string;
  name?: string;
  tokenRotation?: string | number;
}

const config = new pulumi.Config();
const roster = JSON.parse(fs.readFileSync(config.require("rosterFile"), "utf8")) as {
  meetingId: string;
  participants: Entry[];
};

const participants = roster.participants.map(({ resourceName, ...args }) => {
  return [
    args.customParticipantId,
    new Participant(resourceName, { meetingId: roster.meetingId, ...args }),
  ] as const;
});

export const participantIds = Object.fromEntries(participants.map(([key, p]) => [key, p.participantId]));
export const tokens = pulumi.secret(Object.fromEntries(participants.map(([key, p]) => [key, p.token])));
