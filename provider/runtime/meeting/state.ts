/**
 * The Meeting's state mapping: the API body from the inputs, the outputs from an API meeting, the inputs
 * back from the outputs, and the remote view of the managed fields on read.
 */
import type { Meeting, MeetingInput } from "../../../sdk/types";
import type { ResolvedConfig } from "../config";
import { checkedInputs, described, meetingDescription, meetingInputs, storedOutputs } from "../inputs";
import type { PropertyMap } from "../protocol";
import { isRecord } from "../values";
import { MEETING_BODY_FIELDS, isCredential, type MeetingInputs, type MeetingOutputs } from "./fields";

/** A Meeting's outputs as state holds them, written by any version. */
export type StoredMeeting = Partial<MeetingOutputs>;

/** Inputs as `check` returned them. */
export function parseInputs(bag: PropertyMap): MeetingInputs {
  return checkedInputs(meetingDescription, bag);
}

/** Outputs from state, tolerating what older versions may have written. */
export function parseOutputs(bag: PropertyMap): StoredMeeting {
  return storedOutputs(meetingDescription, bag);
}

/**
 * The managed value as the API now has it: every leaf the program set takes the remote value when the
 * API returned one. Nested objects compare as subsets, because the API fills in defaults the program never
 * set; write-only storage credentials keep the stored value.
 */
export function remoteView(managed: unknown, remote: unknown, key = ""): unknown {
  if (isCredential(key)) return managed;
  if (remote === undefined) return managed;
  if (isRecord(managed) && isRecord(remote)) {
    return Object.fromEntries(Object.entries(managed).map(([k, v]) => [k, remoteView(v, remote[k], k)]));
  }
  return remote;
}

// ------------------------------------------------------------------------------------------------ provider

export function bodyOf(
  inputs: MeetingInputs,
  keys: readonly (typeof MEETING_BODY_FIELDS)[number][],
): MeetingInput {
  const body: Record<string, unknown> = {};
  for (const key of keys) if (inputs[key] !== undefined) body[key] = inputs[key];
  return body as MeetingInput;
}

export function outputsOf(
  inputs: MeetingInputs,
  config: Pick<ResolvedConfig, "accountId" | "appId">,
  meeting: Pick<Meeting, "id" | "createdAt" | "updatedAt">,
): MeetingOutputs {
  return {
    ...inputs,
    accountId: config.accountId,
    appId: config.appId,
    meetingId: meeting.id,
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
  };
}

/** Where an existing meeting lives: the ids it was created with, unless the program now names others. */
export function placeOf(
  olds: StoredMeeting,
  news: MeetingInputs = {},
): { accountId?: string; appId?: string } {
  return { accountId: news.accountId ?? olds.accountId, appId: news.appId ?? olds.appId };
}

export function inputsOf(outputs: StoredMeeting): MeetingInputs {
  // The outputs less the computed ones: exactly what the program set.
  return described(meetingInputs, outputs);
}
