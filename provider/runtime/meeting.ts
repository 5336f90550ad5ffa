/**
 * The Meeting resource's provider logic, loaded at call time by the serialized shim (../shim.ts).
 *
 * - create: POST the meeting (then PATCH `status` when it should start INACTIVE: create takes no status).
 * - update: PATCH only the fields that changed, or PUT the whole body when `replaceOnUpdate` is set
 *   (PUT cannot set status, so a status change is a PATCH either way).
 * - read: GET the meeting and take the remote value of every field the program manages, comparing nested
 *   objects as subsets (the API fills in defaults) and never comparing write-only storage credentials.
 * - delete: the API has no delete, so a deleted Meeting is PATCHed to `status: INACTIVE`.
 * Outputs echo the inputs under the same keys: the engine copies secretness from an input to the output of
 * the same name, which is what keeps storage credentials in `recordingConfig` secret in state.
 */
import type * as pulumi from "@pulumi/pulumi";
import { NotFoundError } from "../../sdk/errors";
import type { Meeting, MeetingInput, MeetingPatch } from "../../sdk/types";
import type { ResolvedConfig } from "../config";
import { connect } from "./context";
import { withContext, withContextSync, wrap } from "./errors";
import type { RuntimeProvider } from "./index";
import { UNKNOWN, containsUnknown, describeValue, isHttpUrl, isRecord, type Disclosure } from "./values";

/** `T` with `null` removed from every field: a resource input is left out rather than set to null. */
type WithoutNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/**
 * The Meeting resource's inputs, as plain values (what the provider host passes in): the API's writable
 * meeting fields, plus the provider's own settings.
 */
export interface MeetingInputs extends WithoutNulls<MeetingPatch> {
  replaceOnUpdate?: boolean;
  accountId?: string;
  appId?: string;
}

/**
 * The Meeting resource's outputs: the inputs echoed, plus what the API assigns. `accountId` and `appId`
 * hold the values resolved at create time, so refresh and destroy reach the same meeting even after the
 * stack's config changes.
 */
export interface MeetingOutputs extends MeetingInputs {
  meetingId: string;
  createdAt: string;
  updatedAt: string;
}

/** The meeting body fields, in the order they are sent: the keys a PATCH may carry besides `status`. */
export const MEETING_BODY_FIELDS = [
  "title",
  "recordOnStart",
  "liveStreamOnStart",
  "persistChat",
  "summarizeOnEnd",
  "transcribeOnEnd",
  "sessionKeepAliveTimeInSecs",
  "aiConfig",
  "recordingConfig",
] as const satisfies readonly (keyof MeetingInput)[];

/** Changing these means a different meeting: the API cannot move a meeting between accounts or apps. */
export const MEETING_REPLACE_FIELDS = ["accountId", "appId"] as const;

/** Every input `diff` tracks. */
const TRACKED_FIELDS = [
  ...MEETING_BODY_FIELDS,
  "status",
  "replaceOnUpdate",
  ...MEETING_REPLACE_FIELDS,
] as const;

/**
 * The `storageConfig` fields that are credentials. The API accepts them but never returns them, so they are
 * kept from state and never compared on read; a `recordingConfig` carrying one is made a Pulumi secret; and
 * a check failure never describes their value.
 */
export const STORAGE_CREDENTIAL_FIELDS = ["accessKey", "secret", "password", "privateKey"] as const;

/** Whether the last segment of a property path names a storage credential. */
function isCredential(key: string): boolean {
  return (STORAGE_CREDENTIAL_FIELDS as readonly string[]).includes(key.split(".").pop() ?? "");
}

/** A check failure names these but never describes their value: the RTMP URL embeds the stream key. */
const MASKED_PATHS: readonly string[] = ["recordingConfig.liveStreamingConfig.rtmpUrl"];

// ------------------------------------------------------------------------------------------------ validation

/** A small schema language, as data, for what `check` accepts. */
type Schema =
  | { kind: "boolean" }
  | { kind: "string"; nonEmpty?: boolean }
  | { kind: "number"; integer?: boolean; min?: number; max?: number }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "url" }
  | { kind: "strings" }
  | {
      kind: "object";
      fields: Readonly<Record<string, Schema>>;
      required?: readonly string[];
      nullable?: boolean;
    };

const int = (min: number, max: number): Schema => ({ kind: "number", integer: true, min, max });
const oneOf = (...values: string[]): Schema => ({ kind: "enum", values });
const BOOLEAN: Schema = { kind: "boolean" };
const STRING: Schema = { kind: "string" };

