/**
 * The one description of every input (and output) of the package's resources and of a roster entry, as
 * data: each is a JSON Schema object built with TypeBox. `check` for Participant, Meeting and RosterPrune,
 * and roster-file validation, all run {@link checkInputs} over these; the native plugin's Pulumi package
 * schema and the reference docs are generated from them.
 *
 * Why TypeBox: its schemas are plain JSON Schema (so they map almost one to one onto a Pulumi package
 * schema), TypeScript types are inferred from them (`Static<typeof participantInputs>`), and its checker
 * reports every error with a JSON pointer, rejects unknown keys (`additionalProperties: false`) and looks
 * only at own properties. Failure wording and disclosure stay here, driven by the schema's own keywords.
 *
 * How a generator consumes it (`JSON.parse(JSON.stringify(resourceDescriptions))` is all plain JSON):
 * - `resourceDescriptions[kind]` has `token` (`realtimekit:index:Participant`), `name`, `kind`
 *   (`resource` or `component`), `description` (docs), `inputs` and `outputs` (JSON Schema objects:
 *   `properties`, `required`, `additionalProperties: false`).
 * - Standard keywords: `type` (`string`, `number`, `integer`, `boolean`, `array`, `object`, `null`),
 *   `description`, `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`, `maxItems`, `items`,
 *   `patternProperties` (a map with string keys), `anyOf` (all `const`: an enum; with `{type: "null"}`:
 *   nullable; otherwise a union such as string | number). `format: "http-url"` is an absolute http(s) URL.
 * - Extension keywords on a property (see keywords.ts): `x-replaceOnChanges: true` -> Pulumi
 *   `replaceOnChanges`; `x-secret: true` -> Pulumi `secret`; `x-defaultFrom: <config key>` -> a line
 *   of the docs (not `defaultInfo`, see plugin/schema/convert.ts); `x-stateOnly: true` (a provider
 *   setting: changes call no API);
 *   `x-normalize: "trim"`; `x-disclosure` (`nothing` | `shape` | `enum` | `number`: how much of a rejected
 *   value a message shows); `x-expected` (the "must be …" text of a failure); `x-limitSource` (why a limit
 *   is a guess); `x-decidesChildren: true` (a component argument that decides which children exist; every
 *   other component argument is passed on to each child).
 */
import type { TObject } from "@sinclair/typebox";
import { appInputs, appOutputs } from "./app";
import { meetingInputs, meetingOutputs } from "./meeting";
import { participantInputs, participantOutputs } from "./participant";
import { presetInputs, presetOutputs } from "./preset";
import { rosterArgs, rosterOutputs } from "./roster";
import { rosterPruneInputs, rosterPruneOutputs } from "./roster-prune";
import { webhookInputs, webhookOutputs } from "./webhook";

/** One resource (or component) of the package, described. */
export interface ResourceDescription<Inputs extends TObject = TObject, Outputs extends TObject = TObject> {
  /** The Pulumi type token. */
  token: string;
  /** The name messages use (`Participant`). */
  name: string;
  kind: "resource" | "component";
  /** Documentation of the resource, Markdown. */
  description: string;
  inputs: Inputs;
  outputs: Outputs;
  /**
   * A replacement deletes the old resource before creating the new one (Pulumi's `deleteBeforeReplace`):
   * the successor would collide with it (a Participant's customParticipantId).
   */
  deleteBeforeReplace?: boolean;
}

export const participantDescription: ResourceDescription<
  typeof participantInputs,
  typeof participantOutputs
> = {
  token: "realtimekit:index:Participant",
  name: "Participant",
  kind: "resource",
  description:
    "A participant of a RealtimeKit meeting, with a secret join token. `name`, `picture` and `presetName` " +
    "update in place; the ids replace; `tokenRotation` and `refreshBeforeExpiry` issue new tokens in place.",
  inputs: participantInputs,
  outputs: participantOutputs,
  deleteBeforeReplace: true,
};

export const meetingDescription: ResourceDescription<typeof meetingInputs, typeof meetingOutputs> = {
  token: "realtimekit:index:Meeting",
  name: "Meeting",
  kind: "resource",
  description:
    "A RealtimeKit meeting. Changes are applied in place with one PATCH of the changed fields (or a PUT with " +
    "`replaceOnUpdate`); only `accountId` and `appId` replace it. The API has no delete: destroying a Meeting " +
    "sets it `INACTIVE`.",
  inputs: meetingInputs,
  outputs: meetingOutputs,
};

