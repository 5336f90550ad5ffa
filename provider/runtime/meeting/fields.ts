/**
 * The Meeting's fields, from its description (../inputs/meeting.ts): its input and output types, which
 * fields make up the API body, which replace, and which are credentials (write-only in the API, secret in
 * state, never described in a failure).
 */
import type { Static } from "@sinclair/typebox";
import type { MeetingInput, StorageConfig } from "../../../sdk/types";
import { changeKinds } from "../inputs/keywords";
import { meetingBodyFields, meetingInputs, meetingOutputs } from "../inputs/meeting";

/** The Meeting resource's inputs after `check`: the API's writable meeting fields and the provider's settings. */
export type MeetingInputs = Static<typeof meetingInputs>;

/**
 * The Meeting resource's outputs: the inputs echoed, plus what the API assigns. `accountId` and `appId`
 * hold the values resolved at create time, so refresh and destroy reach the same meeting even after the
 * stack's config changes.
 */
export type MeetingOutputs = Static<typeof meetingOutputs>;

/** The meeting body fields, in the order they are sent: the keys a PATCH may carry besides `status`. */
export const MEETING_BODY_FIELDS = Object.keys(meetingBodyFields) as (keyof typeof meetingBodyFields)[];
// The description's body fields are fields of the API's body.
MEETING_BODY_FIELDS satisfies readonly (keyof MeetingInput)[];

/** Changing these means a different meeting: the API cannot move a meeting between accounts or apps. */
export const MEETING_REPLACE_FIELDS = changeKinds(meetingInputs.properties).replace;

/** Every input `diff` tracks: all of them. */
export const TRACKED_FIELDS = Object.keys(meetingInputs.properties) as (keyof MeetingInputs)[];

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