const AI_CONFIG_SCHEMA: Schema = {
  kind: "object",
  fields: {
    summarization: {
      kind: "object",
      fields: {
        summaryType: oneOf(
          "general",
          "team_meeting",
          "sales_call",
          "client_check_in",
          "interview",
          "daily_standup",
          "one_on_one_meeting",
          "lecture",
          "code_review",
        ),
        textFormat: oneOf("plain_text", "markdown"),
        wordLimit: int(150, 1000),
      },
    },
    transcription: {
      kind: "object",
      fields: {
        keywords: { kind: "strings" },
        language: oneOf("en-US", "en-IN", "de", "hi", "sv", "ru", "pl", "el", "fr", "nl"),
        profanityFilter: BOOLEAN,
      },
    },
  },
};

const RECORDING_CONFIG_SCHEMA: Schema = {
  kind: "object",
  fields: {
    maxSeconds: { kind: "number", min: 60, max: 86400 },
    fileNamePrefix: STRING,
    videoConfig: {
      kind: "object",
      fields: {
        codec: oneOf("H264", "VP8"),
        width: int(1, 1920),
        height: int(1, 1920),
        exportFile: BOOLEAN,
        watermark: {
          kind: "object",
          fields: {
            url: { kind: "url" },
            size: {
              kind: "object",
              fields: { width: int(1, 100000), height: int(1, 100000) },
              required: ["width", "height"],
            },
            position: oneOf("left top", "right top", "left bottom", "right bottom"),
          },
        },
      },
    },
    audioConfig: {
      kind: "object",
      fields: { codec: oneOf("MP3", "AAC"), channel: oneOf("mono", "stereo"), exportFile: BOOLEAN },
    },
    storageConfig: {
      kind: "object",
      nullable: true,
      required: ["type"],
      fields: {
        type: oneOf("aws", "azure", "digitalocean", "gcs", "sftp"),
        accessKey: STRING,
        secret: STRING,
        bucket: STRING,
        region: STRING,
        path: STRING,
        authMethod: oneOf("KEY", "PASSWORD"),
        username: STRING,
        password: STRING,
        host: STRING,
        port: int(1, 65535),
        privateKey: STRING,
      },
    },
    realtimekitBucketConfig: { kind: "object", fields: { enabled: BOOLEAN }, required: ["enabled"] },
    liveStreamingConfig: { kind: "object", fields: { rtmpUrl: { kind: "url" } } },
  },
};

/** What `check` accepts for each input; absent inputs are always fine (the API has defaults). */
const MEETING_SCHEMA: Readonly<Record<keyof MeetingInputs, Schema>> = {
  title: STRING,
  recordOnStart: BOOLEAN,
  liveStreamOnStart: BOOLEAN,
  persistChat: BOOLEAN,
  summarizeOnEnd: BOOLEAN,
  transcribeOnEnd: BOOLEAN,
  sessionKeepAliveTimeInSecs: int(60, 600),
  aiConfig: AI_CONFIG_SCHEMA,
  recordingConfig: RECORDING_CONFIG_SCHEMA,
  status: oneOf("ACTIVE", "INACTIVE"),
  replaceOnUpdate: BOOLEAN,
  accountId: { kind: "string", nonEmpty: true },
  appId: { kind: "string", nonEmpty: true },
};

/**
 * Validates meeting inputs without any network call. Returns one failure per invalid field, its property
 * being the field's path (`recordingConfig.videoConfig.width`) and its reason saying what is expected.
 * Values not known yet (preview) are skipped. Storage credential values never appear in a reason.
 */
export function validateMeetingInputs(inputs: Record<string, unknown>): pulumi.dynamic.CheckFailure[] {
  const failures: pulumi.dynamic.CheckFailure[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    const schema = (MEETING_SCHEMA as Record<string, Schema | undefined>)[key];
    if (key.startsWith("__") || value === undefined) continue;
    if (!schema) {
      failures.push({
        property: key,
        reason: `unknown Meeting argument (expected one of ${Object.keys(MEETING_SCHEMA).join(", ")})`,
      });
      continue;
    }
    validateValue(value, schema, key, failures);
  }
  return failures;
}

