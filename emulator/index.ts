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
 */
export { startEmulator } from "./server";
export { CONTROL_HEADER } from "./control";
export { verifyParticipantToken } from "./jwt";
export type { ParticipantTokenClaims } from "./jwt";
export { DEFAULT_PER_PAGE, MAX_PER_PAGE } from "./http";
export { DEFAULT_PRESET_NAMES } from "./store";
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
} from "./types";
