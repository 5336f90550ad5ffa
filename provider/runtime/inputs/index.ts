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
import { meetingInputs, meetingOutputs } from "./meeting";
import { participantInputs, participantOutputs } from "./participant";
import { rosterArgs, rosterOutputs } from "./roster";
import { rosterPruneInputs, rosterPruneOutputs } from "./roster-prune";

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

/** Every resource and component, by the runtime's kind name. */
export const resourceDescriptions = {
  participant: participantDescription,
  meeting: meetingDescription,
  rosterPrune: rosterPruneDescription,
  roster: rosterDescription,
} as const;

export {
  rosterEntry,
  rosterDefaults,
  rosterChildSettings,
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
export { rosterPruneInputs, rosterPruneOutputs, type UndeclaredParticipant } from "./roster-prune";
export { checkInputs, forEngine, quote, type Checkable, type InputProblem } from "./check";
export {
  MAX_ACCOUNT_ID_LENGTH,
  MAX_APP_ID_LENGTH,
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from "./common";
export type { InputAnnotations, Disclosure } from "./keywords";
export {
  describedOptions,
  forcedSecrets,
  holdsSecret,
  inputsThatMayHoldSecrets,
  outputSlots,
  secretOutputs,
  withoutSecretValues,
  stableOutputs,
} from "./facts";
