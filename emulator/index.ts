/**
 * `pulumi-realtimekit/emulator`: a local RealtimeKit-compatible API for offline use, tests and fault
 * injection. Standalone by design: it imports nothing from `sdk/` (only node built-ins), so the two check
 * each other, and it ships inside the package.
 *
 * Where the real API is undocumented, the emulator chooses (see shared/reference/realtimekit-api.md §7):
 * - wrong or missing Bearer token: 401, v4 gateway shape, code 10000; an account other than its own: 403,
 *   v4 shape, code 9109; an unknown app: 404 `No app found with id …`; an unknown route or method (meeting
 *   DELETE included): 404 `Not Found`; paths outside `/accounts/`: 404, v4 code 7000.
 * - lists: `page_no` 1-based (absent or 0 = 1), `per_page` default 20, silently capped at 100; offsets
 *   1-based inclusive; an empty page (empty list or past the end) has `start_offset` and `end_offset` 0.
 *   Rows come in creation order.
 * - an unknown `preset_name` on add or edit: 400 `No preset found with name …`; a `meeting_id` that is not a
 *   uuid: 400; participants can be added to an INACTIVE meeting.
 * - participant PATCH mints a new token; `null` clears `name`/`picture` and leaves `preset_name` unchanged.
 *   Earlier tokens are not revoked.
 * - meeting PATCH merges nested objects key by key; PUT resets omitted fields to their defaults and keeps
 *   `status`; omitted fields are answered with their defaults (nested ones included).
 * - apps created through the API get the four default presets (the real API probably gives them none).
 * - presets and webhooks are validated as Cloudflare's official SDKs type them: an unknown key at any depth,
 *   an unknown enum value, a missing required section or field answers 400 naming the field by its dotted
 *   wire path (`"permissions.media.video.can_produce" must be one of [...]`); a webhook's `events` must be
 *   non-empty. Preset PATCH merges key by key at every depth (arrays and scalars replace); PUT replaces.
 * - reported of the live API, each a setting with the reported behaviour as default (settings.ts): a
 *   duplicate preset or webhook name answers 409 (`duplicateNames`), the webhook list of an app with none
 *   answers 404 (`emptyWebhookList`), a webhook PUT answers only `id`, `name`, `url` (`webhookPutAnswer`),
 *   a preset PATCH answer without `id` is reported too, but the SDK types have it, so that one is off by
 *   default (`presetPatchAnswer`),
 *   the server adds `config.media.video.simulcast` and `config.media.audio` when left out
 *   (`serverAddedFields`).
 * - DELETE of a preset that participants still use answers 409 (`presetInUse`): the live behaviour is
 *   unknown; refusing is the safer guess, since it leaves no participant with a role that no longer exists,
 *   and it is what makes clients delete participants before their preset (see presets.ts).
 */
export { startEmulator } from "./server";
export { CONTROL_HEADER } from "./control";
export { verifyParticipantToken } from "./jwt";
export type { ParticipantTokenClaims } from "./jwt";
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from "./http";
export { DEFAULT_PRESET_NAMES } from "./store";
export { DEFAULT_SETTINGS } from "./settings";
export type {
  AppRecord,
  DuplicatePolicy,
  EmulatorClock,
  EmulatorControl,
  EmulatorOptions,
  EmulatorSettings,
  EmulatorSnapshot,
  FaultSpec,
  MeetingRecord,
  ParticipantRecord,
  PresetRecord,
  RateLimit,
  RequestCounters,
  RunningEmulator,
  WebhookRecord,
} from "./types";