export const rosterPruneDescription: ResourceDescription<
  typeof rosterPruneInputs,
  typeof rosterPruneOutputs
> = {
  token: "realtimekit:index:RosterPrune",
  name: "RosterPrune",
  kind: "resource",
  description:
    "Deletes the listed participants on create and update (404 counts as deleted). Created by a Roster with " +
    "`prune: true`; not meant to be used on its own.",
  inputs: rosterPruneInputs,
  outputs: rosterPruneOutputs,
};

export const rosterDescription: ResourceDescription<typeof rosterArgs, typeof rosterOutputs> = {
  token: "realtimekit:index:Roster",
  name: "Roster",
  kind: "component",
  description:
    "A meeting's roster: a component whose children are Participants keyed by `customParticipantId`, " +
    "declared as data (in code or in a YAML, JSON or CSV file).",
  inputs: rosterArgs,
  outputs: rosterOutputs,
};

export const presetDescription: ResourceDescription<typeof presetInputs, typeof presetOutputs> = {
  token: "realtimekit:index:Preset",
  name: "Preset",
  kind: "resource",
  description:
    "A RealtimeKit preset: a role a participant or roster entry names in `presetName` (what they may do, " +
    "how the meeting looks to them). Every field is optional at every depth; an omitted one takes the " +
    "default in its description, which together make a working attendee-like preset. An existing preset " +
    "of the same name is adopted. Changes, `name` included, are one PATCH of what changed; only " +
    "`accountId` and `appId` replace it.",
  inputs: presetInputs,
  outputs: presetOutputs,
  deleteBeforeReplace: true,
};

export const webhookDescription: ResourceDescription<typeof webhookInputs, typeof webhookOutputs> = {
  token: "realtimekit:index:Webhook",
  name: "Webhook",
  kind: "resource",
  description:
    "A RealtimeKit webhook: the app's events posted to a URL, signed with RealtimeKit's platform-wide key " +
    "(header `rtk-signature`). An existing webhook of the same name is adopted; changes are one PATCH; the " +
    "order of `events` carries no meaning.",
  inputs: webhookInputs,
  outputs: webhookOutputs,
  deleteBeforeReplace: true,
};

export const appDescription: ResourceDescription<typeof appInputs, typeof appOutputs> = {
  token: "realtimekit:index:App",
  name: "App",
  kind: "resource",
  description:
    "A RealtimeKit app, created or (when one of the same name exists) adopted; its `appId` output can be " +
    "any other resource's `appId`. The API cannot rename or delete apps: a rename fails before any call, " +
    "and destroying an App removes it from the stack with a warning that the app remains.",
  inputs: appInputs,
  outputs: appOutputs,
};

/** Every resource and component, by the runtime's kind name. */
export const resourceDescriptions = {
  participant: participantDescription,
  meeting: meetingDescription,
  rosterPrune: rosterPruneDescription,
  roster: rosterDescription,
  preset: presetDescription,
  webhook: webhookDescription,
  app: appDescription,
} as const;

export {
  rosterEntry,
  rosterDefaults,
  rosterChildSettings,
  rosterTreeArgs,
  rosterOutputs,
  type RosterEntry,
  type RosterDefaults,
} from "./roster";
export {
  participantInputs,
  participantOutputs,
  type ParticipantInputs,
  type ParticipantOutputs,
} from "./participant";
export { meetingInputs, meetingOutputs } from "./meeting";
export { presetInputs, presetOutputs } from "./preset";
export { webhookInputs, webhookOutputs } from "./webhook";
export { appInputs, appOutputs } from "./app";
export { rosterPruneInputs, rosterPruneOutputs, type UndeclaredParticipant } from "./roster-prune";
export {
  checkInputs,
  checkedInputs,
  described,
  storedOutputs,
  forEngine,
  quote,
  type Checkable,
  type InputProblem,
} from "./check";
export {
  MAX_ACCOUNT_ID_LENGTH,
  MAX_APP_ID_LENGTH,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from "./common";
export type { InputAnnotations, Disclosure } from "./keywords";
export {
  configDefaulted,
  describedOptions,
  forcedSecrets,
  holdsSecret,
  inputsThatMayHoldSecrets,
  outputSlots,
  secretOutputs,
  withoutSecretValues,
  stableOutputs,
} from "./facts";
