/**
 * Properties several descriptions share (ids, names, URLs, token rotation), defined once so every resource
 * and the roster file apply the same rule with the same words. Limits marked "guess" in `x-limitSource`
 * are not documented by the API; they are set far above any real value so they only stop runaway input.
 */
import { Type, type TProperties, type TString } from "@sinclair/typebox";
import { HTTP_URL_FORMAT, NO_CONTROL_CHARACTERS, NO_CONTROL_CODES, type InputAnnotations } from "./keywords";

/** Longest customParticipantId or presetName accepted (a guess: the API documents no limit). */
export const MAX_ID_LENGTH = 256;
/** Longest display name or meeting title accepted (a guess: the API documents no limit). */
export const MAX_TEXT_LENGTH = 1024;
/** Longest URL accepted (a guess: about what browsers and CDNs handle). */
export const MAX_URL_LENGTH = 2048;
/** Longest account id: the API's documented `account_id` maxLength (a 32-hex account tag). */
export const MAX_ACCOUNT_ID_LENGTH = 32;
/**
 * Longest app id. The API documents maxLength 32, but app ids are UUIDs (36 characters), so that limit
 * cannot be real; 64 is a guess that admits every id seen.
 */
export const MAX_APP_ID_LENGTH = 64;

const GUESS = "guess: the API documents no limit";

/** A RealtimeKit meeting id: a UUID, trimmed. */
export const meetingId = (description: string, extra: InputAnnotations = {}) =>
  Type.String({
    description,
    pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    "x-expected": "the id of a RealtimeKit meeting (a UUID such as 6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40)",
    "x-normalize": "trim",
    "x-replaceOnChanges": true,
    ...extra,
  });

/** A path segment of the API (exported so check can word its failure) (account or app id): letters, digits, `-`, `_`, `.`, but never `.` or `..`. */
export const PATH_SEGMENT = "^(?!\\.{1,2}$)[A-Za-z0-9._-]+$";

/** The Cloudflare account id; omitted means config, then environment. */
export const accountId = (description: string, extra: InputAnnotations = {}) =>
  Type.String({
    description,
    minLength: 1,
    maxLength: MAX_ACCOUNT_ID_LENGTH,
    pattern: PATH_SEGMENT,
    "x-expected": 'a non-empty string (a Cloudflare account id: letters, digits, "-", "_" or ".")',
    "x-normalize": "trim",
    "x-replaceOnChanges": true,
    "x-defaultFrom": "accountId",
    ...extra,
  });

/** The RealtimeKit app id; omitted means config, then environment. */
export const appId = (description: string, extra: InputAnnotations = {}) =>
  Type.String({
    description,
    minLength: 1,
    maxLength: MAX_APP_ID_LENGTH,
    pattern: PATH_SEGMENT,
    "x-expected": 'a non-empty string (a RealtimeKit app id: letters, digits, "-", "_" or ".")',
    "x-normalize": "trim",
    "x-replaceOnChanges": true,
    "x-defaultFrom": "appId",
    "x-limitSource": "guess: the documented maxLength 32 is shorter than the UUID app ids in use",
    ...extra,
  });

/** The caller's own id of a participant: no control characters, at most {@link MAX_ID_LENGTH}. */
export const customParticipantIdRule = {
  minLength: 1,
  maxLength: MAX_ID_LENGTH,
  pattern: NO_CONTROL_CHARACTERS,
  "x-limitSource": GUESS,
} as const;

/** A preset name: non-empty, no control characters, at most {@link MAX_ID_LENGTH}. */
export const presetName = (description: string, expected: string) =>
  Type.String({
    description,
    minLength: 1,
    maxLength: MAX_ID_LENGTH,
    pattern: NO_CONTROL_CHARACTERS,
    "x-expected": expected,
    "x-disclosure": "enum",
    "x-normalize": "trim",
    "x-limitSource": GUESS,
  });

/** A display name: free text without control codes, at most {@link MAX_TEXT_LENGTH}. */
export const displayName = (description: string, options: { minLength?: number; expected: string }) =>
  Type.String({
    description,
    ...(options.minLength !== undefined ? { minLength: options.minLength } : {}),
    maxLength: MAX_TEXT_LENGTH,
    pattern: NO_CONTROL_CODES,
    "x-expected": options.expected,
    "x-limitSource": GUESS,
  });

/** An absolute http(s) URL, at most {@link MAX_URL_LENGTH}. */
export const httpUrl = (
  description: string,
  expected = "an absolute http(s) URL",
  extra: InputAnnotations = {},
) =>
  Type.String({
    description,
    format: HTTP_URL_FORMAT,
    maxLength: MAX_URL_LENGTH,
    "x-expected": expected,
    "x-limitSource": "guess: about what browsers and CDNs handle",
    ...extra,
  });

/** Any string or finite number; a change issues a new token in place. */
export const tokenRotation = (description: string) =>
  Type.Union([Type.String({ maxLength: MAX_ID_LENGTH }), Type.Number()], {
    description,
    "x-expected": "a string or a number (change it to issue a new token)",
    "x-limitSource": GUESS,
  });

/**
 * The inputs of an object that lives in an app (a preset, a webhook): its body, plus the account and app
 * (default from config), whose change replaces it.
 */
export const placedInputs = <B extends TProperties>(noun: string, body: B) =>
  Type.Object(
    {
      ...body,
      accountId: Type.Optional(
        accountId(`Cloudflare account id (default from config). Changing it replaces the ${noun}.`),
      ),
      appId: Type.Optional(
        appId(`RealtimeKit app id (default from config). Changing it replaces the ${noun}.`),
      ),
    },
    { additionalProperties: false },
  );

/** The outputs of an object that lives in an app: its id, its dates, its body, and where it lives. */
export const placedOutputs = <K extends string, B extends TProperties>(noun: string, idKey: K, body: B) =>
  Type.Object(
    {
      ...({
        [idKey]: Type.String({ description: `The ${noun}'s id (also the resource id).`, "x-stable": true }),
      } as Record<K, TString>),
      createdAt: Type.String({ description: `When the ${noun} was created (ISO 8601).`, "x-stable": true }),
      updatedAt: Type.String({ description: `When the ${noun} last changed (ISO 8601).` }),
      ...body,
      accountId: Type.String({ description: `The account the ${noun} lives in.`, "x-stable": true }),
      appId: Type.String({ description: `The app the ${noun} lives in.`, "x-stable": true }),
    },
    { additionalProperties: false },
  );
