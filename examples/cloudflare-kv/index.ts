/**
 * Publishes each participant's join token to a Workers KV namespace (key `token:<customParticipantId>`),
 * so a Worker front end can hand a signed-in user their token without anyone copying secrets around.
 *
 * One Cloudflare API token serves both providers when it has "Realtime Admin" and "Workers KV Storage Edit":
 * set it once as `cloudflare:apiToken` (secret). The account is `realtimekit:accountId`.
 */
import * as path from "node:path";
import * as cloudflare from "@pulumi/cloudflare";
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Roster } from "pulumi-realtimekit";

const config = new pulumi.Config();
const accountId = new pulumi.Config("realtimekit").require("accountId");

const meeting = new Meeting("office-hours", { title: config.get("meetingTitle") ?? "Office hours" });

const roster = new Roster("office-hours", {
  meetingId: meeting.meetingId,
  file: path.join(__dirname, "roster.yaml"),
  defaults: { presetName: "group_call_participant" },
});

const namespace = new cloudflare.WorkersKvNamespace("realtimekit-tokens", {
  accountId,
  title: `realtimekit-tokens-${pulumi.getStack()}`,
});

// One KV entry per participant, named (like the participants) by customParticipantId, never by position.
for (const [customParticipantId, participant] of Object.entries(roster.participants)) {
  new cloudflare.WorkersKv(
    `token-${customParticipantId}`,
    {
      accountId,
      namespaceId: namespace.id,
      keyName: `token:${customParticipantId}`,
      // Secret in, secret in state: the token is never stored in plaintext.
      value: pulumi.secret(participant.token),
      metadata: pulumi.jsonStringify({ meetingId: meeting.meetingId, expiresAt: participant.tokenExpiresAt }),
    },
    { parent: namespace },
  );
}

export const meetingId = meeting.meetingId;
export const kvNamespaceId = namespace.id;
export const participantIds = roster.participantIds;
