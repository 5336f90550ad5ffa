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
  type AddParticipantInput,
  type Participant,
  type ParticipantWithToken,
} from "../../../sdk";
import { withContext, wrap } from "../errors";
import { partialFailure } from "../partial-failure";
import type { PropertyMap } from "../protocol";
import { sharedParticipantList } from "../shared-participant-list";
import {
  addParticipant,
  editParticipant,
  findByCustomId,
  pickOne,
  targetFor,
  type Target,
} from "./api-calls";
import { refuseSharedParticipant } from "./claims";
import { editsBetween, hasChanged } from "./diff";
import {
  DELETED_OUTSIDE_HINT,
  alreadyExists,
  lateDuplicate,
  notThereAfter,
  unknownAndUnlisted,
  windowCoversLifetime,
} from "./messages";
import {
  inputsOf,
  outputsOf,
  parseInputs,
  parseOutputs,
  participantOf,
  type ParticipantInputs,
  type ParticipantOutputs,
} from "./state";
import { tokenExpiring, tokenLifetime } from "./token-claims";

/**
 * Adds the participant. An existing one with the same `customParticipantId` is taken over when it is
 * identical to the declaration (see {@link takeOver}) or `adopt` is set. An add whose outcome is unknown is
 * settled by listing the meeting afresh: there, it is recorded; absent, it is sent again under the SDK's
 * retry policy (bounded attempts, backoff, pacing). Like update, it fails (with the participant and its token
 * recorded) when `refreshBeforeExpiry` is at least the lifetime of the token just issued.
 */
export async function createParticipant(
  news: PropertyMap,
): Promise<{ id: string; outs: ParticipantOutputs }> {
  const inputs = parseInputs(news);
  const target = targetFor("create", inputs.meetingId, inputs.customParticipantId, inputs);
  const created = await addOrTakeOver(target, inputs, news);
  const { token } = created.outs;
  if (token !== undefined)
    failWhenWindowCoversLifetime("create", target, token, inputs.refreshBeforeExpiry, created.outs, news);
  return created;
}

/**
 * The create, top-down: an existing participant is taken over; otherwise the add is sent, and every way it
 * can end is decided here. Added: recorded. Conflict: the meeting is listed afresh and what is there is
 * taken over. Outcome unknown (the SDK never resends an add blindly): the meeting is listed afresh, and the
 * participant found is adopted; none found, the add is sent again after the SDK's backoff, until its retry
 * policy gives up.
 */
async function addOrTakeOver(
  target: Target,
  inputs: ParticipantInputs,
  news: PropertyMap,
): Promise<{ id: string; outs: ParticipantOutputs }> {
  const existing = await withContext(`create ${target.label}`, () =>
    findByCustomId(target, inputs.customParticipantId, "shared"),
  );
  if (existing.length > 0) return takeOver(target, inputs, news, existing);
  for (let attempt = 1; ; attempt++) {
    let added: ParticipantWithToken;
    try {
      added = await addParticipant(target, addBody(inputs));
    } catch (error) {
      if (error instanceof ConflictError) return takeOverAfterConflict(target, inputs, news, error);
      if (!isOutcomeUnknown(error)) throw wrap(`create ${target.label}`, error);
      const found = await lookAfterUnknownOutcome(target, inputs, error);
      // Several means an older one existed already (the API accepted a duplicate); ours is the newest.
      if (found.length > 0) return adoptExisting(target, inputs, news, newest(found), "recover");
      if (await target.client.pauseBeforeResend(attempt)) continue;
      throw notThereAfter(target, inputs, attempt, error);
    }
    sharedParticipantList.upsert(target.meeting, added);
    return { id: added.id, outs: outputsOf(added, added.token, inputs, target.config) };
  }
}

/** The add was refused because the participant exists: what the meeting now holds is taken over. */
async function takeOverAfterConflict(
  target: Target,
  inputs: ParticipantInputs,
  news: PropertyMap,
  conflict: ConflictError,
): Promise<{ id: string; outs: ParticipantOutputs }> {
  sharedParticipantList.invalidate(target.meeting);
  const found = await withContext(`create ${target.label}`, () =>
    findByCustomId(target, inputs.customParticipantId, "fresh"),
  );
  if (found.length === 0) throw wrap(`create ${target.label}`, conflict);
  return takeOver(target, inputs, news, found, conflict);
}

