/**
 * The Participant's `diff`, pure (no network): which inputs replace, which update in place, and when a
 * stored token is due. Also the PATCH body that brings a participant to the declared fields.
 */
import type { EditParticipantInput, Participant } from "../../../sdk";
import { UNKNOWN } from "../values";
import { participantInputs } from "../inputs/participant";
import { changeKinds } from "../inputs/keywords";
import { configDefaulted } from "../inputs/facts";
import type { PropertyMap } from "../protocol";
import { optionalString, type ParticipantInputs } from "./state";
import { tokenExpiring } from "./token-claims";

const kinds = changeKinds(participantInputs.properties);
/** The API cannot change these on an existing participant, so a change means a new participant. */
export const REPLACE_ON_CHANGE: readonly DiffKey[] = kinds.replace;
/** Changed in place: `name`, `picture`, `presetName` with one PATCH; `tokenRotation` with the refresh-token call. */
export const UPDATE_IN_PLACE: readonly DiffKey[] = kinds.update;
/** Provider settings kept in state: a change rewrites the outputs and calls no API. */
export const STATE_ONLY: readonly DiffKey[] = kinds.stateOnly;
/** Resolved from config when omitted (`x-defaultFrom`), so they are compared only when the program sets them. */
const RESOLVED_WHEN_OMITTED: readonly string[] = configDefaulted(participantInputs);
/** The fields PATCH accepts. */
const EDITABLE = ["name", "picture", "presetName"] as const;

type DiffKey = keyof ParticipantInputs;

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

export function hasChanged(key: DiffKey, olds: PropertyMap, news: PropertyMap): boolean {
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

/** The PATCH body that brings `current` to the declared fields; empty when nothing differs. */
export function editsBetween(current: Participant, inputs: ParticipantInputs): EditParticipantInput {
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
