/**
 * `getMeetingParticipants`: read every participant of a meeting from a Pulumi program, for programs that
 * want to inspect an existing roster or decide what to adopt. It runs in the program (not in the provider),
 * so it resolves credentials the way the resources do, from this stack's config and the environment.
 */
import * as pulumi from "@pulumi/pulumi";
import { RealtimeKitClient } from "../sdk/client";
import type { Participant } from "../sdk/types";
import { programConfig } from "./credentials";
import { resolveConfig } from "./runtime/config";
import type {
  GetMeetingParticipantsArgs,
  GetMeetingParticipantsOutputArgs,
} from "../generated/typescript/described";
import { listSorted } from "./runtime/list-participants";

/** Arguments of {@link getMeetingParticipants} and, as Pulumi inputs, of {@link getMeetingParticipantsOutput}. */
export type {
  GetMeetingParticipantsArgs,
  GetMeetingParticipantsOutputArgs,
} from "../generated/typescript/described";

/** A participant of the meeting. The API never lists join tokens, so there is none here. */
export type MeetingParticipant = Participant;

/** What {@link getMeetingParticipants} returns. */
export interface GetMeetingParticipantsResult {
  meetingId: string;
  /** Every participant, all pages, sorted by `customParticipantId` then `id`. */
  participants: MeetingParticipant[];
}

/**
 * Every participant of a meeting, all pages (one paged list, about one request per 100 participants).
 * Credentials: config `realtimekit:apiToken`, then `cloudflare:apiToken`, then `CLOUDFLARE_API_TOKEN`.
 *
 * @example
 * const { participants } = await getMeetingParticipants({ meetingId: "6c2a7b1e-…" });
 * export const hosts = participants.filter((p) => p.presetName === "group_call_host").map((p) => p.customParticipantId);
 */
export async function getMeetingParticipants(
  args: GetMeetingParticipantsArgs,
): Promise<GetMeetingParticipantsResult> {
  const config = resolveConfig({ accountId: args.accountId, appId: args.appId }, programConfig, process.env);
  const participants = await listSorted(new RealtimeKitClient(config), args.meetingId);
  return { meetingId: args.meetingId, participants };
}

/**
 * {@link getMeetingParticipants} for Pulumi inputs: runs once the meeting id is known (so during a preview
 * that creates the meeting, the result is unknown until `pulumi up`).
 */
export function getMeetingParticipantsOutput(
  args: GetMeetingParticipantsOutputArgs,
): pulumi.Output<GetMeetingParticipantsResult> {
  return pulumi.output(args).apply((plain) => getMeetingParticipants(plain));
}
