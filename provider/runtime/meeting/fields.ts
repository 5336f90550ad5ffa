/**
 * The Meeting's fields: its input and output shapes, which fields make up the API body, which replace, and
 * which are credentials (write-only in the API, secret in state, never described in a failure).
 */
import type { MeetingInput, MeetingPatch, StorageConfig } from "../../../sdk/types";
import { changeKinds } from "../inputs/keywords";
import { meetingInputs } from "../inputs/meeting";

/** `T` with `null` removed from every field: a resource input is left out rather than set to null. */
type WithoutNulls<T> = { [K in keyof T]: Exclude<T[K], null> };

/**
 * The Meeting resource's inputs, as plain values (what the provider host passes in): the API's writable
 * meeting fields, plus the provider's own settings.
 */
export interface MeetingInputs extends WithoutNulls<MeetingPatch> {
  replaceOnUpdate?: boolean;
  accountId?: string;
  appId?: string;
}

/**
 * The Meeting resource's outputs: the inputs echoed, plus what the API assigns. `accountId` and `appId`
 * hold the values resolved at create time, so refresh and destroy reach the same meeting even after the
 * stack's config changes.
 */
export interface MeetingOutputs extends MeetingInputs {
  meetingId: string;
  createdAt: string;
  updatedAt: string;
}

/** The meeting body fields, in the order they are sent: the keys a PATCH may carry besides `status`. */
export const MEETING_BODY_FIELDS = [
  "title",
  "recordOnStart",
  "liveStreamOnStart",
  "persistChat",
  "summarizeOnEnd",
  "transcribeOnEnd",
  "sessionKeepAliveTimeInSecs",
  "aiConfig",
  "recordingConfig",
] as const satisfies readonly (keyof MeetingInput)[];

/** Changing these means a different meeting: the API cannot move a meeting between accounts or apps. */
export const MEETING_REPLACE_FIELDS = changeKinds(meetingInputs.properties).replace;

/** Every input `diff` tracks. */
export const TRACKED_FIELDS = [
  ...MEETING_BODY_FIELDS,
  "status",
  "replaceOnUpdate",
  ...MEETING_REPLACE_FIELDS,
] as const;

/**
 * The `storageConfig` fields that are credentials (`x-secret` in the description). The API accepts them but
 * never returns them, so they are kept from state and never compared on read, and a `recordingConfig`
 * carrying one is made a Pulumi secret.
 */
export const STORAGE_CREDENTIAL_FIELDS = credentialFields();

function credentialFields(): readonly (keyof StorageConfig)[] {
  const [storage] = meetingInputs.properties.recordingConfig.properties.storageConfig.anyOf;
  const fields = Object.entries(storage.properties) as [keyof StorageConfig, { "x-secret"?: boolean }][];
  return fields.filter(([, schema]) => schema["x-secret"] === true).map(([key]) => key);
}

/** Whether the last segment of a property path names a storage credential. */
export function isCredential(key: string): boolean {
  return (STORAGE_CREDENTIAL_FIELDS as readonly string[]).includes(key.split(".").pop() ?? "");
}
