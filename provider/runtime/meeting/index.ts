/**
 * The Meeting provider, loaded at call time by the serialized shim (../../shim.ts): `check` (./check.ts),
 * `diff` (./diff.ts) and the lifecycle (./lifecycle.ts) over the fields described in ./fields.ts.
 */
import type { PropertyMap, RuntimeProvider } from "../protocol";
import { forEngine } from "../inputs";
import { checkMeeting } from "./check";
import { changedMeetingFields } from "./diff";
import { MEETING_REPLACE_FIELDS, type MeetingInputs, type MeetingOutputs } from "./fields";
import { meetingLifecycle } from "./lifecycle";

export { checkMeeting } from "./check";
export { changedMeetingFields, deepEqual } from "./diff";
export {
  MEETING_BODY_FIELDS,
  MEETING_REPLACE_FIELDS,
  STORAGE_CREDENTIAL_FIELDS,
  type MeetingInputs,
  type MeetingOutputs,
} from "./fields";
export { remoteView } from "./state";

/** The Meeting provider, as the runtime module exposes it to the shim. */
export const meetingRuntime: RuntimeProvider<MeetingInputs, MeetingOutputs> = {
  async check(_olds, news) {
    const { inputs, failures } = checkMeeting(news as PropertyMap);
    return { inputs: inputs as MeetingInputs, failures: forEngine(failures) };
  },

  async diff(_id, olds, news) {
    const changed = changedMeetingFields(olds, news);
    const replaces = changed.filter((key) => (MEETING_REPLACE_FIELDS as readonly string[]).includes(key));
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
  },

  ...meetingLifecycle,
};