function validateValue(
  value: unknown,
  schema: Schema,
  property: string,
  failures: pulumi.dynamic.CheckFailure[],
): void {
  if (value === UNKNOWN) return;
  const fail = (reason: string): void => {
    failures.push({ property, reason });
  };
  // Inputs arrive unwrapped, secrets included: a failure shows the value's shape, never free text or URLs.
  const shown = describeValue(value, disclosureFor(property, schema));
  switch (schema.kind) {
    case "boolean":
      if (typeof value !== "boolean") fail(`expected true or false, got ${shown}`);
      return;
    case "string":
      if (typeof value !== "string") fail(`expected a string, got ${shown}`);
      else if (schema.nonEmpty && value.trim() === "") fail("expected a non-empty string");
      return;
    case "number": {
      const range =
        schema.min !== undefined && schema.max !== undefined
          ? ` between ${schema.min} and ${schema.max}`
          : "";
      const what = `${schema.integer ? "an integer" : "a number"}${range}`;
      if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        (schema.integer && !Number.isInteger(value)) ||
        (schema.min !== undefined && value < schema.min) ||
        (schema.max !== undefined && value > schema.max)
      ) {
        fail(`expected ${what}, got ${shown}`);
      }
      return;
    }
    case "enum":
      if (typeof value !== "string" || !schema.values.includes(value)) {
        fail(`expected one of ${schema.values.map((v) => JSON.stringify(v)).join(", ")}, got ${shown}`);
      }
      return;
    case "url":
      if (!isHttpUrl(value)) fail(`expected an absolute http(s) URL, got ${shown}`);
      return;
    case "strings":
      if (!Array.isArray(value)) fail(`expected a list of strings, got ${shown}`);
      else if (value.some((item) => item !== UNKNOWN && typeof item !== "string"))
        fail("expected every item to be a string");
      return;
    case "object": {
      if (value === null && schema.nullable) return;
      if (!isRecord(value)) {
        fail(`expected an object${schema.nullable ? " or null" : ""}, got ${shown}`);
        return;
      }
      for (const required of schema.required ?? []) {
        if (value[required] === undefined || value[required] === null) {
          failures.push({ property: `${property}.${required}`, reason: "is required" });
        }
      }
      for (const [key, item] of Object.entries(value)) {
        const field = schema.fields[key];
        if (item === undefined) continue;
        if (!field) {
          const known = Object.keys(schema.fields).join(", ");
          failures.push({
            property: `${property}.${key}`,
            reason: `unknown field (expected one of ${known})`,
          });
        } else {
          validateValue(item, field, `${property}.${key}`, failures);
        }
      }
      return;
    }
  }
}

/** Numbers and enum names are shown; credentials and the RTMP URL not even by length; the rest by shape. */
function disclosureFor(property: string, schema: Schema): Disclosure {
  if (isCredential(property) || MASKED_PATHS.includes(property)) return "nothing";
  if (schema.kind === "number") return "number";
  if (schema.kind === "enum") return "enum";
  return "shape";
}

// ------------------------------------------------------------------------------------------------ diffing

/** Deep equality over JSON-like values; `undefined` object members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
  return true;
}

/**
 * The tracked inputs whose new value differs from the old one. An input the program no longer sets is not
 * a change: the meeting keeps its current value (the API cannot unset fields), and the field is simply no
 * longer managed. For `accountId` and `appId` the old value is the one resolved at create time, and leaving
 * them out means "wherever the meeting already is" (diff cannot see config, and must not guess).
 */
export function changedMeetingFields(olds: MeetingInputs, news: MeetingInputs): (keyof MeetingInputs)[] {
  return TRACKED_FIELDS.filter((key) => {
    const next = news[key];
    return next !== undefined && (containsUnknown(next) || !deepEqual(next, olds[key]));
  });
}

// ------------------------------------------------------------------------------------------------ read

/**
 * The managed value as the API now has it: every leaf the program set takes the remote value when the
 * API returned one. Nested objects compare as subsets, because the API fills in defaults the program never
 * set; write-only storage credentials keep the stored value.
 */
export function remoteView(managed: unknown, remote: unknown, key = ""): unknown {
  if (isCredential(key)) return managed;
  if (remote === undefined) return managed;
  if (isRecord(managed) && isRecord(remote)) {
    return Object.fromEntries(Object.entries(managed).map(([k, v]) => [k, remoteView(v, remote[k], k)]));
  }
  return remote;
}

// ------------------------------------------------------------------------------------------------ provider

function bodyOf(inputs: MeetingInputs, keys: readonly (typeof MEETING_BODY_FIELDS)[number][]): MeetingInput {
  const body: Record<string, unknown> = {};
  for (const key of keys) if (inputs[key] !== undefined) body[key] = inputs[key];
  return body as MeetingInput;
}

function outputsOf(
  inputs: MeetingInputs,
  config: Pick<ResolvedConfig, "accountId" | "appId">,
  meeting: Pick<Meeting, "id" | "createdAt" | "updatedAt">,
): MeetingOutputs {
  return {
    ...inputs,
    accountId: config.accountId,
    appId: config.appId,
    meetingId: meeting.id,
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
  };
}

