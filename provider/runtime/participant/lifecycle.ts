/**
 * The Participant's lifecycle: create (with adoption of an existing participant and recovery from an
 * ambiguous add), read, update (PATCH and token refresh) and delete.
 *
 * API mapping: create = add (POST), read = get (answered from the shared participant list), update = edit
 * (PATCH) and/or refresh token (POST …/token), delete = DELETE. Only `name`, `picture` and `presetName` are
 * editable; the ids are fixed at creation, so changing one replaces the participant.
 */
import {
  ConflictError,
  NotFoundError,
  isOutcomeUnknown,
  type Participant,
  type ParticipantWithToken,
} from "../../../sdk";
import { messageOf, withContext, wrap } from "../errors";
import { PROVIDER_KEY, type PropertyMap } from "../protocol";
import { sharedParticipantList } from "../shared-participant-list";
import {
  addParticipant,
  alreadyExists,
  editParticipant,
  findByCustomId,
  pickOne,
  targetFor,
  type Target,
} from "./api-calls";
import { editsBetween, hasChanged } from "./diff";
import {
  dropUndefined,
  inputsOf,
  outputsOf,
  parseInputs,
  parseOutputs,
  participantOf,
  type ParticipantInputs,
  type ParticipantOutputs,
} from "./state";
import { tokenExpiring, tokenLifetime } from "./token-claims";

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
      sharedParticipantList.invalidate(target.meeting);
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
  sharedParticipantList.upsert(target.meeting, added);
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
        `customParticipantId ${JSON.stringify(inputs.customParticipantId)} yet, but the add may still be processed later. ` +
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
    sharedParticipantList.upsert(target.meeting, current);
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
    sharedParticipantList.find(target.client, target.meeting, id),
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
  sharedParticipantList.remove(target.meeting, id);
}
