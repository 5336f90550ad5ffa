/**
 * `pulumi-realtimekit`: Cloudflare RealtimeKit meetings and participants as Pulumi resources. Every symbol
 * is exported by name; the REST client is `pulumi-realtimekit/sdk`, the emulator `pulumi-realtimekit/emulator`.
 */
export { Participant, participantProvider } from "./participant";
export type { ParticipantArgs } from "./participant";
export { Meeting, meetingProvider } from "./meeting";
export type { MeetingArgs } from "./meeting";
export { Preset } from "./preset";
export type { PresetArgs } from "./preset";
export { Webhook } from "./webhook";
export type { WebhookArgs } from "./webhook";
export { App } from "./app";
export type { AppArgs } from "./app";
export { Roster } from "./roster";
export type { RosterArgs } from "./roster";
export { RosterValidationError } from "./runtime/roster/file";
export type { RosterDefaults, RosterEntry, RosterProblem, SourceLocation } from "./runtime/roster/file";
export { getMeetingParticipants, getMeetingParticipantsOutput } from "./meeting-participants";
export type {
  GetMeetingParticipantsArgs,
  GetMeetingParticipantsOutputArgs,
  GetMeetingParticipantsResult,
  MeetingParticipant,
} from "./meeting-participants";
export { resolveConfig, MissingConfigError, InvalidConfigError } from "./runtime/config";
export type { ConfigSource, Environment, ExplicitConfig, ResolvedConfig } from "./runtime/config";
