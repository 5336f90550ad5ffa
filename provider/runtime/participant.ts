/**
 * The Participant provider's logic: what the dynamic-provider host runs, through the shim in ../shim.ts, for
 * `check`, `diff`, `create`, `read`, `update` and `delete`.
 *
 * API mapping: create = add (POST), read = get (answered from a shared list, see meeting-participants.ts),
 * update = edit (PATCH) and/or refresh token (POST …/token), delete = DELETE. Only `name`, `picture` and
 * `presetName` are editable; the ids are fixed at creation, so changing one replaces the participant.
 *
 * The engine hands every method plain property bags (the unknown sentinel during preview, values written by
 * older versions in state), so inputs are parsed here rather than trusted.
 */
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  isOutcomeUnknown,
  type AddParticipantInput,
  type EditParticipantInput,
  type Participant,
  type ParticipantWithToken,
  type RealtimeKitClient,
} from "../../sdk";
import type { ResolvedConfig } from "../config";
import { connect } from "./context";
import { messageOf, withContext, wrap } from "./errors";
import { meetingParticipants, type MeetingRef } from "./meeting-participants";
import { UNKNOWN, compare, describeValue, isHttpUrl, isRecord, type Disclosure } from "./values";
import type { PropertyMap, RuntimeProvider } from "./index";

/** The Participant's inputs after `check`. */
export type ParticipantInputs = {
  meetingId: string;
  customParticipantId: string;
  presetName: string;
  name?: string;
  picture?: string;
  tokenRotation?: string | number;
  refreshBeforeExpiry?: number;
  adopt?: boolean;
  accountId?: string;
  appId?: string;
};

/** The Participant's outputs: the computed values plus every input, with `accountId`/`appId` resolved. */
export type ParticipantOutputs = {
  participantId: string;
  /** The join token (a JWT). Absent only when a create was interrupted after the participant existed. */
  token?: string;
  /** ISO 8601 time the token expires, from its `exp` claim; absent when the token carries none. */
  tokenExpiresAt?: string;
  createdAt: string;
  updatedAt: string;
  meetingId: string;
  customParticipantId: string;
  presetName: string;
  name: string;
  picture?: string;
  tokenRotation?: string | number;
  refreshBeforeExpiry?: number;
  adopt?: boolean;
  accountId: string;
  appId: string;
};

// ---------------------------------------------------------------------------------------------- check

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

/** The engine's own key for the serialized provider; never an input of ours, never compared. */
const PROVIDER_KEY = "__provider";

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

// ---------------------------------------------------------------------------------------------- diff

/** The API cannot change these on an existing participant, so a change means a new participant. */
export const REPLACE_ON_CHANGE = ["accountId", "appId", "meetingId", "customParticipantId"] as const;
/** Changed in place: `name`, `picture`, `presetName` with one PATCH; `tokenRotation` with the refresh-token call. */
export const UPDATE_IN_PLACE = ["name", "picture", "presetName", "tokenRotation"] as const;
/** Provider settings kept in state: a change rewrites the outputs and calls no API. */
export const STATE_ONLY = ["refreshBeforeExpiry", "adopt"] as const;
/** Resolved from config when omitted, so they are compared only when the program sets them. */
const RESOLVED_WHEN_OMITTED: readonly string[] = ["accountId", "appId"];
/** The fields PATCH accepts. */
const EDITABLE = ["name", "picture", "presetName"] as const;

type DiffKey =
  (typeof REPLACE_ON_CHANGE)[number] | (typeof UPDATE_IN_PLACE)[number] | (typeof STATE_ONLY)[number];

/**
 * Compares the stored outputs with the new inputs, purely (no network): `replaces` lists changed
 * {@link REPLACE_ON_CHANGE} keys, and `changes` is also true for changed {@link UPDATE_IN_PLACE} or
 * {@link STATE_ONLY} keys, a missing token, and a token whose `exp` is within `refreshBeforeExpiry` seconds of
 * `now`. Unknown values count as changed. `__provider` is never compared, so upgrading the package shows no diff.
 */
