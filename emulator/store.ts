/**
 * The emulator's data: one account, its apps with their presets, meetings and participants. Kept in memory
 * and, with a state file, written atomically (temporary file + rename) after every mutation so a restarted
 * emulator comes back with the same credentials, ids and records.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type {
  AppRecord,
  EmulatorSnapshot,
  JsonObject,
  MeetingRecord,
  ParticipantRecord,
  PresetRecord,
} from "./types";

/** The presets every app starts with, as in an app created from the dashboard. */
export const DEFAULT_PRESET_NAMES = [
  "group_call_host",
  "group_call_participant",
  "webinar_presenter",
  "webinar_viewer",
] as const;

/** The state file's content. */
interface PersistedState {
  version: 1;
  apiToken: string;
  accountId: string;
  appId: string;
  jwtSecret: string;
  apps: AppRecord[];
  presets: PresetRecord[];
  meetings: MeetingRecord[];
  participants: ParticipantRecord[];
}

/** Credentials and ids the store is created with; absent ones come from the state file or are random. */
export interface StoreIdentity {
  apiToken?: string;
  accountId?: string;
  appId?: string;
}

/** All records, with the lookups the routes need. */
export class Store {
  readonly apiToken: string;
  readonly accountId: string;
  /** The seeded app. */
  readonly appId: string;
  /** Signs participant tokens; persisted so tokens minted before a restart still verify. */
  readonly jwtSecret: string;
  readonly apps = new Map<string, AppRecord>();
  readonly presets = new Map<string, PresetRecord>();
  readonly meetings = new Map<string, MeetingRecord>();
  readonly participants = new Map<string, ParticipantRecord>();
  private readonly seed: { app: AppRecord; presets: PresetRecord[] };

  private constructor(
    state: PersistedState,
    private readonly stateFile: string | undefined,
  ) {
    this.apiToken = state.apiToken;
    this.accountId = state.accountId;
    this.appId = state.appId;
    this.jwtSecret = state.jwtSecret;
    for (const app of state.apps) this.apps.set(app.id, app);
    for (const preset of state.presets) this.presets.set(preset.id, preset);
    for (const meeting of state.meetings) this.meetings.set(meeting.id, meeting);
    for (const participant of state.participants) this.participants.set(participant.id, participant);
    if (!this.apps.has(this.appId)) this.addApp(this.appId, "Emulated app");
    const seededApp = this.apps.get(this.appId) as AppRecord;
    this.seed = { app: { ...seededApp }, presets: this.presetsOf(this.appId).map((p) => structuredClone(p)) };
  }

  /**
   * Opens the store: loads `stateFile` when it exists, otherwise seeds one app with the default presets.
   * Given credentials and ids win over the file's.
   */
  static open(identity: StoreIdentity, stateFile?: string): Store {
    const loaded = stateFile && existsSync(stateFile) ? readState(stateFile) : undefined;
    const state: PersistedState = {
      version: 1,
      apiToken: identity.apiToken ?? loaded?.apiToken ?? `emu_${randomBytes(20).toString("hex")}`,
      accountId: identity.accountId ?? loaded?.accountId ?? randomBytes(16).toString("hex"),
      appId: identity.appId ?? loaded?.appId ?? randomUUID(),
      jwtSecret: loaded?.jwtSecret ?? randomBytes(32).toString("hex"),
      apps: loaded?.apps ?? [],
      presets: loaded?.presets ?? [],
      meetings: loaded?.meetings ?? [],
      participants: loaded?.participants ?? [],
    };
    const store = new Store(state, stateFile);
    store.persist();
    return store;
  }

  /** Creates an app with the four default presets. */
  addApp(id: string, name: string): AppRecord {
    const app: AppRecord = { id, name, created_at: now() };
    this.apps.set(id, app);
    for (const presetName of DEFAULT_PRESET_NAMES) {
      const preset = defaultPreset(id, presetName);
      this.presets.set(preset.id, preset);
    }
    return app;
  }

  /** The presets of one app, in creation order. */
  presetsOf(appId: string): PresetRecord[] {
    return [...this.presets.values()].filter((preset) => preset.app_id === appId);
  }

  /** The preset of `appId` called `name`, if any. */
  presetByName(appId: string, name: string): PresetRecord | undefined {
    return this.presetsOf(appId).find((preset) => preset.name === name);
  }

  /** The meeting `id` of `appId`, if any. */
  meeting(appId: string, id: string): MeetingRecord | undefined {
    const meeting = this.meetings.get(id);
    return meeting && meeting.app_id === appId ? meeting : undefined;
  }

  /** The participants of one meeting, in creation order. */
  participantsOf(meetingId: string): ParticipantRecord[] {
    return [...this.participants.values()].filter((participant) => participant.meeting_id === meetingId);
  }

