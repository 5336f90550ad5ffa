/**
 * Jest helpers for tests that run against the emulator: one emulator per test file on an ephemeral port,
 * reset before each test, plus small fetch-based shortcuts for the setup calls most tests need.
 */
import {
  CONTROL_HEADER,
  type EmulatorControl,
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../../emulator";

/** Options of `useEmulator`: the emulator's own, plus whether to reset it before each test. */
export interface UseEmulatorOptions extends EmulatorOptions {
  /** Reset (data, faults, counters, rate-limit window, settings) before each test; default true. */
  resetBeforeEach?: boolean;
}

/** What a test needs to reach an emulator; a `RunningEmulator` and an `EmulatorHandle` both qualify. */
export interface EmulatorTarget {
  baseUrl: string;
  accountId: string;
  appId: string;
  apiToken: string;
}

/** Getters for the file's emulator; they throw when read before `beforeAll` has started it. */
export interface EmulatorHandle extends EmulatorTarget {
  readonly emulator: RunningEmulator;
  readonly origin: string;
  readonly control: EmulatorControl;
  /** `${baseUrl}/accounts/{accountId}/realtime/kit/{appId}`: prefix of the meeting and preset paths. */
  readonly appUrl: string;
}

/**
 * Starts one emulator in `beforeAll` and closes it in `afterAll`, resetting it in `beforeEach` unless
 * `resetBeforeEach: false`. Call it at the top level of a test file (or a describe block).
 */
export function useEmulator(options: UseEmulatorOptions = {}): EmulatorHandle {
  const { resetBeforeEach = true, ...emulatorOptions } = options;
  let running: RunningEmulator | undefined;

  beforeAll(async () => {
    running = await startEmulator(emulatorOptions);
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  if (resetBeforeEach) {
    beforeEach(() => {
      current().control.reset();
    });
  }

  function current(): RunningEmulator {
    if (!running)
      throw new Error("The emulator is not running: use it inside tests or hooks, after beforeAll");
    return running;
  }

  return {
    get emulator() {
      return current();
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get origin() {
      return current().origin;
    },
    get accountId() {
      return current().accountId;
    },
    get appId() {
      return current().appId;
    },
    get apiToken() {
      return current().apiToken;
    },
    get control() {
      return current().control;
    },
    get appUrl() {
      return appUrl(current());
    },
  };
}

/** `${baseUrl}/accounts/{accountId}/realtime/kit/{appId}`. */
export function appUrl(target: EmulatorTarget): string {
  return `${target.baseUrl}/accounts/${target.accountId}/realtime/kit/${target.appId}`;
}

/** A parsed response: status, JSON body (or null when there was none) and headers. */
export interface ApiResult {
  status: number;
  // The tests inspect bodies of many shapes; unknown would force a cast at every assertion.
  body: Record<string, unknown> & { data?: unknown };
  headers: Headers;
}

/**
 * Calls the emulator's API with its Bearer token. `path` is relative to the app
 * (`/meetings`, …) unless it starts with `/accounts/`, in which case it is relative to `baseUrl`.
 */
export async function callApi(
  target: EmulatorTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult> {
  const url = path.startsWith("/accounts/") ? `${target.baseUrl}${path}` : `${appUrl(target)}${path}`;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${target.apiToken}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? {} : (JSON.parse(text) as ApiResult["body"]),
    headers: response.headers,
  };
}

/**
 * Calls the HTTP control surface (`${origin}/__emulator${path}`) the way a test driving a separate emulator
 * process does: with the control header, which the surface requires.
 */
export async function callControl(
  target: { origin: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${target.origin}/__emulator${path}`, {
    method,
    headers: {
      [CONTROL_HEADER]: "1",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates a meeting (all fields optional, wire names: `{ title: "x" }`) and returns its id. */
export async function createMeeting(
  target: EmulatorTarget,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const result = await callApi(target, "POST", "/meetings", fields);
  if (result.status !== 201)
    throw new Error(`createMeeting failed: ${result.status} ${JSON.stringify(result.body)}`);
  return (result.body.data as { id: string }).id;
}

/** A participant as the add endpoint answers it (wire names). */
export interface AddedParticipant {
  id: string;
  token: string;
  custom_participant_id: string;
  preset_name: string;
  name: string | null;
  picture: string | null;
  created_at: string;
  updated_at: string;
}

/** Adds a participant (default preset `group_call_participant`) and returns it with its token. */
export async function addParticipant(
  target: EmulatorTarget,
  meetingId: string,
  fields: {
    custom_participant_id: string;
    preset_name?: string;
    name?: string | null;
    picture?: string | null;
  },
): Promise<AddedParticipant> {
  const body = { preset_name: "group_call_participant", ...fields };
  const result = await callApi(target, "POST", `/meetings/${meetingId}/participants`, body);
  if (result.status !== 201) {
    throw new Error(`addParticipant failed: ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result.body.data as AddedParticipant;
}

/** Decodes a JWT's payload without verifying it. */
export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}
