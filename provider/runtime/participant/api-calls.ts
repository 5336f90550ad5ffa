/**
 * The participant API calls the lifecycle makes: the call-time target (client, resolved config, meeting),
 * lookups by `customParticipantId` in the shared participant list, and add and edit with the app's presets
 * named when a preset is rejected. Their words are in ./messages.ts.
 */
import {
  fromNetwork,
  ValidationError,
  type AddParticipantInput,
  type EditParticipantInput,
  type Participant,
  type ParticipantWithToken,
  type RealtimeKitClient,
} from "../../../sdk";
import type { ResolvedConfig } from "../config";
import { connect } from "../context";
import { wrap } from "../errors";
import { sharedParticipantList, type MeetingRef } from "../shared-participant-list";
import { compare } from "../values";
import { labelOf, severalToAdopt, withPresetNames } from "./messages";

/** The call-time context of one operation: client, resolved config, and the meeting it is about. */
export interface Target {
  client: RealtimeKitClient;
  config: ResolvedConfig;
  meeting: MeetingRef;
  /** `participant "alice" in meeting <id>`, for messages. */
  label: string;
}

export function targetFor(
  operation: "create" | "read" | "update" | "delete",
  meetingId: string,
  customParticipantId: string,
  ids: { accountId?: string; appId?: string },
): Target {
  const label = labelOf(customParticipantId, meetingId);
  try {
    const { client, config } = connect(ids);
    const meeting = { baseUrl: config.baseUrl, accountId: config.accountId, appId: config.appId, meetingId };
    return { client, config, meeting, label };
  } catch (error) {
    throw wrap(`${operation} ${label}`, error);
  }
}

export async function findByCustomId(
  target: Target,
  customParticipantId: string,
  mode: "shared" | "fresh",
): Promise<Participant[]> {
  const list = mode === "fresh" ? sharedParticipantList.listFresh : sharedParticipantList.list;
  const participants = await list.call(sharedParticipantList, target.client, target.meeting);
  return participants.filter((participant) => participant.customParticipantId === customParticipantId);
}

export function pickOne(target: Target, found: Participant[]): Participant {
  if (found.length === 1) return found[0];
  throw severalToAdopt(target, found);
}

/** Adds a participant; a rejected preset name is reported with the app's presets (see {@link withKnownPresets}). */
export async function addParticipant(
  target: Target,
  input: AddParticipantInput,
): Promise<ParticipantWithToken> {
  try {
    return await target.client.participants.add(target.meeting.meetingId, input);
  } catch (error) {
    throw await withKnownPresets(target, error);
  }
}

/** Edits a participant and records the result in the shared view; a rejected preset is reported as on add. */
export async function editParticipant(
  target: Target,
  id: string,
  patch: EditParticipantInput,
): Promise<ParticipantWithToken> {
  let edited: ParticipantWithToken;
  try {
    edited = await target.client.participants.edit(target.meeting.meetingId, id, patch);
  } catch (error) {
    throw await withKnownPresets(target, error);
  }
  sharedParticipantList.upsert(target.meeting, edited);
  return edited;
}

/**
 * A 400 about the preset, with `; known presets: a, b, c` appended: the app's preset names, so a typo is
 * fixed without a trip to the dashboard. Any other error, or a failure to list the presets, is returned as is.
 */
async function withKnownPresets(target: Target, error: unknown): Promise<unknown> {
  if (!(error instanceof ValidationError) || !/preset/i.test(error.upstreamMessage)) return error;
  let names: string[];
  try {
    // Names come from the network, so they are cleaned like any other network text that reaches a message.
    names = (await target.client.presets.listAll())
      .map((preset) => fromNetwork(preset.name, [target.config.apiToken]))
      .sort(compare);
  } catch {
    return error;
  }
  return withPresetNames(error, names);
}