function newest(found: Participant[]): Participant {
  return [...found].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/**
 * An existing participant with the declared `customParticipantId`. With `adopt: true`, it is adopted
 * whatever its fields. Without, it is taken over only when it is identical to the declaration (preset, name
 * and picture): there is nothing to lose by recording it, and it is what a `pulumi up` killed mid-apply
 * leaves behind (its token was lost with that run, so a new one is issued). A differing one, or several,
 * fail with what differs and what to do.
 */
async function takeOver(
  target: Target,
  inputs: ParticipantInputs,
  news: PropertyMap,
  existing: Participant[],
  cause?: unknown,
): Promise<{ id: string; outs: ParticipantOutputs }> {
  const reason = inputs.adopt ? "adopt" : "recover";
  // A holder in state may have been checked while this create listed the meeting: never take its participant.
  refuseSharedParticipant(inputs.meetingId, inputs.customParticipantId);
  if (!inputs.adopt && (existing.length > 1 || !isIdentical(existing[0], inputs))) {
    throw alreadyExists(target, inputs, existing, cause);
  }
  const participant = pickOne(target, existing);
  // A resource still in state may hold this participant (a rename without `aliases`, a create-before-
  // delete replacement): its delete later in this deployment must leave the participant alone.
  sharedParticipantList.claim(target.meeting, participant.id);
  return adoptExisting(target, inputs, news, participant, reason);
}

function isIdentical(participant: Participant, inputs: ParticipantInputs): boolean {
  return Object.keys(editsBetween(participant, inputs)).length === 0;
}

function addBody(inputs: ParticipantInputs): AddParticipantInput {
  return {
    customParticipantId: inputs.customParticipantId,
    presetName: inputs.presetName,
    // Always sent: tokens minted without a name are reported to fail to join.
    name: inputs.name ?? "",
    ...(inputs.picture !== undefined ? { picture: inputs.picture } : {}),
  };
}

/**
 * After an add whose outcome is unknown, the participants with the declared `customParticipantId`, listed
 * afresh. A timed-out add could still be processed after this look (the emulator drops a request whose
 * client went away; the real API's behaviour is unknown): such a late duplicate is reported by the next
 * refresh (see {@link readParticipant}), never kept silently.
 */
async function lookAfterUnknownOutcome(
  target: Target,
  inputs: ParticipantInputs,
  addError: unknown,
): Promise<Participant[]> {
  try {
    return await findByCustomId(target, inputs.customParticipantId, "fresh");
  } catch (listError) {
    throw unknownAndUnlisted(target, addError, listError);
  }
}

/**
 * Brings an existing participant to the declared fields (one PATCH, only if something differs) and issues
 * it a token (get and list return none). With `recover`, the participant is one this create added (or an
 * identical one), so a failure here still reports its id: the engine then records it instead of
 * orphaning it, and the next `pulumi up` issues the token.
 */
async function adoptExisting(
  target: Target,
  inputs: ParticipantInputs,
  news: PropertyMap,
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
    if (reason !== "recover") throw failure;
    // Recorded without a token: the next `pulumi up` updates it and issues one.
    throw partialFailure(failure, {
      id: existing.id,
      outputs: outputsOf(current, undefined, inputs, target.config),
      inputs: news,
    });
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
  const twins = await withContext(`read ${target.label}`, () =>
    findByCustomId(target, state.customParticipantId, "shared"),
  );
  const extra = twins.filter((participant) => participant.id !== id);
  if (extra.length > 0) throw lateDuplicate(target, id, extra);
  const outs = outputsOf(current, state.token, state, target.config);
  return { id, props: outs, inputs: inputsOf(outs) };
}

/**
 * One PATCH with only the changed editable fields (its token is kept), then the refresh-token call when
 * `tokenRotation` changed, the token is due (see `refreshBeforeExpiry`) or missing. Same participant id.
 * Fails when `refreshBeforeExpiry` is at least the lifetime of the token it ends with: every later preview
 * would show an update (see {@link failWhenWindowCoversLifetime}).
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
      failWhenWindowCoversLifetime("update", target, token, inputs.refreshBeforeExpiry, outs, news);
      return { outs };
    },
    gone,
  );
}

/**
 * Throws when `refreshBeforeExpiry` is at least the lifetime of the token just issued (its `exp - iat`; for a
 * token without `iat`, when it is already that close to expiry): no token would ever satisfy it (every
 * preview an update, every `pulumi up` a new token). The lifetime, not the time left, decides, so a token
 * that is simply old (a server clock behind ours, a test's backdated token) is not mistaken for a bad
 * setting. The participant's new state, token included, goes with the error, so the engine records it.
 */
function failWhenWindowCoversLifetime(
  operation: "create" | "update",
  target: Target,
  token: string,
  refreshBeforeExpiry: number | undefined,
  outs: ParticipantOutputs,
  news: PropertyMap,
): void {
  if (refreshBeforeExpiry === undefined) return;
  const lifetime = tokenLifetime(token);
  const covered =
    lifetime === undefined
      ? tokenExpiring(token, refreshBeforeExpiry, Date.now())
      : refreshBeforeExpiry >= lifetime;
  if (!covered) return;
  const failure = windowCoversLifetime(operation, target, refreshBeforeExpiry, lifetime);
  // The participant exists with its new token: the engine records both, and the next `pulumi up` tries an
  // update (its token is due) that fails the same way until the setting is fixed.
  throw partialFailure(failure, { id: outs.participantId, outputs: outs, inputs: news });
}

/** Deletes the participant; one that is already gone (404) counts as deleted. */
export async function deleteParticipant(id: string, props: PropertyMap): Promise<void> {
  const state = parseOutputs(props);
  const target = targetFor("delete", state.meetingId, state.customParticipantId, state);
  // Taken over by a create in this deployment: the participant now belongs to that resource.
  if (sharedParticipantList.isClaimed(target.meeting, id)) return;
  try {
    await target.client.participants.delete(state.meetingId, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw wrap(`delete ${target.label}`, error);
  }
  sharedParticipantList.remove(target.meeting, id);
}