export function diffParticipant(
  olds: PropertyMap,
  news: PropertyMap,
  now: number = Date.now(),
): { changes: boolean; replaces: string[] } {
  const replaces = REPLACE_ON_CHANGE.filter((key) => hasChanged(key, olds, news));
  const updates = [...UPDATE_IN_PLACE, ...STATE_ONLY].filter((key) => hasChanged(key, olds, news));
  const token = optionalString(olds.token);
  const tokenDue = token === undefined || tokenExpiring(token, news.refreshBeforeExpiry, now);
  return { changes: replaces.length > 0 || updates.length > 0 || tokenDue, replaces };
}

function hasChanged(key: DiffKey, olds: PropertyMap, news: PropertyMap): boolean {
  const next = news[key];
  if (next === UNKNOWN) return true;
  if (RESOLVED_WHEN_OMITTED.includes(key) && (next === undefined || next === null)) return false;
  return comparable(key, olds[key]) !== comparable(key, next);
}

/** One canonical form per key, so "absent" and its default compare equal (no phantom diffs). */
function comparable(key: DiffKey, value: unknown): unknown {
  if (value === null) value = undefined;
  switch (key) {
    case "name":
      // Absent means "no name": create sends "" then, and the API answers "".
      return value ?? "";
    case "picture":
      return value === "" ? undefined : value;
    case "adopt":
      return value ?? false;
    default:
      return value;
  }
}

/** Whether the token's `exp` is within `refreshBeforeExpiry` seconds of `now` (false when either is unknown). */
export function tokenExpiring(token: string, refreshBeforeExpiry: unknown, now: number): boolean {
  if (typeof refreshBeforeExpiry !== "number") return false;
  const expiresAt = tokenExpiry(token);
  return expiresAt !== undefined && expiresAt.getTime() - now <= refreshBeforeExpiry * 1000;
}

/** The JWT's `exp` claim as a Date, or undefined for a token without one (or not a JWT). */
export function tokenExpiry(token: string): Date | undefined {
  const { exp } = tokenClaims(token);
  return exp === undefined ? undefined : new Date(exp * 1000);
}

/** How long the token is valid from issue, in seconds (`exp - iat`); undefined when either claim is missing. */
function tokenLifetime(token: string): number | undefined {
  const { exp, iat } = tokenClaims(token);
  return exp === undefined || iat === undefined ? undefined : exp - iat;
}

/** The numeric `exp` and `iat` claims of a JWT (absent when the token is not a JWT or lacks them). */
function tokenClaims(token: string): { exp?: number; iat?: number } {
  const payload = token.split(".")[1];
  if (payload === undefined) return {};
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return {};
  }
  if (!isRecord(claims)) return {};
  const numeric = (value: unknown): number | undefined =>
    typeof value === "number" && Number.isFinite(value) ? value : undefined;
  return { exp: numeric(claims.exp), iat: numeric(claims.iat) };
}

// ---------------------------------------------------------------------------------------------- CRUD

/** The call-time context of one operation: client, resolved config, and the meeting it is about. */
interface Target {
  client: RealtimeKitClient;
  config: ResolvedConfig;
  meeting: MeetingRef;
  /** `participant "alice" in meeting <id>`, for messages. */
  label: string;
}

function targetFor(
  operation: "create" | "read" | "update" | "delete",
  meetingId: string,
  customParticipantId: string,
  ids: { accountId?: string; appId?: string },
): Target {
  const label = `participant "${customParticipantId}" in meeting ${meetingId}`;
  try {
    const { client, config } = connect(ids);
    const meeting = { baseUrl: config.baseUrl, accountId: config.accountId, appId: config.appId, meetingId };
    return { client, config, meeting, label };
  } catch (error) {
    throw wrap(`${operation} ${label}`, error);
  }
}

