/**
 * What a Roster declares, independent of how its children are implemented: the validated entries, one
 * child Participant per entry named `<roster>/<customParticipantId>`, the undeclared-participant count,
 * the optional pruning resource, and the output maps. The TypeScript `Roster` (provider/roster.ts) builds its
 * children as dynamic resources; the native plugin's `construct` builds the same tree from the plugin's
 * own resource types. Both get the same names, inputs and outputs from here.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Participant as ApiParticipant } from "../../../sdk/types";
import { SOURCE_KEY } from "../protocol";
import { sourceInput } from "./source";
import {
  locationOf,
  parseRosterFile,
  sortByLine,
  validateRosterEntries,
  RosterValidationError,
  type RosterEntry,
  type RosterProblem,
} from "./file";
import type { Static } from "@sinclair/typebox";
import type { RosterDefaults } from "./entries";
import type { InputsOf, OutputsOf } from "../described";
import {
  checkInputs,
  participantInputs,
  rosterChildSettings,
  rosterDefaults,
  rosterOutputs,
  rosterPruneInputs,
  rosterTreeArgs,
} from "../inputs";
import type { UndeclaredParticipant } from "../roster-prune";
import { UNKNOWN, compare } from "../values";

/** A preset name as a program may give it: a string, or a Preset's `name` output. */
type PresetNameInput = { presetName?: pulumi.Input<string> };
/** A roster entry as a program declares it: `presetName` may be a Preset's `name` output. */
export type RosterEntryArgs = Omit<RosterEntry, "presetName"> & PresetNameInput;
/** Roster defaults as a program declares them: `presetName` may be a Preset's `name` output. */
export type RosterDefaultsArgs = Omit<RosterDefaults, "presetName"> & PresetNameInput;

/**
 * Arguments of a Roster (give `participants` or `file`), as described (../inputs/roster.ts): those that decide
 * which children exist as plain values known when the program runs, those every child gets as inputs.
 */
export type RosterArgs = Omit<Static<typeof rosterTreeArgs>, "participants" | "defaults"> &
  Pick<InputsOf<typeof rosterPruneInputs>, "maxDeletes"> & {
    participants?: RosterEntryArgs[];
    defaults?: RosterDefaultsArgs;
  } & InputsOf<typeof rosterChildSettings>;

/**
 * The inputs a roster gives each child Participant: a Participant's arguments, and for an entry from a file
 * its `file:line` for its error messages (the hidden ../protocol.ts `SOURCE_KEY`, no argument).
 */
export type RosterChildArgs = InputsOf<typeof participantInputs> & { [SOURCE_KEY]?: string };

/** The inputs of the pruning child: a RosterPrune's arguments. */
export type RosterPruneChildArgs = InputsOf<typeof rosterPruneInputs>;

/** A child participant as the roster uses it: its id and its join token (absent until one is issued). */
export type RosterParticipant = pulumi.CustomResource & { readonly token: pulumi.Output<string | undefined> };
/** The pruning child as the roster uses it: what is still undeclared after it ran. */
export type RosterPruner = pulumi.CustomResource & {
  readonly undeclared: pulumi.Output<UndeclaredParticipant[]>;
};

/** The Roster's outputs, as described. */
export type RosterOutputs = OutputsOf<typeof rosterOutputs>;

/** How a Roster's children are made, and how the meeting is listed (in the program or in the plugin). */
export interface RosterKinds<P extends RosterParticipant, R extends RosterPruner> {
  participant(name: string, args: RosterChildArgs, opts: pulumi.CustomResourceOptions): P;
  prune(name: string, args: RosterPruneChildArgs, opts: pulumi.CustomResourceOptions): R;
  /** Every participant of the meeting. */
  list(
    meetingId: string,
    accountId: string | undefined,
    appId: string | undefined,
  ): Promise<ApiParticipant[]>;
}

/** What {@link declareRosterMembers} made: the children and the roster's outputs. */
export interface RosterMembers<P, R> {
  participants: Record<string, P>;
  pruner: R | undefined;
  outputs: RosterOutputs;
}

type ChildSetting = keyof typeof rosterChildSettings.properties;
/** The Roster arguments every child gets as is, from the description. */
const PASSED_TO_CHILDREN = Object.keys(rosterChildSettings.properties) as ChildSetting[];
/** Those of them the pruning child takes too (the meeting and where it lives). */
const PASSED_TO_PRUNER = PASSED_TO_CHILDREN.filter((key) => Object.hasOwn(rosterPruneInputs.properties, key));

/** The keys of `from` among `keys` that are set. */
function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(
    keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]),
  ) as Pick<T, K>;
}

