/**
 * Domain (camelCase) and wire (snake_case) shapes of RealtimeKit objects, and the one pair of mappers for
 * each. Snake_case exists only in this file: everything else in the package speaks camelCase.
 */
import { dropUndefined } from "./values";

// ---------------------------------------------------------------------------------------------- participants

/** A participant as returned by get and list: the API never returns a token here. */
export interface Participant {
  id: string;
  customParticipantId: string;
  presetName: string;
  name: string | null;
  picture: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A participant as returned by add and edit, which also mint a join token (a JWT). */
export interface ParticipantWithToken extends Participant {
  token: string;
}

export interface AddParticipantInput {
  customParticipantId: string;
  presetName: string;
  /** Always sent (as `""` when absent): tokens minted without a name are reported to fail to join. */
  name?: string | null;
  picture?: string | null;
}

/** Only these fields are editable; `null` is sent as-is. */
export interface EditParticipantInput {
  name?: string | null;
  picture?: string | null;
  presetName?: string | null;
}

/** What DELETE answers: note `presetId`, not `presetName`, and no participant id. */
export interface DeletedParticipant {
  customParticipantId: string;
  presetId: string;
  createdAt: string;
  updatedAt: string;
}

export interface WireParticipant {
  id: string;
  custom_participant_id: string;
  preset_name: string;
  name?: string | null;
  picture?: string | null;
  created_at: string;
  updated_at: string;
}

export interface WireParticipantWithToken extends WireParticipant {
  token: string;
}

export interface WireDeletedParticipant {
  custom_participant_id: string;
  preset_id: string;
  created_at: string;
  updated_at: string;
}

export function toParticipant(wire: WireParticipant): Participant {
  return {
    id: wire.id,
    customParticipantId: wire.custom_participant_id,
    presetName: wire.preset_name,
    name: wire.name ?? null,
    picture: wire.picture ?? null,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

export function toParticipantWithToken(wire: WireParticipantWithToken): ParticipantWithToken {
  return { ...toParticipant(wire), token: wire.token };
}

export function toDeletedParticipant(wire: WireDeletedParticipant): DeletedParticipant {
  return {
    customParticipantId: wire.custom_participant_id,
    presetId: wire.preset_id,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

export function toWireAddParticipant(input: AddParticipantInput): Record<string, unknown> {
  return {
    custom_participant_id: input.customParticipantId,
    preset_name: input.presetName,
    name: input.name ?? "",
    ...(input.picture !== undefined ? { picture: input.picture } : {}),
  };
}

export function toWireEditParticipant(patch: EditParticipantInput): Record<string, unknown> {
  return dropUndefined({ name: patch.name, picture: patch.picture, preset_name: patch.presetName });
}

// ---------------------------------------------------------------------------------------------- paging

export interface Paging {
  totalCount: number;
  /** 1-based, inclusive. */
  startOffset: number;
  /** 1-based, inclusive. */
  endOffset: number;
}

export interface WirePaging {
  total_count: number;
  start_offset: number;
  end_offset: number;
}

export interface Page<T> {
  items: T[];
  paging: Paging;
}

export interface PageOptions {
  /** 1-based page number (default 1). */
  pageNo?: number;
  /** Page size (default 100). */
  perPage?: number;
}

export function toPaging(wire: WirePaging): Paging {
  return { totalCount: wire.total_count, startOffset: wire.start_offset, endOffset: wire.end_offset };
}

// ---------------------------------------------------------------------------------------------- meetings

export type MeetingStatus = "ACTIVE" | "INACTIVE";

export interface AiConfig {
  summarization?: {
    summaryType?: string;
    textFormat?: "plain_text" | "markdown";
    wordLimit?: number;
  };
  transcription?: {
    keywords?: string[];
    language?: string;
    profanityFilter?: boolean;
  };
}

export interface StorageConfig {
  type: "aws" | "azure" | "digitalocean" | "gcs" | "sftp";
  /** Write-only: the API never returns it. */
  accessKey?: string;
  /** Write-only: the API never returns it. */
  secret?: string;
  bucket?: string;
  region?: string;
  path?: string;
  authMethod?: "KEY" | "PASSWORD";
  username?: string;
  password?: string;
  host?: string;
  port?: number;
  privateKey?: string;
}

export interface RecordingConfig {
  maxSeconds?: number;
  fileNamePrefix?: string;
  videoConfig?: {
    codec?: "H264" | "VP8";
    width?: number;
    height?: number;
    exportFile?: boolean;
    watermark?: {
      url?: string;
      size?: { width: number; height: number };
      position?: "left top" | "right top" | "left bottom" | "right bottom";
    };
  };
  audioConfig?: { codec?: "MP3" | "AAC"; channel?: "mono" | "stereo"; exportFile?: boolean };
  storageConfig?: StorageConfig | null;
  realtimekitBucketConfig?: { enabled: boolean };
  liveStreamingConfig?: { rtmpUrl?: string };
}

/** The writable meeting fields (create, PUT replace; PATCH also takes `status`). */
export interface MeetingInput {
  title?: string | null;
  recordOnStart?: boolean | null;
  liveStreamOnStart?: boolean | null;
  persistChat?: boolean;
  summarizeOnEnd?: boolean;
  transcribeOnEnd?: boolean;
  sessionKeepAliveTimeInSecs?: number;
  aiConfig?: AiConfig;
  recordingConfig?: RecordingConfig;
}

export interface MeetingPatch extends MeetingInput {
  status?: MeetingStatus;
}

export interface Meeting extends MeetingPatch {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingListOptions extends PageOptions {
  /** Matches the meeting id or title. */
  search?: string;
  status?: MeetingStatus;
  /** ISO date-time: meetings created at or after it. */
  startTime?: string;
  /** ISO date-time: meetings created at or before it. */
  endTime?: string;
}

// Meeting bodies are nested; the camel <-> snake conversion is structural, so it is done by key
// rather than by a field-by-field copy that would have to repeat every nested schema above.

/** Converts every key of a JSON-like value from camelCase to snake_case. */
export function toWire(value: unknown): unknown {
  return mapKeys(value, (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

/** Converts every key of a JSON-like value from snake_case to camelCase. */
export function fromWire(value: unknown): unknown {
  return mapKeys(value, (key) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()));
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [rename(k), mapKeys(v, rename)]),
  );
}

export function toMeeting(wire: Record<string, unknown>): Meeting {
  return fromWire(wire) as Meeting;
}

// ---------------------------------------------------------------------------------------------- presets, apps

export interface Preset {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Present on get-by-id only; the list returns slim rows. */
  config?: Record<string, unknown>;
  permissions?: Record<string, unknown>;
  ui?: Record<string, unknown>;
}

export interface App {
  id: string;
  name: string;
  createdAt: string;
}

export interface PresetListOptions extends PageOptions {
  /** Matches the preset name. */
  search?: string;
}

export interface AppListOptions extends PageOptions {
  /** Matches the app name. */
  search?: string;
  sortOrder?: "ASC" | "DESC";
}

export interface WireApp {
  id: string;
  name: string;
  created_at: string;
}

/** Presets are deeply nested; like meetings, they are converted by key. */
export function toPreset(wire: Record<string, unknown>): Preset {
  return fromWire(wire) as Preset;
}

export function toApp(wire: WireApp): App {
  return { id: wire.id, name: wire.name, createdAt: wire.created_at };
}

/** Query parameters in wire form (`pageNo` -> `page_no`); absent options are left out. */
export function toWireQuery(options: object): Record<string, string | number | boolean> {
  return toWire(options) as Record<string, string | number | boolean>;
}
