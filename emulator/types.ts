/**
 * Public types of the RealtimeKit emulator: how to start it, what a running one offers, and the control
 * surface used by tests (fault injection, rate limit, counters, reset, snapshots).
 */

/** What duplicate `custom_participant_id`s in one meeting do: the real API's behaviour is unknown. */
export type DuplicatePolicy = "allow" | "reject";

/** A fixed-window global rate limit: past `requests` in one `windowMs`, every API call gets 429. */
export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** A time source: milliseconds since some fixed point. */
export interface EmulatorClock {
  now(): number;
}

/** Options of `startEmulator`. Every field is optional; ids and the API token are random per start. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free ephemeral port. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** The Bearer token every API request must carry (default: random, or the one in `stateFile`). */
  apiToken?: string;
  /** The one known account, 32 lowercase hex characters (default: random, or the one in `stateFile`). */
  accountId?: string;
  /** The seeded app's id, a uuid (default: random, or the one in `stateFile`). */
  appId?: string;
  /** Lifetime of participant tokens, the JWT `exp` minus `iat` (default 86400 = 24 h). */
  tokenTtlSeconds?: number;
  /** Duplicate `custom_participant_id` in one meeting: `allow` (default) creates another, `reject` is 409. */
  duplicateCustomParticipantId?: DuplicatePolicy;
  /** Optional global rate limit (default none). */
  rateLimit?: RateLimit | null;
  /** Settings in force at start and after every reset (`tokenTtlSeconds` and the duplicate policy above win). */
  settings?: EmulatorSettings;
  /**
   * Time source of the rate-limit window (default real time), so tests move time instead of waiting.
   * Token `iat`/`exp` and record timestamps stay on real time: clients check tokens against their own clock.
   */
  clock?: EmulatorClock;
  /** JSON file loaded on start when present and rewritten after every mutation, to survive restarts. */
  stateFile?: string;
  /** Receives one line per API request (method, path, status, duration); never headers or bodies. */
  log?: (line: string) => void;
}

/** Settings that can be changed while the emulator runs; see emulator/settings.ts for the defaults. */
export interface EmulatorSettings {
  tokenTtlSeconds?: number;
  /**
   * Mint tokens as if issued this many seconds ago (default 0): same lifetime, earlier `iat` and `exp`, so a
   * test sees tokens that time has brought close to expiry without waiting.
   */
  tokenIssuedSecondsAgo?: number;
  duplicateCustomParticipantId?: DuplicatePolicy;
  /**
   * A preset or webhook `name` already used in the app (on create, rename or replace): `reject` (default,
   * as reported against the live API) answers 409; `allow` creates another of the same name.
   */
  duplicateNames?: DuplicatePolicy;
  /** The webhook list of an app with none: `not-found` (default, as reported) answers 404; `empty` is `[]`. */
  emptyWebhookList?: "not-found" | "empty";
  /**
   * What a webhook PUT answers: `partial` (default, as reported) echoes only `id`, `name` and `url`;
   * `whole` answers the whole webhook.
   */
  webhookPutAnswer?: "partial" | "whole";
  /**
   * What a preset PATCH answers: `whole` (default, as the official SDK types say) or `without-id`, the
   * preset without its `id`, as one client reports of the live API.
   */
  presetPatchAnswer?: "whole" | "without-id";
  /**
   * Whether the server fills in preset fields the client did not send (default true, as the live API
   * does): `config.media.video.simulcast` and `config.media.audio`.
   */
  serverAddedFields?: boolean;
  /**
   * DELETE of a preset that a participant of the app still uses: `reject` (default) answers 409; `allow`
   * deletes it, and those participants then show an empty `preset_name`.
   */
  presetInUse?: DuplicatePolicy;
  /**
   * A meeting read's `recording_config.storage_config`: `omit` (default, the credentials are write-only)
   * leaves out `access_key` and `secret`; `answer` returns them as stored, as an API might.
   */
  storageCredentialsOnRead?: "omit" | "answer";
}

/**
 * A fault to inject into matching API requests (control-surface requests are never faulted).
 * Without `probability`, it applies to the next `times` matching requests (default 1) and then expires.
 */
