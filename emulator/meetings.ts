/**
 * Meeting endpoints: `/accounts/{account_id}/realtime/kit/{app_id}/meetings`. There is no DELETE (the
 * real API has none; "deleting" a meeting is `PATCH {status: "INACTIVE"}`), so a DELETE is an unknown route.
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
import { now } from "./store";
import type { Json, JsonObject, MeetingRecord } from "./types";
import { type ObjectSchema, type Schema, isUuid, validateBody } from "./validation";

const MEETINGS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings";
const MEETING = `${MEETINGS}/{meeting_id}`;

const STATUS_VALUES = ["ACTIVE", "INACTIVE"] as const;

const AI_CONFIG: Schema = {
  type: "object",
  nullable: true,
  fields: {
    summarization: {
      type: "object",
      fields: {
        summary_type: {
          type: "enum",
          values: [
            "general",
            "team_meeting",
            "sales_call",
            "client_check_in",
            "interview",
            "daily_standup",
            "one_on_one_meeting",
            "lecture",
            "code_review",
          ],
        },
        text_format: { type: "enum", values: ["plain_text", "markdown"] },
        word_limit: { type: "number", integer: true, min: 150, max: 1000 },
      },
    },
    transcription: {
      type: "object",
      fields: {
        keywords: { type: "array", items: { type: "string" } },
        language: {
          type: "enum",
          values: ["en-US", "en-IN", "de", "hi", "sv", "ru", "pl", "el", "fr", "nl"],
        },
        profanity_filter: { type: "boolean" },
      },
    },
  },
};

const POSITIVE_INTEGER: Schema = { type: "number", integer: true, min: 1 };

const RECORDING_CONFIG: Schema = {
  type: "object",
  nullable: true,
  fields: {
    max_seconds: { type: "number", min: 60, max: 86400 },
    file_name_prefix: { type: "string", nullable: true },
    video_config: {
      type: "object",
      fields: {
        codec: { type: "enum", values: ["H264", "VP8"] },
        width: { type: "number", integer: true, min: 1, max: 1920 },
        height: { type: "number", integer: true, min: 1, max: 1920 },
        export_file: { type: "boolean" },
        watermark: {
          type: "object",
          fields: {
            url: { type: "uri" },
            size: { type: "object", fields: { width: POSITIVE_INTEGER, height: POSITIVE_INTEGER } },
            position: { type: "enum", values: ["left top", "right top", "left bottom", "right bottom"] },
          },
        },
      },
    },
    audio_config: {
      type: "object",
      fields: {
        codec: { type: "enum", values: ["MP3", "AAC"] },
        channel: { type: "enum", values: ["mono", "stereo"] },
        export_file: { type: "boolean" },
      },
    },
    storage_config: {
      type: "object",
      nullable: true,
      required: ["type"],
      fields: {
        type: { type: "enum", values: ["aws", "azure", "digitalocean", "gcs", "sftp"] },
        access_key: { type: "string" },
        secret: { type: "string" },
        bucket: { type: "string" },
        region: { type: "string" },
        path: { type: "string" },
        auth_method: { type: "enum", values: ["KEY", "PASSWORD"] },
        username: { type: "string" },
        password: { type: "string" },
        host: { type: "string" },
        port: { type: "number", integer: true, min: 1, max: 65535 },
        private_key: { type: "string" },
      },
    },
    realtimekit_bucket_config: {
      type: "object",
      required: ["enabled"],
      fields: { enabled: { type: "boolean" } },
    },
    live_streaming_config: { type: "object", fields: { rtmp_url: { type: "uri" } } },
  },
};

const CREATE_FIELDS: Record<string, Schema> = {
  title: { type: "string", nullable: true },
  record_on_start: { type: "boolean", nullable: true },
  live_stream_on_start: { type: "boolean", nullable: true },
  persist_chat: { type: "boolean" },
  summarize_on_end: { type: "boolean" },
  transcribe_on_end: { type: "boolean" },
  session_keep_alive_time_in_secs: { type: "number", min: 60, max: 600 },
  ai_config: AI_CONFIG,
  recording_config: RECORDING_CONFIG,
};

/** POST and PUT take the same body, without `status`. */
const CREATE_BODY: ObjectSchema = { type: "object", fields: CREATE_FIELDS };

/** PATCH adds `status`, and its title and start flags are not nullable (as the official SDK types them). */
const UPDATE_BODY: ObjectSchema = {
  type: "object",
  fields: {
    ...CREATE_FIELDS,
    title: { type: "string" },
    record_on_start: { type: "boolean" },
    live_stream_on_start: { type: "boolean" },
    status: { type: "enum", values: STATUS_VALUES },
  },
};

/** The value of every writable field when a create or replace omits it. */
function defaultFields(): JsonObject {
  return {
    title: null,
    record_on_start: false,
    live_stream_on_start: false,
    persist_chat: false,
    summarize_on_end: false,
    transcribe_on_end: false,
    session_keep_alive_time_in_secs: 60,
    ai_config: {
      summarization: { summary_type: "general", text_format: "markdown", word_limit: 500 },
      transcription: { keywords: [], language: "en-US", profanity_filter: false },
    },
    recording_config: {
      video_config: { codec: "H264", width: 1280, height: 720, export_file: true },
      audio_config: { codec: "AAC", channel: "stereo", export_file: true },
      storage_config: null,
      realtimekit_bucket_config: { enabled: true },
    },
  };
}

