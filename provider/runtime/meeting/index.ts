/**
 * The Meeting kind of the runtime: `check` (the description's), `diff` (./diff.ts) and the lifecycle
 * (./lifecycle.ts), over the property bags the engine hands over; the fields come from the description
 * (./fields.ts), the words from ./messages.ts.
 */
import { checkInputs, forEngine, meetingDescription } from "../inputs";
import type { RuntimeProvider } from "../protocol";
import { changedMeetingFields } from "./diff";
import { MEETING_REPLACE_FIELDS } from "./fields";
import { createMeeting, deleteMeeting, readMeeting, updateMeeting } from "./lifecycle";

export { changedMeetingFields, deepEqual } from "./diff";
export {
  MEETING_BODY_FIELDS,
  MEETING_REPLACE_FIELDS,
  STORAGE_CREDENTIAL_FIELDS,
  type MeetingInputs,
  type MeetingOutputs,
} from "./fields";
export { remoteView } from "./state";

/** The Meeting kind: what the dynamic-provider host and the plugin call. */
export const meetingRuntime: RuntimeProvider = {
  async check(_olds, news) {
    const { inputs, failures } = checkInputs(meetingDescription, news);
    return { inputs, failures: forEngine(failures) };
  },
  async diff(_id, olds, news) {
    const changed = changedMeetingFields(olds, news);
    const replaces = changed.filter((key) => (MEETING_REPLACE_FIELDS as readonly string[]).includes(key));
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
  },
  create: (inputs) => createMeeting(inputs),
  read: (id, props) => readMeeting(id, props ?? {}),
  update: (id, olds, news) => updateMeeting(id, olds, news),
  delete: (id, props) => deleteMeeting(id, props),
};