/** Declares the children of the roster `parent` (named `name`) and computes its outputs. */
export function declareRosterMembers<P extends RosterParticipant, R extends RosterPruner>(
  parent: pulumi.ComponentResource,
  name: string,
  args: RosterArgs,
  entries: RosterEntryArgs[],
  kinds: RosterKinds<P, R>,
): RosterMembers<P, R> {
  const ids = entries.map((entry) => entry.customParticipantId).sort(compare);
  // fromEntries defines own properties: an id such as `__proto__` is a key like any other.
  const participants: Record<string, P> = Object.fromEntries(
    entries.map((entry) => [
      entry.customParticipantId,
      kinds.participant(
        `${name}/${entry.customParticipantId}`,
        {
          ...pick(args, PASSED_TO_CHILDREN),
          ...entry,
          presetName: (entry.presetName ?? args.defaults?.presetName) as pulumi.Input<string>,
          ...sourceInput(locationOf(entry)),
        },
        { parent },
      ),
    ]),
  );
  const byId = <T>(pick: (participant: P) => pulumi.Output<T>): pulumi.Output<Record<string, T>> =>
    pulumi.all(Object.fromEntries(ids.map((id) => [id, pick(participants[id])]))) as pulumi.Output<
      Record<string, T>
    >;

  // The resource id is the participant id, and unlike the output it stays known in a preview that
  // updates the participant, so the map does not turn unknown over a preset change.
  const participantIds = byId((participant) => participant.id);

  const declared = new Set(ids);
  // Listed when the program runs (in preview too), once the meeting id is known.
  const undeclared = pulumi
    .all([args.meetingId, args.accountId, args.appId])
    .apply(async ([meetingId, accountId, appId]): Promise<UndeclaredParticipant[] | undefined> => {
      try {
        const listed = await kinds.list(meetingId, accountId, appId);
        const found = listed
          .filter((participant) => !declared.has(participant.customParticipantId))
          .map((participant) => ({
            customParticipantId: participant.customParticipantId,
            participantId: participant.id,
          }));
        if (args.prune && found.length > 0)
          pulumi.log.warn(pruneAnnouncement(name, meetingId, found), parent);
        return found;
      } catch (error) {
        // Pruning cannot go ahead blind; a mere count can: report it unknown rather than fail the deployment.
        if (args.prune) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        pulumi.log.warn(
          `Roster "${name}" could not count the meeting's unmanaged participants: ${reason}`,
          parent,
        );
        return undefined;
      }
    });
  const pruner = args.prune
    ? kinds.prune(
        `${name}/prune`,
        {
          ...pick(args, PASSED_TO_PRUNER),
          undeclared: undeclared as pulumi.Output<UndeclaredParticipant[]>,
          managed: participantIds,
          ...(args.maxDeletes !== undefined ? { maxDeletes: args.maxDeletes } : {}),
        },
        // After the children: when adding the roster's own participants fails, nothing is pruned.
        { parent, dependsOn: Object.values(participants) },
      )
    : undefined;

  return {
    participants,
    pruner,
    outputs: {
      participantIds,
      tokens: pulumi.secret(byId((participant) => participant.token).apply(issued)),
      unmanagedCount: pruner
        ? pruner.undeclared.apply((left) => left.length)
        : undeclared.apply((list) => list?.length),
    },
  };
}

/** The tokens issued so far (a participant recorded without one, after a failed step, has none yet). */
function issued(tokens: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tokens).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * What validation sees of a value that may be a Preset's `name` output: the engine's unknown marker, which
 * every check lets through, as it does for a value not known in a preview (the preset checks its own name).
 */
function forValidation<T extends PresetNameInput>(value: T): T {
  return pulumi.Output.isInstance(value.presetName) ? { ...value, presetName: UNKNOWN } : value;
}

/** Names listed in the one-line announcement of a prune; the rest are counted. */
const ANNOUNCED_NAMES = 20;

/**
 * The one line a pruning roster prints in every preview and up that will delete someone, so a meeting is
 * never emptied behind a "no changes" summary (each id quoted as JSON: it is the meeting's data).
 */
export function pruneAnnouncement(name: string, meetingId: string, found: UndeclaredParticipant[]): string {
  const ids = found
    .slice(0, ANNOUNCED_NAMES)
    .map((participant) => JSON.stringify(participant.customParticipantId));
  const more = found.length > ANNOUNCED_NAMES ? ` and ${found.length - ANNOUNCED_NAMES} more` : "";
  const count = found.length === 1 ? "1 participant" : `${found.length} participants`;
  return (
    `Roster "${name}" (prune: true) will delete ${count} of meeting ${meetingId} that it does not declare: ` +
    `${ids.join(", ")}${more}`
  );
}

/** The roster's entries, validated; throws one error listing every problem before anything is created. */
export function rosterEntries(name: string, args: RosterArgs): RosterEntryArgs[] {
  const problems: RosterProblem[] = [];
  let entries: RosterEntryArgs[] = [];
  if (args.participants !== undefined && args.file !== undefined) {
    problems.push({ message: "set either participants or file, not both" });
  } else if (args.file !== undefined) {
    const contents = parseRosterFile(args.file);
    entries = contents.entries;
    problems.push(...contents.problems);
  } else if (Array.isArray(args.participants)) {
    entries = args.participants;
  } else {
    problems.push({
      message: "participants is required: a list of entries, or Roster.fromFile(path), or set file",
    });
  }
  const defaults = args.defaults === undefined ? undefined : forValidation(args.defaults);
  const checked = checkInputs({ name: "roster defaults", inputs: rosterDefaults }, { ...defaults });
  for (const failure of checked.failures) problems.push({ message: `defaults: ${failure.reason}` });
  const validated = entries.map((entry) =>
    entry !== null && typeof entry === "object" ? forValidation(entry) : entry,
  ) as RosterEntry[];
  problems.push(
    ...validateRosterEntries(validated, { defaults: defaults as RosterDefaults, requirePreset: true }),
  );
  if (problems.length > 0) {
    throw new RosterValidationError(
      `Roster "${name}"${args.file ? ` (${args.file})` : ""}`,
      sortByLine(problems),
    );
  }
  return entries;
}