/** Adds the participant, or adopts an existing one (see `adopt`), or recovers from an ambiguous add. */
export async function createParticipant(
  news: PropertyMap,
): Promise<{ id: string; outs: ParticipantOutputs }> {
  const inputs = parseInputs(news);
  const target = targetFor("create", inputs.meetingId, inputs.customParticipantId, inputs);
  const existing = await withContext(`create ${target.label}`, () =>
    findByCustomId(target, inputs.customParticipantId, "shared"),
  );
  if (existing.length > 0) {
    if (!inputs.adopt) throw alreadyExists(target, inputs, existing);
    return adoptExisting(target, inputs, pickOne(target, existing), "adopt");
  }
  let added: ParticipantWithToken;
  try {
    added = await addParticipant(target, {
      customParticipantId: inputs.customParticipantId,
      presetName: inputs.presetName,
      // Always sent: tokens minted without a name are reported to fail to join.
      name: inputs.name ?? "",
      ...(inputs.picture !== undefined ? { picture: inputs.picture } : {}),
    });
  } catch (error) {
    if (error instanceof ConflictError) {
      meetingParticipants.invalidate(target.meeting);
      if (!inputs.adopt) throw alreadyExists(target, inputs, [], error);
      const found = await withContext(`adopt ${target.label}`, () =>
        findByCustomId(target, inputs.customParticipantId, "fresh"),
      );
      if (found.length === 0) throw wrap(`create ${target.label}`, error);
      return adoptExisting(target, inputs, pickOne(target, found), "adopt");
    }
    if (isOutcomeUnknown(error)) return recoverAmbiguousAdd(target, inputs, error);
    throw wrap(`create ${target.label}`, error);
  }
  meetingParticipants.upsert(target.meeting, added);
  return { id: added.id, outs: outputsOf(added, added.token, inputs, target.config) };
}

/**
 * The add may or may not have been processed (5xx, timeout, dropped connection). Looks at the meeting
 * afresh: if the participant is there, it is ours, so it is recorded rather than added a second time.
 */
async function recoverAmbiguousAdd(
  target: Target,
  inputs: ParticipantInputs,
  addError: unknown,
): Promise<{ id: string; outs: ParticipantOutputs }> {
  // A timed-out add could still be processed after this look (the emulator drops a request whose client
  // went away; the real API's behaviour is unknown). Such a straggler surfaces on the next run as "already
  // exists", with the hint to adopt it, never as a silent duplicate.
  let found: Participant[];
  try {
    found = await findByCustomId(target, inputs.customParticipantId, "fresh");
  } catch (listError) {
    throw new Error(
      `Could not create ${target.label}: ${messageOf(addError)}. Listing the meeting to see whether it was ` +
        `created failed too (${messageOf(listError)}). If it now exists, set \`adopt: true\` and run \`pulumi up\` again.`,
      { cause: addError },
    );
  }
  if (found.length === 0) {
    throw new Error(
      `Could not create ${target.label}: ${messageOf(addError)}. The meeting has no participant with ` +
        `customParticipantId "${inputs.customParticipantId}" yet, but the add may still be processed later. ` +
        "Run `pulumi up` again; if it then reports that the participant already exists, set `adopt: true` " +
        "on this Participant to take it over.",
      { cause: addError },
    );
  }
  // Several means an older one existed already (the API accepted a duplicate); ours is the newest.
  const ours = [...found].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return adoptExisting(target, inputs, ours, "recover");
}

/**
 * Brings an existing participant to the declared fields (one PATCH, only if something differs) and issues
 * it a token (get and list return none). With `recover`, the participant is one this create added, so a
 * failure here still reports its id: the engine then records it instead of orphaning it.
 */
async function adoptExisting(
  target: Target,
  inputs: ParticipantInputs,
  existing: Participant,
  reason: "adopt" | "recover",
): Promise<{ id: string; outs: ParticipantOutputs }> {
  let current = existing;
  try {
    const patch = editsBetween(existing, inputs);
    if (Object.keys(patch).length > 0) current = await editParticipant(target, existing.id, patch);
    const { token } = await target.client.participants.refreshToken(inputs.meetingId, existing.id);
    meetingParticipants.upsert(target.meeting, current);
    return { id: existing.id, outs: outputsOf(current, token, inputs, target.config) };
  } catch (error) {
    const failure = wrap(`${reason === "adopt" ? "adopt" : "create"} ${target.label}`, error);
    if (reason === "recover") {
      // The participant exists: report it as created-but-not-initialized so the engine keeps it in state
      // (without a token; the next `pulumi up` updates it and issues one).
      throw Object.assign(failure, {
        id: existing.id,
        properties: outputsOf(current, undefined, inputs, target.config),
        reasons: [failure.message],
      });
    }
    throw failure;
  }
}

/**
 * Refreshes the participant from the API. Gone (404) returns `{}`, which removes it from state. Otherwise
 * the current fields plus the stored token, and `inputs` rebuilt from them so refresh leaves no phantom diff.
 */
