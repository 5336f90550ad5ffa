/**
 * The participant API calls the lifecycle makes: the call-time target (client, resolved config, meeting),
 * lookups by `customParticipantId` in the shared participant list, add and edit with the app's presets
 * named when a preset is rejected, and the messages about existing participants.
 */
import {
  fromNetwork,
  DEFAULT_BASE_URL,
  ValidationError,
  type AddParticipantInput,
  type EditParticipantInput,
  type Participant,
  type ParticipantWithToken,
  type RealtimeKitClient,
} from "../../../sdk";
import type { ResolvedConfig } from "../config";
import { connect } from "../context";
import { messageOf, wrap } from "../errors";
import { sharedParticipantList, type MeetingRef } from "../shared-participant-list";
import { compare } from "../values";
import type { ParticipantInputs } from "./state";

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
  // Quoted as JSON: an id from state written before ids were checked could hold a line break.
  const label = `participant ${JSON.stringify(customParticipantId)} in meeting ${meetingId}`;
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
  throw new Error(
    `Could not adopt ${target.label}: ${found.length} participants have that customParticipantId ` +
      `(ids ${found.map((participant) => participant.id).join(", ")}); delete the extra ones first.`,
  );
}

/**
 * A participant with the declared `customParticipantId` exists and cannot be taken over on its own: it
 * differs from the declaration (the message says how), or there are several.
 */
export function alreadyExists(
  target: Target,
  inputs: ParticipantInputs,
  found: Participant[],
  cause?: unknown,
): Error {
  const ids = found.length > 0 ? ` (id ${found.map((participant) => participant.id).join(", ")})` : "";
  const api = cause === undefined ? "" : ` (${messageOf(cause)})`;
  const how =
    found.length > 1
      ? `${found.length} participants have it; delete the extra ones first`
      : found.length === 1
        ? `it differs from this Participant: ${differences(found[0], inputs)}`
        : "";
  return new Error(
    `Could not create ${target.label}: a participant with customParticipantId ${JSON.stringify(inputs.customParticipantId)} ` +
      `already exists${ids}${api}${how === "" ? "" : `, and ${how}`}. To manage it with Pulumi as declared ` +
      "(it is then updated to the declared fields), set `adopt: true` on this Participant. If this " +
      "is a replacement of the same participant, add the `deleteBeforeReplace: true` resource option; if " +
      "the Participant (or its Roster) was renamed, add the `aliases` resource option with its old name, so " +
      "Pulumi keeps the existing resource instead of creating a new one.",
    { cause },
  );
}

/** `presetName is "a", declared "b"; name is …`: the fields of `existing` that differ from the declaration. */
function differences(existing: Participant, inputs: ParticipantInputs): string {
  const declared = { presetName: inputs.presetName, name: inputs.name ?? "", picture: inputs.picture ?? "" };
  const actual = {
    presetName: existing.presetName,
    name: existing.name ?? "",
    picture: existing.picture ?? "",
  };
  return (["presetName", "name", "picture"] as const)
    .filter((key) => actual[key] !== declared[key])
    .map((key) => `${key} is ${JSON.stringify(actual[key])}, declared ${JSON.stringify(declared[key])}`)
    .join("; ");
}

/** `text` as one single-quoted shell word: nothing in it is expanded or ends the command. */
export function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The meeting holds participants with this resource's `customParticipantId` besides the one in state: a
 * late duplicate of an add whose answer was lost, or one added outside Pulumi. Which to keep is the user's
 * call (another tool may own it), so the message names both and the exact call that deletes the extra.
 */
export function lateDuplicate(target: Target, recordedId: string, extra: Participant[]): Error {
  const base = (target.config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  // Every segment comes from config or the network: encoded as the client would send it, and the whole
  // URL quoted for the shell, so a pasted command can only ever be this one DELETE.
  const segment = encodeURIComponent;
  const url = (id: string) =>
    `${base}/accounts/${segment(target.config.accountId)}/realtime/kit/${segment(target.config.appId)}/` +
    `meetings/${segment(target.meeting.meetingId)}/participants/${segment(id)}`;
  const others = extra
    .map(
      (participant) => `${JSON.stringify(participant.id)} (created ${JSON.stringify(participant.createdAt)})`,
    )
    .join(", ");
  const deletes = extra
    .map(
      (participant) =>
        `curl -X DELETE -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" ${shellQuoted(url(participant.id))}`,
    )
    .join(" ; ");
  return new Error(
    `Could not read ${target.label}: the meeting has ${extra.length + 1} participants with this ` +
      `customParticipantId: ${recordedId} (recorded in this stack's state) and ${others} (not in it), most ` +
      "likely a late duplicate of an add whose answer was lost, or one added outside Pulumi. If nothing " +
      `else manages it, delete the extra one and run \`pulumi refresh\` again: ${deletes}`,
  );
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
  const known = names.length > 0 ? names.join(", ") : "none (the app has no presets)";
  return new Error(`${error.message}; known presets: ${known}`, { cause: error });
}
