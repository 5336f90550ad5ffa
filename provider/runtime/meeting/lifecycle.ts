/**
 * The Meeting's lifecycle:
 * - create: POST the meeting (then PATCH `status` when it should start INACTIVE: create takes no status).
 * - update: PATCH only the fields that changed, or PUT the whole body when `replaceOnUpdate` is set
 *   (PUT cannot set status, so a status change is a PATCH either way).
 * - read: GET the meeting and take the remote value of every field the program manages, comparing nested
 *   objects as subsets (the API fills in defaults) and never comparing write-only storage credentials.
 * - delete: the API has no delete, so a deleted Meeting is PATCHed to `status: INACTIVE`.
 * Outputs echo the inputs under the same keys: the engine copies secretness from an input to the output of
 * the same name, which is what keeps storage credentials in `recordingConfig` secret in state.
 * Each takes the property bags the engine hands over and parses them (./state.ts).
 */
import { NotFoundError } from "../../../sdk/errors";
import type { Meeting, MeetingPatch } from "../../../sdk/types";
import { connect } from "../context";
import { withContext, withContextSync, wrap } from "../errors";
import { partialFailure } from "../partial-failure";
import type { PropertyMap } from "../protocol";
import { changedMeetingFields } from "./diff";
import { MEETING_BODY_FIELDS, type MeetingInputs, type MeetingOutputs } from "./fields";
import { operation } from "./messages";
import { bodyOf, inputsOf, outputsOf, parseInputs, parseOutputs, placeOf, remoteView } from "./state";

export async function createMeeting(bag: PropertyMap): Promise<{ id: string; outs: MeetingOutputs }> {
  const inputs = parseInputs(bag);
  const { client, config } = withContextSync(operation.create, () => connect(inputs));
  let meeting = await withContext(operation.create, () =>
    client.meetings.create(bodyOf(inputs, MEETING_BODY_FIELDS)),
  );
  if (inputs.status === "INACTIVE") {
    const created = meeting;
    try {
      meeting = await client.meetings.update(created.id, { status: "INACTIVE" });
    } catch (error) {
      // The meeting exists: report it as created but not initialized, so the engine records it (as ACTIVE,
      // which it still is) instead of orphaning it, and the next `pulumi up` retries the status change.
      const failure = wrap(operation.deactivateAfterCreate(created.id), error);
      throw partialFailure(failure, {
        id: created.id,
        outputs: outputsOf({ ...inputs, status: "ACTIVE" }, config, created),
        inputs: bag,
      });
    }
  }
  return { id: meeting.id, outs: outputsOf(inputs, config, meeting) };
}

export async function readMeeting(
  id: string,
  props: PropertyMap,
): Promise<{ id: string; props?: MeetingOutputs; inputs?: MeetingInputs }> {
  const stored = parseOutputs(props);
  const { client, config } = withContextSync(operation.read(id), () => connect(placeOf(stored)));
  let meeting: Meeting;
  try {
    meeting = await client.meetings.get(id);
  } catch (err) {
    // Meetings cannot be deleted, so a 404 means the stack points at another account or app: forget it.
    if (err instanceof NotFoundError) return { id: "" };
    throw wrap(operation.read(id), err);
  }
  const current: MeetingInputs = inputsOf(stored);
  const remote: Record<string, unknown> = { ...meeting };
  for (const key of [...MEETING_BODY_FIELDS, "status"] as const) {
    if (current[key] !== undefined)
      (current as Record<string, unknown>)[key] = remoteView(current[key], remote[key], key);
  }
  return { id, props: outputsOf(current, config, meeting), inputs: current };
}

export async function updateMeeting(
  id: string,
  oldsBag: PropertyMap,
  newsBag: PropertyMap,
): Promise<{ outs: MeetingOutputs }> {
  const olds = parseOutputs(oldsBag);
  const news = parseInputs(newsBag);
  const changed = changedMeetingFields(olds, news);
  const changedBody = MEETING_BODY_FIELDS.filter((key) => changed.includes(key));
  const { client, config } = withContextSync(operation.update(id), () => connect(placeOf(olds, news)));
  const createdAt = olds.createdAt ?? "";
  let meeting: Pick<Meeting, "id" | "createdAt" | "updatedAt"> = {
    id,
    createdAt,
    updatedAt: olds.updatedAt ?? "",
  };
  const statusChanged = changed.includes("status");
  if (news.replaceOnUpdate && changedBody.length > 0) {
    // PUT replaces every field, so send everything the program manages, not just what changed.
    meeting = await withContext(operation.replace(id), () =>
      client.meetings.replace(id, bodyOf(news, MEETING_BODY_FIELDS)),
    );
    if (statusChanged) {
      meeting = await withContext(operation.update(id), () =>
        client.meetings.update(id, { status: news.status }),
      );
    }
  } else if (changedBody.length > 0 || statusChanged) {
    const patch: MeetingPatch = {
      ...bodyOf(news, changedBody),
      ...(statusChanged ? { status: news.status } : {}),
    };
    meeting = await withContext(operation.update(id), () => client.meetings.update(id, patch));
  }
  return { outs: outputsOf(news, config, { ...meeting, createdAt }) };
}

export async function deleteMeeting(id: string, props: PropertyMap): Promise<void> {
  const { client } = withContextSync(operation.delete(id), () => connect(placeOf(parseOutputs(props))));
  try {
    await client.meetings.update(id, { status: "INACTIVE" });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw wrap(operation.deactivate(id), err);
  }
}
