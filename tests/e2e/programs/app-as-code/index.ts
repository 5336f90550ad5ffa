// A whole RealtimeKit app declared from nothing: the App's id feeds every other resource, and the roster's
// entries name their roles by the Presets' `name` outputs. Tests edit the spec file between runs the way a
// person edits a program: one permission, the order of the webhook's events, an invalid value.
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { App, Meeting, Preset, Roster, Webhook, type PresetArgs, type WebhookArgs } from "pulumi-realtimekit";

interface Spec {
  hostPermissions: PresetArgs["permissions"];
  events: WebhookArgs["events"];
}

const config = new pulumi.Config();
const spec = JSON.parse(fs.readFileSync(config.require("specFile"), "utf8")) as Spec;

const app = new App("app", { name: "conference" });
const appId = app.appId;
const host = new Preset("host", { name: "host", appId, permissions: spec.hostPermissions });
const attendee = new Preset("attendee", { name: "attendee", appId, config: { viewType: "WEBINAR" } });
const backend = new Webhook("backend", {
  name: "backend",
  url: "https://hooks.example.com/realtimekit",
  events: spec.events,
  appId,
});
const meeting = new Meeting("keynote", { title: "Keynote", appId });
const roster = new Roster("team", {
  meetingId: meeting.meetingId,
  appId,
  participants: [
    { customParticipantId: "alice", name: "Alice", presetName: host.name },
    { customParticipantId: "bob", name: "Bob" },
  ],
  defaults: { presetName: attendee.name },
});

export const ids = {
  app: appId,
  host: host.presetId,
  attendee: attendee.presetId,
  webhook: backend.webhookId,
  meeting: meeting.meetingId,
};
export const participantIds = roster.participantIds;
