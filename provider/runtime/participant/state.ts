/**
 * The Participant's state mapping: its input and output shapes, parsing what the engine hands over (inputs
 * after `check`, outputs from state written by any version), and building outputs from an API participant.
 */
import type { Participant } from "../../../sdk";
import type { ResolvedConfig } from "../config";
import type { PropertyMap } from "../protocol";
import { checkedInputs, described, participantDescription, participantInputs } from "../inputs";
import type { ParticipantInputs, ParticipantOutputs } from "../inputs";
import { NOT_IMPORTABLE } from "./messages";
import { tokenExpiry } from "./token-claims";
import { dropUndefined } from "../../../sdk/values";

export type { ParticipantInputs, ParticipantOutputs } from "../inputs";

/** The outputs of a participant as the API now has it, with the token and the provider settings. */
export function outputsOf(
  participant: Participant,
  token: string | undefined,
  inputs: Omit<ParticipantInputs, "accountId" | "appId">,
  config: ResolvedConfig,
): ParticipantOutputs {
  const outputs: ParticipantOutputs = {
    participantId: participant.id,
    token,
    tokenExpiresAt: token === undefined ? undefined : tokenExpiry(token)?.toISOString(),
    createdAt: participant.createdAt,
    updatedAt: participant.updatedAt,
    meetingId: inputs.meetingId,
    customParticipantId: participant.customParticipantId,
    presetName: participant.presetName,
    name: participant.name ?? "",
    picture: participant.picture ?? undefined,
    tokenRotation: inputs.tokenRotation,
    refreshBeforeExpiry: inputs.refreshBeforeExpiry,
    adopt: inputs.adopt,
    accountId: config.accountId,
    appId: config.appId,
  };
  return dropUndefined(outputs);
}

/** The inputs a program declaring exactly these outputs would have (omitting values equal to defaults). */
export function inputsOf(outputs: ParticipantOutputs): PropertyMap {
  const inputs: PropertyMap = described(participantInputs, outputs);
  // No name and an empty name are one declaration (create sends "" for none).
  if (inputs.name === "") delete inputs.name;
  return inputs;
}

export function participantOf(id: string, state: ParticipantOutputs): Participant {
  return {
    id,
    customParticipantId: state.customParticipantId,
    presetName: state.presetName,
    name: state.name,
    picture: state.picture ?? null,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}

/** Inputs as `check` returned them; anything else means the engine sent something unexpected. */
export function parseInputs(bag: PropertyMap): ParticipantInputs {
  return checkedInputs(participantDescription, bag);
}

/** Outputs from state, tolerating what older versions may have written. */
export function parseOutputs(bag: PropertyMap): ParticipantOutputs {
  const meetingId = optionalString(bag.meetingId);
  const customParticipantId = optionalString(bag.customParticipantId);
  if (meetingId === undefined || customParticipantId === undefined) {
    throw new Error(NOT_IMPORTABLE);
  }
  return {
    participantId: optionalString(bag.participantId) ?? "",
    token: optionalString(bag.token),
    createdAt: optionalString(bag.createdAt) ?? "",
    updatedAt: optionalString(bag.updatedAt) ?? "",
    meetingId,
    customParticipantId,
    presetName: optionalString(bag.presetName) ?? "",
    name: optionalString(bag.name) ?? "",
    picture: optionalString(bag.picture),
    tokenRotation:
      typeof bag.tokenRotation === "number" ? bag.tokenRotation : optionalString(bag.tokenRotation),
    refreshBeforeExpiry: typeof bag.refreshBeforeExpiry === "number" ? bag.refreshBeforeExpiry : undefined,
    adopt: typeof bag.adopt === "boolean" ? bag.adopt : undefined,
    accountId: optionalString(bag.accountId) ?? "",
    appId: optionalString(bag.appId) ?? "",
  };
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