/** Where an existing meeting lives: the ids it was created with, unless the program now names others. */
function placeOf(olds: MeetingInputs, news: MeetingInputs = {}): { accountId?: string; appId?: string } {
  return { accountId: news.accountId ?? olds.accountId, appId: news.appId ?? olds.appId };
}

function inputsOf(outputs: MeetingOutputs): MeetingInputs {
  // Strip the computed keys; what remains is exactly what the program set.
  const inputs: MeetingInputs & Partial<MeetingOutputs> = { ...outputs };
  delete inputs.meetingId;
  delete inputs.createdAt;
  delete inputs.updatedAt;
  return inputs;
}

/** The Meeting provider, as the runtime module exposes it to the shim. */
export const meetingRuntime: RuntimeProvider<MeetingInputs, MeetingOutputs> = {
  async check(_olds, news) {
    const failures = validateMeetingInputs(news as Record<string, unknown>);
    return { inputs: news, failures };
  },

  async diff(_id, olds, news) {
    const changed = changedMeetingFields(olds, news);
    const replaces = changed.filter((key) => (MEETING_REPLACE_FIELDS as readonly string[]).includes(key));
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const { client, config } = withContextSync("create meeting", () => connect(inputs));
    let meeting = await withContext("create meeting", () =>
      client.meetings.create(bodyOf(inputs, MEETING_BODY_FIELDS)),
    );
    if (inputs.status === "INACTIVE") {
      const created = meeting;
      try {
        meeting = await client.meetings.update(created.id, { status: "INACTIVE" });
      } catch (error) {
        // The meeting exists: report it as created but not initialized, so the engine records it (as ACTIVE,
        // which it still is) instead of orphaning it, and the next `pulumi up` retries the status change.
        const failure = wrap(`set meeting ${created.id} INACTIVE after creating it`, error);
        throw Object.assign(failure, {
          id: created.id,
          properties: outputsOf({ ...inputs, status: "ACTIVE" }, config, created),
          reasons: [failure.message],
        });
      }
    }
    return { id: meeting.id, outs: outputsOf(inputs, config, meeting) };
  },

  async read(id, props) {
    const stored = (props ?? {}) as MeetingOutputs;
    const { client, config } = withContextSync(`read meeting ${id}`, () => connect(placeOf(stored)));
    let meeting: Meeting;
    try {
      meeting = await client.meetings.get(id);
    } catch (err) {
      // Meetings cannot be deleted, so a 404 means the stack points at another account or app: forget it.
      if (err instanceof NotFoundError) return { id: "" };
      throw wrap(`read meeting ${id}`, err);
    }
    const current: MeetingInputs = { ...inputsOf(stored) };
    const remote = meeting as unknown as Record<string, unknown>;
    for (const key of [...MEETING_BODY_FIELDS, "status"] as const) {
      if (current[key] !== undefined)
        (current as Record<string, unknown>)[key] = remoteView(current[key], remote[key], key);
    }
    return { id, props: outputsOf(current, config, meeting), inputs: current as MeetingOutputs };
  },

  async update(id, olds, news) {
    const changed = changedMeetingFields(olds, news);
    const changedBody = MEETING_BODY_FIELDS.filter((key) => changed.includes(key));
    const { client, config } = withContextSync(`update meeting ${id}`, () => connect(placeOf(olds, news)));
    let meeting: Pick<Meeting, "id" | "createdAt" | "updatedAt"> = {
      id,
      createdAt: olds.createdAt,
      updatedAt: olds.updatedAt,
    };
    const statusChanged = changed.includes("status");
    if (news.replaceOnUpdate && changedBody.length > 0) {
      // PUT replaces every field, so send everything the program manages, not just what changed.
      meeting = await withContext(`replace meeting ${id}`, () =>
        client.meetings.replace(id, bodyOf(news, MEETING_BODY_FIELDS)),
      );
      if (statusChanged) {
        meeting = await withContext(`update meeting ${id}`, () =>
          client.meetings.update(id, { status: news.status }),
        );
      }
    } else if (changedBody.length > 0 || statusChanged) {
      const patch: MeetingPatch = {
        ...bodyOf(news, changedBody),
        ...(statusChanged ? { status: news.status } : {}),
      };
      meeting = await withContext(`update meeting ${id}`, () => client.meetings.update(id, patch));
    }
    return { outs: outputsOf(news, config, { ...meeting, createdAt: olds.createdAt }) };
  },

  async delete(id, props) {
    const { client } = withContextSync(`delete meeting ${id}`, () => connect(placeOf(props)));
    try {
      await client.meetings.update(id, { status: "INACTIVE" });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw wrap(`delete (set INACTIVE) meeting ${id}`, err);
    }
  },
};
