/**
 * The Participant's `check`: every input validated without any network call, one failure per bad property.
 */
import { PROVIDER_KEY, type PropertyMap } from "../protocol";
import { UNKNOWN, describeValue, isHttpUrl, type Disclosure } from "../values";
import type { ParticipantInputs } from "./state";

/** One input property: whether it is required, what it accepts, and how to say so. */
interface FieldRule {
  required: boolean;
  /** Completes "`<property>` must be …". */
  expected: string;
  accepts(value: unknown): boolean;
  /** Canonical form stored as the input (ids are trimmed). */
  normalize?(value: unknown): unknown;
  /** How much of a rejected value the failure shows (default: its shape; inputs may be secrets). */
  disclosure?: Disclosure;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const trimmed = (value: unknown): unknown => (typeof value === "string" ? value.trim() : value);
const nonEmptyString = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";

/** Every input a Participant accepts, in the order failures are reported. */
const INPUT_RULES: Readonly<Record<keyof ParticipantInputs, FieldRule>> = {
  meetingId: {
    required: true,
    expected: "the id of a RealtimeKit meeting (a UUID such as 6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40)",
    accepts: (value) => typeof value === "string" && UUID.test(value.trim()),
    normalize: trimmed,
  },
  customParticipantId: {
    required: true,
    expected: "a non-empty string (your own id for this participant, unique in the meeting)",
    accepts: nonEmptyString,
    normalize: trimmed,
  },
  presetName: {
    required: true,
    expected: "the name of a preset of the app (a non-empty string such as group_call_participant)",
    accepts: nonEmptyString,
    normalize: trimmed,
  },
  name: {
    required: false,
    expected: "a string (the display name)",
    accepts: (value) => typeof value === "string",
  },
  picture: {
    required: false,
    expected: "an absolute http(s) URL of the participant's picture",
    accepts: (value) => isHttpUrl(value),
  },
  tokenRotation: {
    required: false,
    expected: "a string or a number (change it to issue a new token)",
    accepts: (value) => typeof value === "string" || (typeof value === "number" && Number.isFinite(value)),
  },
  refreshBeforeExpiry: {
    required: false,
    expected: "a non-negative number of seconds",
    accepts: (value) => typeof value === "number" && Number.isFinite(value) && value >= 0,
    disclosure: "number",
  },
  adopt: { required: false, expected: "a boolean", accepts: (value) => typeof value === "boolean" },
  accountId: {
    required: false,
    expected: "a non-empty string (a Cloudflare account id)",
    accepts: nonEmptyString,
    normalize: trimmed,
  },
  appId: {
    required: false,
    expected: "a non-empty string (a RealtimeKit app id)",
    accepts: nonEmptyString,
    normalize: trimmed,
  },
};

const INPUT_KEYS = Object.keys(INPUT_RULES) as (keyof ParticipantInputs)[];

/** Outputs the Participant class seeds as `undefined`; tolerated in inputs only while they carry no value. */
const COMPUTED_OUTPUTS = ["participantId", "token", "tokenExpiresAt", "createdAt", "updatedAt"];

/**
 * Validates the inputs without any network call: one failure per bad property, naming it and what it
 * expects. Unknown values (preview) pass. Returns the inputs with ids trimmed.
 */
export function checkParticipant(news: PropertyMap): {
  inputs: PropertyMap;
  failures: { property: string; reason: string }[];
} {
  const failures: { property: string; reason: string }[] = [];
  const inputs: PropertyMap = {};
  for (const [key, value] of Object.entries(news)) {
    if (key === PROVIDER_KEY || key in INPUT_RULES) continue;
    if (COMPUTED_OUTPUTS.includes(key) && (value === undefined || value === null)) continue;
    const why = COMPUTED_OUTPUTS.includes(key)
      ? "is an output of Participant and cannot be set"
      : "is not a Participant input";
    failures.push({ property: key, reason: `\`${key}\` ${why}; the inputs are: ${INPUT_KEYS.join(", ")}` });
  }
  for (const key of INPUT_KEYS) {
    const rule = INPUT_RULES[key];
    const value = news[key];
    if (value === undefined || value === null) {
      if (rule.required) failures.push({ property: key, reason: `\`${key}\` is required: ${rule.expected}` });
      continue;
    }
    if (value === UNKNOWN) {
      inputs[key] = value;
      continue;
    }
    if (!rule.accepts(value)) {
      failures.push({
        property: key,
        reason: `\`${key}\` must be ${rule.expected}; got ${describeValue(value, rule.disclosure)}`,
      });
      continue;
    }
    inputs[key] = rule.normalize ? rule.normalize(value) : value;
  }
  return { inputs, failures };
}