export interface FaultSpec {
  /** HTTP method to match (case-insensitive); any method when absent. */
  method?: string;
  /**
   * Matched against the path after `/client/v4` (query excluded): a substring, or, with `*` segments, a
   * glob of the whole path where `*` is one segment and `**` any number (`/**\/participants/*` for one participant).
   * At most 256 characters. No regular expressions: a pattern can never make matching slow.
   */
  path?: string;
  /** Apply to the next N matching requests (default 1). */
  times?: number;
  /** Instead of `times`: each matching request is faulted with this probability, until cleared. */
  probability?: number;
  /**
   * `status` answers `status` without handling the request; `latency` waits `latencyMs` then handles it
   * normally; `drop` destroys the socket without any response; `persist-then-500` handles the request
   * (a create really creates) and then answers 500.
   */
  kind: "status" | "latency" | "drop" | "persist-then-500";
  /** For `status`: the status to answer, e.g. 500, 503 or 429. */
  status?: number;
  /** Sent as `Retry-After` with an injected 429. */
  retryAfterSeconds?: number;
  /** For `latency`: the delay before the request is handled. */
  latencyMs?: number;
}

/** Request counts since the last reset. Control-surface requests are not counted. */
export interface RequestCounters {
  total: number;
  /** Non-GET API requests. */
  mutating: number;
  byMethod: Record<string, number>;
  /**
   * Keyed `METHOD /template`, e.g. `POST /accounts/{account_id}/realtime/kit/{app_id}/meetings`; requests
   * that match no route count under `METHOD (unmatched)`. Faulted, rate-limited and refused requests count.
   */
  byRoute: Record<string, number>;
}

/** A JSON-able dump of the emulator's data, for test assertions. */
export interface EmulatorSnapshot {
  accountId: string;
  appId: string;
  apps: AppRecord[];
  presets: PresetRecord[];
  webhooks: WebhookRecord[];
  meetings: MeetingRecord[];
  participants: ParticipantRecord[];
}

/** In-process equivalent of the HTTP control surface under `/__emulator/`. */
export interface EmulatorControl {
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  setRateLimit(limit: RateLimit | null): void;
  setSettings(settings: EmulatorSettings): void;
  counters(): RequestCounters;
  resetCounters(): void;
  /**
   * Back to the seeded state: only the seeded app and its presets, no meetings or participants; clears
   * faults, counters and the rate-limit window, and restores the settings and rate limit given at start.
   */
  reset(): void;
  snapshot(): EmulatorSnapshot;
}

/** A started emulator. */
export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:PORT/client/v4`: what any RealtimeKit client takes as its base URL. */
  baseUrl: string;
  /** e.g. `http://127.0.0.1:PORT`: the control surface lives at `${origin}/__emulator/`. */
  origin: string;
  accountId: string;
  appId: string;
  apiToken: string;
  control: EmulatorControl;
  /** Stops listening, ends open connections and pending delayed requests. */
  close(): Promise<void>;
}

// ------------------------------------------------------------------------------------------ stored records

/** A JSON value, as stored and as parsed from request bodies. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** An app (the former Dyte organization). */
export interface AppRecord {
  id: string;
  name: string;
  created_at: string;
}

/** A preset, stored whole; the list endpoint returns slim rows. */
export interface PresetRecord {
  id: string;
  app_id: string;
  name: string;
  created_at: string;
  updated_at: string;
  config: JsonObject;
  permissions: JsonObject;
  ui: JsonObject;
}

/** A webhook, as stored and answered (without `app_id`). */
export interface WebhookRecord {
  id: string;
  app_id: string;
  name: string;
  url: string;
  events: string[];
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

/** A meeting as stored, including the write-only storage credentials that responses never show. */
export interface MeetingRecord {
  id: string;
  app_id: string;
  created_at: string;
  updated_at: string;
  status: "ACTIVE" | "INACTIVE";
  /** The writable fields (title, record_on_start, …, ai_config, recording_config), in wire form. */
  fields: JsonObject;
}

/** A participant as stored; `tokens_issued` counts add, edit and refresh calls that minted a token. */
export interface ParticipantRecord {
  id: string;
  app_id: string;
  meeting_id: string;
  custom_participant_id: string;
  preset_id: string;
  name: string | null;
  picture: string | null;
  created_at: string;
  updated_at: string;
  tokens_issued: number;
}
