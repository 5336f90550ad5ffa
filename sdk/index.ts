/**
 * `pulumi-realtimekit/sdk`: a typed client for the Cloudflare RealtimeKit REST API. camelCase in and out;
 * errors are {@link RealtimeKitError}s with one message format and no secrets in them.
 */
export { RealtimeKitClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS } from "./client";
export type { RealtimeKitClientOptions } from "./client";
export {
  RealtimeKitError,
  ApiError,
  ValidationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ConnectionError,
  TimeoutError,
  isOutcomeUnknown,
} from "./errors";
export { fromNetwork } from "./redaction";
export { DEFAULT_RETRY } from "./retry";
export type { RetryOptions, HttpMethod } from "./retry";
export { DEFAULT_RATE_LIMIT } from "./pacing";
export type { RateLimitOptions, Clock } from "./pacing";
export type { Participants } from "./participants";
export type { Meetings } from "./meetings";
export type { Presets } from "./presets";
export type { Apps } from "./apps";
export type { Webhooks } from "./webhooks";
export {
  VIDEO_QUALITIES,
  VIEW_TYPES,
  PRODUCE_PERMISSIONS,
  RECORDER_TYPES,
  WAITING_ROOM_TYPES,
  PLUGIN_ACCESS_CONTROLS,
  BORDER_RADII,
  BORDER_WIDTHS,
  THEMES,
} from "./preset-types";
export type {
  Preset,
  PresetInput,
  PresetPatch,
  PresetSummary,
  PresetListOptions,
  PresetConfig,
  PresetPermissions,
  PresetUi,
  PluginConfig,
  DeepPartial,
  VideoQuality,
  ViewType,
  ProducePermission,
  RecorderType,
  WaitingRoomType,
  PluginAccessControl,
  BorderRadius,
  BorderWidth,
  Theme,
} from "./preset-types";
export { WEBHOOK_EVENTS } from "./webhook-types";
export type { Webhook, WebhookInput, WebhookPatch, WebhookEvent } from "./webhook-types";
export type {
  Participant,
  ParticipantWithToken,
  AddParticipantInput,
  EditParticipantInput,
  DeletedParticipant,
  Paging,
  Page,
  PageOptions,
  Meeting,
  MeetingInput,
  MeetingPatch,
  MeetingStatus,
  MeetingListOptions,
  AiConfig,
  RecordingConfig,
  StorageConfig,
  App,
  AppListOptions,
} from "./types";