export async function readParticipant(
  id: string,
  props: PropertyMap,
): Promise<{ id?: string; props?: ParticipantOutputs; inputs?: PropertyMap }> {
  const state = parseOutputs(props);
  const target = targetFor("read", state.meetingId, state.customParticipantId, state);
  const current = await withContext(`read ${target.label}`, () =>
    meetingParticipants.find(target.client, target.meeting, id),
  );
  if (current === undefined) return {};
  const outs = outputsOf(current, state.token, state, target.config);
  return { id, props: outs, inputs: inputsOf(outs) };
}

/** Added to an update's 404: the participant is gone, and how to bring state and meeting back in line. */
const DELETED_OUTSIDE_HINT =
  " It was deleted outside Pulumi: run `pulumi refresh` to drop it from state, then `pulumi up` to add it again.";

/**
 * One PATCH with only the changed editable fields (its token is kept), then the refresh-token call when
 * `tokenRotation` changed, the token is due (see `refreshBeforeExpiry`) or missing. Same participant id.
 * Fails when the token it ends with is itself already due: `refreshBeforeExpiry` is then at least the
 * token lifetime, and every later preview would show an update (see {@link failWhenNewTokenIsDue}).
 */
export async function updateParticipant(
  id: string,
  olds: PropertyMap,
  news: PropertyMap,
): Promise<{ outs: ParticipantOutputs }> {
  const state = parseOutputs(olds);
  const inputs = parseInputs(news);
  // The participant lives where it was created: the recorded ids win over whatever config says today
  // (a changed explicit id is a replacement, so it never reaches update).
  const target = targetFor("update", state.meetingId, state.customParticipantId, state);
  const gone = (error: unknown): string => (error instanceof NotFoundError ? DELETED_OUTSIDE_HINT : "");
  return withContext(
    `update ${target.label}`,
    async () => {
      let current: Participant = participantOf(id, state);
      let token = state.token;
      const patch = editsBetween(current, inputs);
      if (Object.keys(patch).length > 0) {
        const edited = await editParticipant(target, id, patch);
        current = edited;
        token = edited.token;
      }
      const rotate = hasChanged("tokenRotation", state, news);
      if (rotate || token === undefined || tokenExpiring(token, inputs.refreshBeforeExpiry, Date.now())) {
        token = (await target.client.participants.refreshToken(state.meetingId, id)).token;
      }
      const outs = outputsOf(current, token, inputs, target.config);
      failWhenNewTokenIsDue(target, token, inputs.refreshBeforeExpiry, outs, news);
      return { outs };
    },
    gone,
  );
}

/**
 * Throws when a token just issued is already within `refreshBeforeExpiry` of its expiry: the setting is at
 * least the token lifetime, so no token would ever satisfy it (every preview an update, every `pulumi up` a
 * new token). The participant's new state, token included, goes with the error, so the engine records it.
 */
function failWhenNewTokenIsDue(
  target: Target,
  token: string,
  refreshBeforeExpiry: number | undefined,
  outs: ParticipantOutputs,
  news: PropertyMap,
): void {
  if (!tokenExpiring(token, refreshBeforeExpiry, Date.now())) return;
  const lifetime = tokenLifetime(token);
  const lasts =
    lifetime === undefined
      ? "the token RealtimeKit just issued is already that close to its expiry"
      : `tokens RealtimeKit issues live ${lifetime} seconds (exp - iat of the token just issued)`;
  const failure = new Error(
    `Could not update ${target.label}: refreshBeforeExpiry is ${refreshBeforeExpiry} seconds, but ${lasts}, ` +
      "so every new token is already due for renewal and every preview would show an update. Set " +
      `refreshBeforeExpiry below ${lifetime === undefined ? "the token lifetime" : `${lifetime} seconds`}, or remove it.`,
  );
  // A partial failure: the engine keeps these outputs (the new token) and retries the update next time.
  throw Object.assign(failure, {
    id: outs.participantId,
    // Outputs normally get `__provider` from the host; on this error path they must carry it themselves.
    properties: dropUndefined({ ...outs, [PROVIDER_KEY]: news[PROVIDER_KEY] }),
    reasons: [failure.message],
  });
}

