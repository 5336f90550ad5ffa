/**
 * The Participant's user-facing words, in one place: what a failure says and what to do about it. The
 * lifecycle (./lifecycle.ts) decides when each applies; `Could not <operation>:` comes from ../errors.ts.
 */
import { DEFAULT_BASE_URL, type Participant } from "../../../sdk";
import { messageOf } from "../errors";
import type { Target } from "./api-calls";
import type { ParticipantInputs } from "./state";

/** `participant "alice" in meeting <id>`; quoted as JSON: an id from old state could hold a line break. */
export function labelOf(customParticipantId: string, meetingId: string): string {
  return `participant ${JSON.stringify(customParticipantId)} in meeting ${meetingId}`;
}

/** Several participants share the declared customParticipantId, so none can be adopted. */
export function severalToAdopt(target: Target, found: Participant[]): Error {
  return new Error(
    `Could not adopt ${target.label}: ${found.length} participants have that customParticipantId ` +
      `(ids ${found.map((participant) => participant.id).join(", ")}); delete the extra ones first.`,
  );
}

/**
 * A participant with the declared `customParticipantId` exists and cannot be taken over on its own: it
 * differs from the declaration (the message says how), or there are several.
 */
export function alreadyExists(
  target: Target,
  inputs: ParticipantInputs,
  found: Participant[],
  cause?: unknown,
): Error {
  const ids = found.length > 0 ? ` (id ${found.map((participant) => participant.id).join(", ")})` : "";
  const api = cause === undefined ? "" : ` (${messageOf(cause)})`;
  const how =
    found.length > 1
      ? `${found.length} participants have it; delete the extra ones first`
      : found.length === 1
        ? `it differs from this Participant: ${differences(found[0], inputs)}`
        : "";
  return new Error(
    `Could not create ${target.label}: a participant with customParticipantId ${JSON.stringify(inputs.customParticipantId)} ` +
      `already exists${ids}${api}${how === "" ? "" : `, and ${how}`}. To manage it with Pulumi as declared ` +
      "(it is then updated to the declared fields), set `adopt: true` on this Participant. If this " +
      "is a replacement of the same participant, add the `deleteBeforeReplace: true` resource option; if " +
      "the Participant (or its Roster) was renamed, add the `aliases` resource option with its old name, so " +
      "Pulumi keeps the existing resource instead of creating a new one.",
    { cause },
  );
}

/** `presetName is "a", declared "b"; name is …`: the fields of `existing` that differ from the declaration. */
function differences(existing: Participant, inputs: ParticipantInputs): string {
  const declared = { presetName: inputs.presetName, name: inputs.name ?? "", picture: inputs.picture ?? "" };
  const actual = {
    presetName: existing.presetName,
    name: existing.name ?? "",
    picture: existing.picture ?? "",
  };
  return (["presetName", "name", "picture"] as const)
    .filter((key) => actual[key] !== declared[key])
    .map((key) => `${key} is ${JSON.stringify(actual[key])}, declared ${JSON.stringify(declared[key])}`)
    .join("; ");
}

/**
 * The meeting holds participants with this resource's `customParticipantId` besides the one in state: a
 * late duplicate of an add whose answer was lost, or one added outside Pulumi. Which to keep is the user's
 * call (another tool may own it), so the message names both and the exact call that deletes the extra.
 */
export function lateDuplicate(target: Target, recordedId: string, extra: Participant[]): Error {
  const base = (target.config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  // Every segment comes from config or the network: encoded as the client would send it, and the whole
  // URL quoted for the shell, so a pasted command can only ever be this one DELETE.
  const segment = encodeURIComponent;
  const url = (id: string) =>
    `${base}/accounts/${segment(target.config.accountId)}/realtime/kit/${segment(target.config.appId)}/` +
    `meetings/${segment(target.meeting.meetingId)}/participants/${segment(id)}`;
  const others = extra
    .map(
      (participant) => `${JSON.stringify(participant.id)} (created ${JSON.stringify(participant.createdAt)})`,
    )
    .join(", ");
  const deletes = extra
    .map(
      (participant) =>
        `curl -X DELETE -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" ${shellQuoted(url(participant.id))}`,
    )
    .join(" ; ");
  return new Error(
    `Could not read ${target.label}: the meeting has ${extra.length + 1} participants with this ` +
      `customParticipantId: ${recordedId} (recorded in this stack's state) and ${others} (not in it), most ` +
      "likely a late duplicate of an add whose answer was lost, or one added outside Pulumi. If nothing " +
      `else manages it, delete the extra one and run \`pulumi refresh\` again: ${deletes}`,
  );
}

/** `text` as one single-quoted shell word: nothing in it is expanded or ends the command. */
export function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An add whose outcome is unknown, and the listing that would have told failed too. */
export function unknownAndUnlisted(target: Target, addError: unknown, listError: unknown): Error {
  return new Error(
    `Could not create ${target.label}: ${messageOf(addError)}. Listing the meeting to see whether it was ` +
      `created failed too (${messageOf(listError)}). Run \`pulumi up\` again: it records the participant ` +
      "if the add went through and adds it otherwise.",
    { cause: addError },
  );
}

/** Every add's outcome was unknown, and after each the meeting had no such participant. */
export function notThereAfter(
  target: Target,
  inputs: ParticipantInputs,
  attempts: number,
  error: unknown,
): Error {
  return new Error(
    `Could not create ${target.label}: ${messageOf(error)}. Tried ${attempts} times; after each, the meeting ` +
      `had no participant with customParticipantId ${JSON.stringify(inputs.customParticipantId)}. Run \`pulumi up\` again ` +
      "when the API is healthy: it records the participant if a late add went through and adds it otherwise.",
    { cause: error },
  );
}

/** Added to an update's 404: the participant is gone, and how to bring state and meeting back in line. */
export const DELETED_OUTSIDE_HINT =
  " It was deleted outside Pulumi: run `pulumi refresh` to drop it from state, then `pulumi up` to add it again.";

/** `refreshBeforeExpiry` covers the lifetime of the token just issued (`lifetime` undefined: no `iat`). */
export function windowCoversLifetime(
  operation: "create" | "update",
  target: Target,
  refreshBeforeExpiry: number,
  lifetime: number | undefined,
): Error {
  const lasts =
    lifetime === undefined
      ? "the token RealtimeKit just issued is already that close to its expiry"
      : `tokens RealtimeKit issues live ${lifetime} seconds (exp - iat of the token just issued)`;
  return new Error(
    `Could not ${operation} ${target.label}: refreshBeforeExpiry is ${refreshBeforeExpiry} seconds, but ${lasts}, ` +
      "so every new token is already due for renewal and every preview would show an update. Set " +
      `refreshBeforeExpiry below ${lifetime === undefined ? "the token lifetime" : `${lifetime} seconds`}, or remove it.`,
  );
}

/** A rejected preset, with the app's preset names appended so a typo is fixed without the dashboard. */
export function withPresetNames(error: Error, names: string[]): Error {
  const known = names.length > 0 ? names.join(", ") : "none (the app has no presets)";
  return new Error(`${error.message}; known presets: ${known}`, { cause: error });
}

/** State without the ids a Participant is found by (an import attempt, or state edited by hand). */
export const NOT_IMPORTABLE =
  "This Participant's state has no meetingId or customParticipantId. Dynamic resources cannot be " +
  "imported with `pulumi import`; declare the Participant with `adopt: true` instead.";
