/**
 * Participant endpoints: `/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants`.
 * Tokens only come back from add, edit and refresh, never from get or list, as in the real API.
 */
import { randomUUID } from "node:crypto";
import type { ApiContext } from "./context";
import {
  type ApiResponse,
  type Route,
  badRequest,
  isJsonObject,
  isResponse,
  ok,
  pageOf,
  parsePageRequest,
  serviceError,
} from "./http";
import { signParticipantToken } from "./jwt";
import { findMeeting } from "./meetings";
import { now } from "./store";
import type { Json, JsonObject, MeetingRecord, ParticipantRecord } from "./types";
import { type ObjectSchema, validateBody } from "./validation";

const PARTICIPANTS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants";
const PARTICIPANT = `${PARTICIPANTS}/{participant_id}`;

const ADD_BODY: ObjectSchema = {
  type: "object",
  required: ["custom_participant_id", "preset_name"],
  fields: {
    custom_participant_id: { type: "string", nonEmpty: true },
    preset_name: { type: "string", nonEmpty: true },
    name: { type: "string", nullable: true },
    picture: { type: "uri", nullable: true },
  },
};

/** Only these three are editable; `null` clears `name` and `picture` and leaves the preset unchanged. */
const EDIT_BODY: ObjectSchema = {
  type: "object",
  fields: {
    name: { type: "string", nullable: true },
    picture: { type: "uri", nullable: true },
    preset_name: { type: "string", nonEmpty: true, nullable: true },
  },
};

function findParticipant(
  context: ApiContext,
  params: Record<string, string>,
): { meeting: MeetingRecord; participant: ParticipantRecord } | ApiResponse {
  const meeting = findMeeting(context, params);
  if (isResponse(meeting)) return meeting;
  const participant = context.store.participants.get(params.participant_id);
  if (!participant || participant.meeting_id !== meeting.id) {
    return serviceError(404, `No participant found with id ${params.participant_id}`);
  }
  return { meeting, participant };
}

function participantJson(context: ApiContext, participant: ParticipantRecord): JsonObject {
  return {
    id: participant.id,
    name: participant.name,
    picture: participant.picture,
    custom_participant_id: participant.custom_participant_id,
    preset_name: context.store.presets.get(participant.preset_id)?.name ?? "",
    created_at: participant.created_at,
    updated_at: participant.updated_at,
  };
}

function mintToken(context: ApiContext, participant: ParticipantRecord): string {
  participant.tokens_issued += 1;
  const subject = {
    participantId: participant.id,
    meetingId: participant.meeting_id,
    appId: participant.app_id,
    presetId: participant.preset_id,
  };
  const { tokenTtlSeconds, tokenIssuedSecondsAgo } = context.settings;
  return signParticipantToken(subject, tokenTtlSeconds, context.store.jwtSecret, tokenIssuedSecondsAgo);
}

function withToken(context: ApiContext, participant: ParticipantRecord): Json {
  return { ...participantJson(context, participant), token: mintToken(context, participant) };
}

function addParticipant(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const meeting = findMeeting(context, params);
  if (isResponse(meeting)) return meeting;
  const problem = validateBody(body, ADD_BODY);
  if (problem) return badRequest(problem);
  const fields = body as Record<string, Json>;
  const presetName = fields.preset_name as string;
  const customId = fields.custom_participant_id as string;
  const preset = context.store.presetByName(params.app_id, presetName);
  if (!preset) return badRequest(`No preset found with name ${presetName}`);
  const duplicate = context.store
    .participantsOf(meeting.id)
    .some((p) => p.custom_participant_id === customId);
  if (duplicate && context.settings.duplicateCustomParticipantId === "reject") {
    return serviceError(
      409,
      `Participant with custom_participant_id ${customId} already exists in this meeting`,
    );
  }
  const timestamp = now();
  const participant: ParticipantRecord = {
    id: randomUUID(),
    app_id: params.app_id,
    meeting_id: meeting.id,
    custom_participant_id: customId,
    preset_id: preset.id,
    name: (fields.name as string | null | undefined) ?? null,
    picture: (fields.picture as string | null | undefined) ?? null,
    created_at: timestamp,
    updated_at: timestamp,
    tokens_issued: 0,
  };
  context.store.participants.set(participant.id, participant);
  return ok(withToken(context, participant), 201);
}

function listParticipants(context: ApiContext, params: Record<string, string>, query: URLSearchParams) {
  const meeting = findMeeting(context, params);
  if (isResponse(meeting)) return meeting;
  const page = parsePageRequest(query);
  if (isResponse(page)) return page;
  const participants = context.store.participantsOf(meeting.id);
  return pageOf(participants, page, (participant) => participantJson(context, participant));
}

function getParticipant(context: ApiContext, params: Record<string, string>) {
  const found = findParticipant(context, params);
  if (isResponse(found)) return found;
  return ok(participantJson(context, found.participant));
}

function editParticipant(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const found = findParticipant(context, params);
  if (isResponse(found)) return found;
  const problem = validateBody(body, EDIT_BODY);
  if (problem) return badRequest(problem);
  const patch = isJsonObject(body) ? body : {};
  const participant = found.participant;
  if (typeof patch.preset_name === "string") {
    const preset = context.store.presetByName(params.app_id, patch.preset_name);
    if (!preset) return badRequest(`No preset found with name ${patch.preset_name}`);
    participant.preset_id = preset.id;
  }
  if (patch.name !== undefined) participant.name = patch.name as string | null;
  if (patch.picture !== undefined) participant.picture = patch.picture as string | null;
  participant.updated_at = now();
  return ok(withToken(context, participant));
}

function deleteParticipant(context: ApiContext, params: Record<string, string>) {
  const found = findParticipant(context, params);
  if (isResponse(found)) return found;
  const participant = found.participant;
  context.store.participants.delete(participant.id);
  return ok({
    created_at: participant.created_at,
    custom_participant_id: participant.custom_participant_id,
    preset_id: participant.preset_id,
    updated_at: participant.updated_at,
  });
}

function refreshToken(context: ApiContext, params: Record<string, string>) {
  const found = findParticipant(context, params);
  if (isResponse(found)) return found;
  return ok({ token: mintToken(context, found.participant) });
}

/** The participant routes. */
export const participantRoutes: Route<ApiContext>[] = [
  { method: "POST", template: PARTICIPANTS, handle: (r, c) => addParticipant(c, r.params, r.body) },
  { method: "GET", template: PARTICIPANTS, handle: (r, c) => listParticipants(c, r.params, r.query) },
  { method: "GET", template: PARTICIPANT, handle: (r, c) => getParticipant(c, r.params) },
  { method: "PATCH", template: PARTICIPANT, handle: (r, c) => editParticipant(c, r.params, r.body) },
  { method: "DELETE", template: PARTICIPANT, handle: (r, c) => deleteParticipant(c, r.params) },
  { method: "POST", template: `${PARTICIPANT}/token`, handle: (r, c) => refreshToken(c, r.params) },
];