/** Deletes the participant; one that is already gone (404) counts as deleted. */
export async function deleteParticipant(id: string, props: PropertyMap): Promise<void> {
  const state = parseOutputs(props);
  const target = targetFor("delete", state.meetingId, state.customParticipantId, state);
  try {
    await target.client.participants.delete(state.meetingId, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw wrap(`delete ${target.label}`, error);
  }
  meetingParticipants.remove(target.meeting, id);
}

/** The Participant runtime provider, as the shim calls it. */
export const participantRuntime: RuntimeProvider = {
  async check(_olds, news) {
    return checkParticipant(news);
  },
  async diff(_id, olds, news) {
    return diffParticipant(olds, news);
  },
  async create(inputs) {
    return createParticipant(inputs);
  },
  async read(id, props) {
    return readParticipant(id, props ?? {});
  },
  async update(id, olds, news) {
    return updateParticipant(id, olds, news);
  },
  async delete(id, props) {
    return deleteParticipant(id, props);
  },
};

// ---------------------------------------------------------------------------------------------- helpers

async function findByCustomId(
  target: Target,
  customParticipantId: string,
  mode: "shared" | "fresh",
): Promise<Participant[]> {
  const list = mode === "fresh" ? meetingParticipants.listFresh : meetingParticipants.list;
  const participants = await list.call(meetingParticipants, target.client, target.meeting);
  return participants.filter((participant) => participant.customParticipantId === customParticipantId);
}

function pickOne(target: Target, found: Participant[]): Participant {
  if (found.length === 1) return found[0];
  throw new Error(
    `Could not adopt ${target.label}: ${found.length} participants have that customParticipantId ` +
      `(ids ${found.map((participant) => participant.id).join(", ")}); delete the extra ones first.`,
  );
}

function alreadyExists(
  target: Target,
  inputs: ParticipantInputs,
  found: Participant[],
  cause?: unknown,
): Error {
  const ids = found.length > 0 ? ` (id ${found.map((participant) => participant.id).join(", ")})` : "";
  const api = cause === undefined ? "" : ` (${messageOf(cause)})`;
  return new Error(
    `Could not create ${target.label}: a participant with customParticipantId "${inputs.customParticipantId}" ` +
      `already exists${ids}${api}. To manage it with Pulumi, set \`adopt: true\` on this Participant. If this ` +
      "is a replacement of the same participant, add the `deleteBeforeReplace: true` resource option; if " +
      "the Participant (or its Roster) was renamed, add the `aliases` resource option with its old name, so " +
      "Pulumi keeps the existing resource instead of creating a new one.",
    { cause },
  );
}

/** Adds a participant; a rejected preset name is reported with the app's presets (see {@link withKnownPresets}). */
async function addParticipant(target: Target, input: AddParticipantInput): Promise<ParticipantWithToken> {
  try {
    return await target.client.participants.add(target.meeting.meetingId, input);
  } catch (error) {
    throw await withKnownPresets(target, error);
  }
}

/** Edits a participant and records the result in the shared view; a rejected preset is reported as on add. */
async function editParticipant(
  target: Target,
  id: string,
  patch: EditParticipantInput,
): Promise<ParticipantWithToken> {
  let edited: ParticipantWithToken;
  try {
    edited = await target.client.participants.edit(target.meeting.meetingId, id, patch);
  } catch (error) {
    throw await withKnownPresets(target, error);
  }
  meetingParticipants.upsert(target.meeting, edited);
  return edited;
}

/**
 * A 400 about the preset, with `; known presets: a, b, c` appended: the app's preset names, so a typo is
 * fixed without a trip to the dashboard. Any other error, or a failure to list the presets, is returned as is.
 */
async function withKnownPresets(target: Target, error: unknown): Promise<unknown> {
  if (!(error instanceof ValidationError) || !/preset/i.test(error.upstreamMessage)) return error;
  let names: string[];
  try {
    names = (await target.client.presets.listAll()).map((preset) => preset.name).sort(compare);
  } catch {
    return error;
  }
  const known = names.length > 0 ? names.join(", ") : "none (the app has no presets)";
  return new Error(`${error.message}; known presets: ${known}`, { cause: error });
}

/** The PATCH body that brings `current` to the declared fields; empty when nothing differs. */
function editsBetween(current: Participant, inputs: ParticipantInputs): EditParticipantInput {
  const declared = {
    name: inputs.name ?? "",
    picture: inputs.picture ?? null,
    presetName: inputs.presetName,
  };
  const patch: EditParticipantInput = {};
  for (const key of EDITABLE) {
    if (comparable(key, current[key]) !== comparable(key, declared[key])) patch[key] = declared[key];
  }
  return patch;
}

function outputsOf(
  participant: Participant,
  token: string | undefined,
  inputs: Omit<ParticipantInputs, "accountId" | "appId">,
  config: ResolvedConfig,
): ParticipantOutputs {
  const outputs: ParticipantOutputs = {
    participantId: participant.id,
    token,
    tokenExpiresAt: token === undefined ? undefined : tokenExpiry(token)?.toISOString(),
    createdAt: participant.createdAt,
    updatedAt: participant.updatedAt,
    meetingId: inputs.meetingId,
    customParticipantId: participant.customParticipantId,
    presetName: participant.presetName,
    name: participant.name ?? "",
    picture: participant.picture ?? undefined,
    tokenRotation: inputs.tokenRotation,
    refreshBeforeExpiry: inputs.refreshBeforeExpiry,
    adopt: inputs.adopt,
    accountId: config.accountId,
    appId: config.appId,
  };
  return dropUndefined(outputs);
}

/** The inputs a program declaring exactly these outputs would have (omitting values equal to defaults). */
function inputsOf(outputs: ParticipantOutputs): PropertyMap {
  return dropUndefined({
    meetingId: outputs.meetingId,
    customParticipantId: outputs.customParticipantId,
    presetName: outputs.presetName,
    name: outputs.name === "" ? undefined : outputs.name,
    picture: outputs.picture,
    tokenRotation: outputs.tokenRotation,
    refreshBeforeExpiry: outputs.refreshBeforeExpiry,
    adopt: outputs.adopt,
    accountId: outputs.accountId,
    appId: outputs.appId,
  });
}

function participantOf(id: string, state: ParticipantOutputs): Participant {
  return {
    id,
    customParticipantId: state.customParticipantId,
    presetName: state.presetName,
    name: state.name,
    picture: state.picture ?? null,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

/** Inputs as `check` returned them; anything else means the engine sent something unexpected. */
function parseInputs(bag: PropertyMap): ParticipantInputs {
  const { failures } = checkParticipant(bag);
  if (failures.length > 0) {
    throw new Error(`Invalid Participant inputs: ${failures.map((failure) => failure.reason).join("; ")}`);
  }
  return {
    meetingId: String(bag.meetingId).trim(),
    customParticipantId: String(bag.customParticipantId).trim(),
    presetName: String(bag.presetName).trim(),
    name: optionalString(bag.name),
    picture: optionalString(bag.picture),
    tokenRotation:
      typeof bag.tokenRotation === "number" ? bag.tokenRotation : optionalString(bag.tokenRotation),
    refreshBeforeExpiry: typeof bag.refreshBeforeExpiry === "number" ? bag.refreshBeforeExpiry : undefined,
    adopt: typeof bag.adopt === "boolean" ? bag.adopt : undefined,
    accountId: optionalString(bag.accountId)?.trim(),
    appId: optionalString(bag.appId)?.trim(),
  };
}

/** Outputs from state, tolerating what older versions may have written. */
function parseOutputs(bag: PropertyMap): ParticipantOutputs {
  const meetingId = optionalString(bag.meetingId);
  const customParticipantId = optionalString(bag.customParticipantId);
  if (meetingId === undefined || customParticipantId === undefined) {
    throw new Error(
      "This Participant's state has no meetingId or customParticipantId. Dynamic resources cannot be " +
        "imported with `pulumi import`; declare the Participant with `adopt: true` instead.",
    );
  }
  return {
    participantId: optionalString(bag.participantId) ?? "",
    token: optionalString(bag.token),
    createdAt: optionalString(bag.createdAt) ?? "",
    updatedAt: optionalString(bag.updatedAt) ?? "",
    meetingId,
    customParticipantId,
    presetName: optionalString(bag.presetName) ?? "",
    name: optionalString(bag.name) ?? "",
    picture: optionalString(bag.picture),
    tokenRotation:
      typeof bag.tokenRotation === "number" ? bag.tokenRotation : optionalString(bag.tokenRotation),
    refreshBeforeExpiry: typeof bag.refreshBeforeExpiry === "number" ? bag.refreshBeforeExpiry : undefined,
    adopt: typeof bag.adopt === "boolean" ? bag.adopt : undefined,
    accountId: optionalString(bag.accountId) ?? "",
    appId: optionalString(bag.appId) ?? "",
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
