/**
 * GitOps roster: the meeting and its participants come from the stack's config (Pulumi.dev.yaml,
 * Pulumi.prod.yaml), so a roster change is a reviewed pull request whose CI job posts the
 * `pulumi preview --diff`, and merging it runs `pulumi up` (.github/workflows/roster.yml).
 */
import * as pulumi from "@pulumi/pulumi";
import { Meeting, Roster, type RosterEntry } from "pulumi-realtimekit";

const config = new pulumi.Config();

const meeting = new Meeting("all-hands", {
  title: config.require("meetingTitle"),
  persistChat: true,
});

const roster = new Roster("all-hands", {
  meetingId: meeting.meetingId,
  participants: config.requireObject<RosterEntry[]>("participants"),
  defaults: { presetName: config.get("defaultPreset") ?? "group_call_participant" },
  prune: config.getBoolean("prune") ?? false,
  // Set per stack: the nightly job's `pulumi up` renews each token this many seconds before it expires.
  refreshBeforeExpiry: config.getNumber("refreshBeforeExpiry"),
});

export const meetingId = meeting.meetingId;
export const participantIds = roster.participantIds;
/** One secret map: `pulumi stack output tokens --show-secrets`. */
export const tokens = roster.tokens;
export const unmanagedCount = roster.unmanagedCount;
