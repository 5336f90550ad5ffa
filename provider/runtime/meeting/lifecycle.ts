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
 */
import { NotFoundError } from "../../../sdk/errors";
import type { Meeting, MeetingPatch } from "../../../sdk/types";
import { connect } from "../context";
import { withContext, withContextSync, wrap } from "../errors";
import { partialFailure } from "../partial-failure";
import type { PropertyMap, RuntimeProvider } from "../protocol";
import { changedMeetingFields } from "./diff";
import { MEETING_BODY_FIELDS, type MeetingInputs, type MeetingOutputs } from "./fields";
import { bodyOf, inputsOf, outputsOf, placeOf, remoteView } from "./state";

/** create, read, update and delete of a Meeting, as the runtime provider exposes them. */
export const meetingLifecycle: Pick<
  RuntimeProvider<MeetingInputs, MeetingOutputs>,
  "create" | "read" | "update" | "delete"
> = {
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
        throw partialFailure(failure, {
          id: created.id,
          outputs: outputsOf({ ...inputs, status: "ACTIVE" }, config, created),
          inputs: inputs as PropertyMap,
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