  /** Back to the seeded app and its presets, with no meetings or participants. */
  reset(): void {
    this.apps.clear();
    this.presets.clear();
    this.meetings.clear();
    this.participants.clear();
    this.apps.set(this.seed.app.id, { ...this.seed.app });
    for (const preset of this.seed.presets) this.presets.set(preset.id, structuredClone(preset));
    this.persist();
  }

  /** Writes the state file (when there is one) atomically, so a crash never leaves half a file. */
  persist(): void {
    if (!this.stateFile) return;
    const state: PersistedState = {
      version: 1,
      apiToken: this.apiToken,
      accountId: this.accountId,
      appId: this.appId,
      jwtSecret: this.jwtSecret,
      apps: [...this.apps.values()],
      presets: [...this.presets.values()],
      meetings: [...this.meetings.values()],
      participants: [...this.participants.values()],
    };
    const temporary = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(state, null, 2), { mode: 0o600 });
    renameSync(temporary, this.stateFile);
  }

  /** A deep copy of every record. */
  snapshot(): EmulatorSnapshot {
    return structuredClone({
      accountId: this.accountId,
      appId: this.appId,
      apps: [...this.apps.values()],
      presets: [...this.presets.values()],
      meetings: [...this.meetings.values()],
      participants: [...this.participants.values()],
    });
  }
}

function readState(stateFile: string): PersistedState {
  const parsed = JSON.parse(readFileSync(stateFile, "utf8")) as Partial<PersistedState>;
  if (parsed.version !== 1 || typeof parsed.apiToken !== "string" || typeof parsed.jwtSecret !== "string") {
    throw new Error(`Emulator state file ${stateFile} is not a version 1 emulator state`);
  }
  return parsed as PersistedState;
}

/** The current time as the API writes it (ISO 8601, UTC). */
export function now(): string {
  return new Date().toISOString();
}

function defaultPreset(appId: string, name: string): PresetRecord {
  const webinar = name.startsWith("webinar");
  const privileged = name === "group_call_host" || name === "webinar_presenter";
  const timestamp = now();
  const canProduce = privileged || !webinar ? "ALLOWED" : "NOT_ALLOWED";
  const permissions: JsonObject = {
    accept_waiting_requests: privileged,
    can_accept_production_requests: privileged,
    can_change_participant_permissions: privileged,
    can_edit_display_name: true,
    can_livestream: privileged,
    can_record: privileged,
    can_spotlight: privileged,
    disable_participant_audio: privileged,
    disable_participant_screensharing: privileged,
    disable_participant_video: privileged,
    hidden_participant: false,
    kick_participant: privileged,
    pin_participant: privileged,
    show_participant_list: true,
    recorder_type: "NONE",
    waiting_room_type: "SKIP",
    chat: {
      public: { can_send: true, text: true, files: true },
      private: { can_send: true, can_receive: true, text: true, files: true },
    },
    connected_meetings: {
      can_alter_connected_meetings: privileged,
      can_switch_connected_meetings: true,
      can_switch_to_parent_meeting: true,
    },
    media: {
      audio: { can_produce: canProduce },
      video: { can_produce: canProduce },
      screenshare: { can_produce: canProduce },
    },
    plugins: { can_close: privileged, can_edit_config: privileged, can_start: privileged, config: {} },
    polls: { can_create: privileged, can_view: true, can_vote: true },
  };
  return {
    id: randomUUID(),
    app_id: appId,
    name,
    created_at: timestamp,
    updated_at: timestamp,
    config: {
      view_type: webinar ? "WEBINAR" : "GROUP_CALL",
      max_video_streams: { desktop: 9, mobile: 6 },
      max_screenshare_count: 1,
      media: {
        video: { quality: "hd", frame_rate: 30 },
        screenshare: { quality: "hd", frame_rate: 5 },
        audio: { enable_high_bitrate: false, enable_stereo: false },
      },
    },
    permissions,
    ui: {
      design_tokens: {
        border_radius: "rounded",
        border_width: "thin",
        spacing_base: 4,
        theme: "dark",
        colors: {
          background: { 600: "#222222", 700: "#1f1f1f", 800: "#1b1b1b", 900: "#181818", 1000: "#141414" },
          brand: { 300: "#844d1c", 400: "#9d5b22", 500: "#b56927", 600: "#d37c30", 700: "#d9904f" },
          danger: "#FF2D2D",
          success: "#62A504",
          text: "#EEEEEE",
          text_on_brand: "#EEEEEE",
          video_bg: "#191919",
          warning: "#FFCD07",
        },
      },
      config_diff: {},
    },
  };
}
