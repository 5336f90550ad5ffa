/**
 * The emulator's data: one account, its apps with their presets, meetings and participants. Kept in memory
 * and, with a state file, written atomically (./atomic-file.ts) after mutations so a restarted emulator
 * comes back with the same credentials, ids and records. Writes are debounced: the mutations of one
 * {@link PERSIST_DELAY_MS} window share one write (rewriting 16,000 participants after every add cost
 * ~30 ms each), and closing the emulator writes what is pending.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomically } from "./atomic-file";
import { seededPresetBody } from "./preset-schema";
import type {
  AppRecord,
  EmulatorSnapshot,
  MeetingRecord,
  ParticipantRecord,
  PresetRecord,
  WebhookRecord,
} from "./types";

/** How long after a mutation the state file is written; the mutations meanwhile go in the same write. */
export const PERSIST_DELAY_MS = 100;

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
  /** Absent in state files written before webhooks existed. */
  webhooks?: WebhookRecord[];
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
  readonly webhooks = new Map<string, WebhookRecord>();
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
    for (const webhook of state.webhooks ?? []) this.webhooks.set(webhook.id, webhook);
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
      webhooks: loaded?.webhooks ?? [],
      meetings: loaded?.meetings ?? [],
      participants: loaded?.participants ?? [],
    };
    const store = new Store(state, stateFile);
    store.flush();
    return store;
  }

  /** Creates an app with the four default presets. */
  addApp(id: string, name: string): AppRecord {
    const app: AppRecord = { id, name, created_at: now() };
    this.apps.set(id, app);
    for (const presetName of DEFAULT_PRESET_NAMES) {
      const timestamp = now();
      const body = seededPresetBody(presetName);
      const preset = { id: randomUUID(), app_id: id, created_at: timestamp, updated_at: timestamp, ...body };
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

  /** The webhooks of one app, in creation order. */
  webhooksOf(appId: string): WebhookRecord[] {
    return [...this.webhooks.values()].filter((webhook) => webhook.app_id === appId);
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
    this.webhooks.clear();
    this.meetings.clear();
    this.participants.clear();
    this.apps.set(this.seed.app.id, { ...this.seed.app });
    for (const preset of this.seed.presets) this.presets.set(preset.id, structuredClone(preset));
    this.persist();
  }

  #pendingWrite: NodeJS.Timeout | undefined;

  /** Schedules a write of the state file (when there is one), {@link PERSIST_DELAY_MS} from the first change. */
  persist(): void {
    if (!this.stateFile || this.#pendingWrite) return;
    this.#pendingWrite = setTimeout(() => this.flush(), PERSIST_DELAY_MS);
    // A pending write alone does not keep the process alive; close() flushes it.
    this.#pendingWrite.unref();
  }

  /** Writes the state file now (when there is one), atomically, so a crash never leaves half a file. */
  flush(): void {
    clearTimeout(this.#pendingWrite);
    this.#pendingWrite = undefined;
    if (!this.stateFile) return;
    const state: PersistedState = {
      version: 1,
      apiToken: this.apiToken,
      accountId: this.accountId,
      appId: this.appId,
      jwtSecret: this.jwtSecret,
      apps: [...this.apps.values()],
      presets: [...this.presets.values()],
      webhooks: [...this.webhooks.values()],
      meetings: [...this.meetings.values()],
      participants: [...this.participants.values()],
    };
    writeFileAtomically(this.stateFile, JSON.stringify(state, null, 2));
  }

  /** A deep copy of every record. */
  snapshot(): EmulatorSnapshot {
    return structuredClone({
      accountId: this.accountId,
      appId: this.appId,
      apps: [...this.apps.values()],
      presets: [...this.presets.values()],
      webhooks: [...this.webhooks.values()],
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