/** Nested objects merge key by key; arrays, scalars and null replace. */
function mergeDeep(base: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] =
      isJsonObject(value) && isJsonObject(current) ? mergeDeep(current, value) : structuredClone(value);
  }
  return merged;
}

/** Finds the path's meeting: 400 for a meeting id that is not a uuid, 404 for an unknown one. */
export function findMeeting(
  context: ApiContext,
  params: Record<string, string>,
): MeetingRecord | ApiResponse {
  const meetingId = params.meeting_id;
  if (!isUuid(meetingId)) return badRequest(`"meeting_id" must be a valid GUID`);
  const meeting = context.store.meeting(params.app_id, meetingId);
  return meeting ?? serviceError(404, `No meeting found with id ${meetingId}`);
}

/**
 * The storage credentials are write-only: stored, never answered, unless the setting
 * `storageCredentialsOnRead` is `answer` (so a client's handling of a record that carries them is testable).
 */
function withoutWriteOnly(context: ApiContext, recordingConfig: Json): Json {
  if (context.settings.storageCredentialsOnRead === "answer") return recordingConfig;
  if (!isJsonObject(recordingConfig) || !isJsonObject(recordingConfig.storage_config)) return recordingConfig;
  const storage = { ...recordingConfig.storage_config };
  delete storage.access_key;
  delete storage.secret;
  return { ...recordingConfig, storage_config: storage };
}

function meetingJson(context: ApiContext, meeting: MeetingRecord, includeAiConfig = true): Json {
  const { ai_config: aiConfig, recording_config: recordingConfig, ...scalars } = meeting.fields;
  return {
    id: meeting.id,
    ...scalars,
    status: meeting.status,
    created_at: meeting.created_at,
    updated_at: meeting.updated_at,
    ...(includeAiConfig ? { ai_config: aiConfig ?? null } : {}),
    recording_config: withoutWriteOnly(context, recordingConfig ?? null),
  };
}

function createMeeting(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const problem = validateBody(body, CREATE_BODY);
  if (problem) return badRequest(problem);
  const timestamp = now();
  const meeting: MeetingRecord = {
    id: randomUUID(),
    app_id: params.app_id,
    created_at: timestamp,
    updated_at: timestamp,
    status: "ACTIVE",
    fields: mergeDeep(defaultFields(), isJsonObject(body) ? body : {}),
  };
  context.store.meetings.set(meeting.id, meeting);
  return ok(meetingJson(context, meeting), 201);
}

function listMeetings(context: ApiContext, params: Record<string, string>, query: URLSearchParams) {
  const page = parsePageRequest(query);
  if (isResponse(page)) return page;
  const status = query.get("status");
  if (status && !(STATUS_VALUES as readonly string[]).includes(status)) {
    return badRequest(`"status" must be one of [${STATUS_VALUES.join(", ")}]`);
  }
  const bounds: Record<string, number> = {};
  for (const name of ["start_time", "end_time"]) {
    const raw = query.get(name);
    if (!raw) continue;
    const time = Date.parse(raw);
    if (Number.isNaN(time)) return badRequest(`"${name}" must be a valid date`);
    bounds[name] = time;
  }
  const search = query.get("search")?.toLowerCase();
  const meetings = [...context.store.meetings.values()].filter((meeting) => {
    const created = Date.parse(meeting.created_at);
    const title = typeof meeting.fields.title === "string" ? meeting.fields.title.toLowerCase() : "";
    return (
      meeting.app_id === params.app_id &&
      (!status || meeting.status === status) &&
      (bounds.start_time === undefined || created >= bounds.start_time) &&
      (bounds.end_time === undefined || created <= bounds.end_time) &&
      (!search || meeting.id.includes(search) || title.includes(search))
    );
  });
  return pageOf(meetings, page, (meeting) => meetingJson(context, meeting, false));
}

function getMeeting(context: ApiContext, params: Record<string, string>) {
  const meeting = findMeeting(context, params);
  return isResponse(meeting) ? meeting : ok(meetingJson(context, meeting));
}

function updateMeeting(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const meeting = findMeeting(context, params);
  if (isResponse(meeting)) return meeting;
  const problem = validateBody(body, UPDATE_BODY);
  if (problem) return badRequest(problem);
  const { status, ...fields } = isJsonObject(body) ? body : {};
  if (status === "ACTIVE" || status === "INACTIVE") meeting.status = status;
  meeting.fields = mergeDeep(meeting.fields, fields);
  meeting.updated_at = now();
  return ok(meetingJson(context, meeting));
}

function replaceMeeting(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const meeting = findMeeting(context, params);
  if (isResponse(meeting)) return meeting;
  const problem = validateBody(body, CREATE_BODY);
  if (problem) return badRequest(problem);
  meeting.fields = mergeDeep(defaultFields(), isJsonObject(body) ? body : {});
  meeting.updated_at = now();
  return ok(meetingJson(context, meeting));
}

/** The meeting routes. */
export const meetingRoutes: Route<ApiContext>[] = [
  { method: "POST", template: MEETINGS, handle: (r, c) => createMeeting(c, r.params, r.body) },
  { method: "GET", template: MEETINGS, handle: (r, c) => listMeetings(c, r.params, r.query) },
  { method: "GET", template: MEETING, handle: (r, c) => getMeeting(c, r.params) },
  { method: "PATCH", template: MEETING, handle: (r, c) => updateMeeting(c, r.params, r.body) },
  { method: "PUT", template: MEETING, handle: (r, c) => replaceMeeting(c, r.params, r.body) },
];
