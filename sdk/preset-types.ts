/**
 * Domain (camelCase) shapes of presets, and the value lists of their enums as data, so that resource
 * descriptions check inputs against the same lists these types are built from. Field lists follow
 * Cloudflare's official SDKs (`realtime-kit` presets, June 2026 spec).
 */
import { fromWire, toWire, type PageOptions } from "./types";

// ---------------------------------------------------------------------------------------------- enums

/** `config.media.video.quality` and `config.media.screenshare.quality`. */
export const VIDEO_QUALITIES = ["hd", "vga", "qvga", "fhd", "uhd"] as const;
/** `config.viewType`. */
export const VIEW_TYPES = ["GROUP_CALL", "WEBINAR", "AUDIO_ROOM", "LIVESTREAM"] as const;
/** `permissions.media.{audio,video,screenshare}.canProduce` and `permissions.stageAccess`. */
export const PRODUCE_PERMISSIONS = ["ALLOWED", "NOT_ALLOWED", "CAN_REQUEST"] as const;
/** `permissions.recorderType`. */
export const RECORDER_TYPES = ["RECORDER", "LIVESTREAMER", "NONE"] as const;
/** `permissions.waitingRoomType`. */
export const WAITING_ROOM_TYPES = ["SKIP", "ON_PRIVILEGED_USER_ENTRY", "SKIP_ON_ACCEPT"] as const;
/** `permissions.plugins.config.<pluginId>.accessControl`. */
export const PLUGIN_ACCESS_CONTROLS = ["FULL_ACCESS", "VIEW_ONLY"] as const;
/** `ui.designTokens.borderRadius`. */
export const BORDER_RADII = ["sharp", "rounded", "extra-rounded", "circular"] as const;
/** `ui.designTokens.borderWidth`. */
export const BORDER_WIDTHS = ["none", "thin", "fat"] as const;
/** `ui.designTokens.theme`. */
export const THEMES = ["darkest", "dark", "light"] as const;

export type VideoQuality = (typeof VIDEO_QUALITIES)[number];
export type ViewType = (typeof VIEW_TYPES)[number];
export type ProducePermission = (typeof PRODUCE_PERMISSIONS)[number];
export type RecorderType = (typeof RECORDER_TYPES)[number];
export type WaitingRoomType = (typeof WAITING_ROOM_TYPES)[number];
export type PluginAccessControl = (typeof PLUGIN_ACCESS_CONTROLS)[number];
export type BorderRadius = (typeof BORDER_RADII)[number];
export type BorderWidth = (typeof BORDER_WIDTHS)[number];
export type Theme = (typeof THEMES)[number];

// ---------------------------------------------------------------------------------------------- presets

export interface PresetConfig {
  maxScreenshareCount: number;
  maxVideoStreams: { desktop: number; mobile: number };
  media: {
    screenshare: { frameRate: number; quality: VideoQuality };
    video: { frameRate: number; quality: VideoQuality; simulcast?: boolean };
    audio?: { enableHighBitrate?: boolean; enableStereo?: boolean };
  };
  viewType: ViewType;
  livestreamViewerQualities?: number[] | null;
}

/** One plugin's settings; keys beyond the two known ones are passed through. */
export interface PluginConfig {
  accessControl?: PluginAccessControl;
  handlesViewOnly?: boolean;
  [key: string]: unknown;
}

export interface PresetPermissions {
  acceptWaitingRequests: boolean;
  canAcceptProductionRequests: boolean;
  canChangeParticipantPermissions: boolean;
  canEditDisplayName: boolean;
  canLivestream: boolean;
  canRecord: boolean;
  canSpotlight: boolean;
  disableParticipantAudio: boolean;
  disableParticipantScreensharing: boolean;
  disableParticipantVideo: boolean;
  hiddenParticipant: boolean;
  kickParticipant: boolean;
  pinParticipant: boolean;
  showParticipantList: boolean;
  chat: {
    private: { canReceive: boolean; canSend: boolean; files: boolean; text: boolean };
    public: { canSend: boolean; files: boolean; text: boolean };
  };
  connectedMeetings: {
    canAlterConnectedMeetings: boolean;
    canSwitchConnectedMeetings: boolean;
    canSwitchToParentMeeting: boolean;
  };
  media: {
    audio: { canProduce: ProducePermission };
    video: { canProduce: ProducePermission };
    screenshare: { canProduce: ProducePermission };
  };
  plugins: {
    canClose: boolean;
    canEditConfig: boolean;
    canStart: boolean;
    /** Keyed by plugin id; the ids are sent as given (never case-converted). */
    config: Record<string, PluginConfig>;
  };
  polls: { canCreate: boolean; canView: boolean; canVote: boolean };
  recorderType: RecorderType;
  waitingRoomType: WaitingRoomType;
  acceptStageRequests?: boolean;
  isRecorder?: boolean;
  stageAccess?: ProducePermission;
  stageEnabled?: boolean;
  transcriptionEnabled?: boolean;
}

export interface PresetUi {
  designTokens: {
    borderRadius: BorderRadius;
    borderWidth: BorderWidth;
    spacingBase: number;
    theme: Theme;
    colors: {
      background: { "600": string; "700": string; "800": string; "900": string; "1000": string };
      brand: { "300": string; "400": string; "500": string; "600": string; "700": string };
      danger: string;
      success: string;
      text: string;
      textOnBrand: string;
      videoBg: string;
      warning: string;
    };
    fontFamily?: string;
    googleFont?: string;
    logo?: string;
  };
}

/** What create and replace take: every section is required by the API. */
export interface PresetInput {
  name: string;
  config: PresetConfig;
  permissions: PresetPermissions;
  ui: PresetUi;
}

/** Every field optional at every depth (plugin configs and arrays are sent whole). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** What update (PATCH) takes: only the fields to change, at any depth; the server merges the rest. */
export type PresetPatch = DeepPartial<PresetInput>;

/**
 * A whole preset, as get, create, update and delete answer it. The server may add fields the client
 * never sent (`config.media.video.simulcast`, for one): they are passed through, camelCased.
 */
export interface Preset extends PresetInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A row of the preset list: the list never carries config, permissions or ui. */
export interface PresetSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface PresetListOptions extends PageOptions {
  /** Matches the preset name. */
  search?: string;
}

// Keys of these objects are data (plugin ids), not field names: they cross the wire unchanged.
const VERBATIM_KEYS = ["permissions.plugins.config"];

/** A preset body (whole or partial) in wire form. */
export function toWirePreset(input: PresetInput | PresetPatch): Record<string, unknown> {
  return toWire(input, VERBATIM_KEYS) as Record<string, unknown>;
}

/** A preset from the wire; fields the client does not know are kept. */
export function toPreset(wire: Record<string, unknown>): Preset {
  return fromWire(wire, VERBATIM_KEYS) as Preset;
}

export function toPresetSummary(wire: Record<string, unknown>): PresetSummary {
  return {
    id: String(wire.id),
    name: String(wire.name),
    createdAt: String(wire.created_at),
    updatedAt: String(wire.updated_at),
  };
}

/** Whether an answer carries a whole preset (a PATCH answer has been reported to omit some of it). */
export function isWholePreset(wire: Record<string, unknown>): boolean {
  return ["id", "name", "config", "permissions", "ui"].every((key) => wire[key] !== undefined);
}
