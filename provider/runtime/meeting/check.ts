/** The Meeting's `check`: every input validated without any network call, nested fields by their path. */
import type * as pulumi from "@pulumi/pulumi";
import { UNKNOWN, describeValue, isHttpUrl, isRecord, type Disclosure } from "../values";
import { MASKED_PATHS, isCredential, type MeetingInputs } from "./fields";

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
