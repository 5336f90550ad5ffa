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
  type RosterDefaults,
  type RosterEntry,
  type RosterProblem,
} from "./file";
import { checkInputs, rosterChildSettings, rosterDefaults, rosterPruneInputs } from "../inputs";
import type { UndeclaredParticipant } from "../roster-prune";
import { compare } from "../values";

/** Arguments of a Roster: give `participants` or `file`. */
export interface RosterArgs {
  /** The meeting the participants join. */
  meetingId: pulumi.Input<string>;
  /** The participants, e.g. a literal list or `Roster.fromFile("roster.yaml")`. */
  participants?: RosterEntry[];
  /**
   * Path of a roster file (`.yaml`/`.yml`, `.json` or `.csv`; relative paths are resolved from the current
   * directory). Same as `participants: Roster.fromFile(file)`, but every problem, missing presets included,
   * is reported in one error.
   */
  file?: string;
  /** Values for entries that do not set their own (`presetName`). */
  defaults?: RosterDefaults;
  /**
   * Make the roster authoritative: participants in the meeting that it does not declare are deleted on
   * `pulumi up`, and `pulumi preview` lists them first. Default false (they are left alone and counted in
   * `unmanagedCount`). Two authoritative rosters must never share a meeting: each would delete the other's
   * participants. Nor should a pruning roster share a meeting with stand-alone Participants.
   */
  prune?: boolean;
  /**
   * Take over participants that already exist in the meeting with a declared `customParticipantId`
   * (instead of failing); see `adopt` on Participant. Default false.
   */
  adopt?: boolean;
  /**
   * Renew every child's token when it expires within this many seconds; see `refreshBeforeExpiry` on
   * Participant (a scheduled `pulumi up` then keeps the whole roster's tokens valid).
   */
  refreshBeforeExpiry?: number;
  /** Cloudflare account id for every child (default from config). */
  accountId?: pulumi.Input<string>;
  /** RealtimeKit app id for every child (default from config). */
  appId?: pulumi.Input<string>;
}

/** The inputs a roster gives each child Participant. */
export interface RosterChildArgs {
  meetingId: pulumi.Input<string>;
  customParticipantId: string;
  presetName: string;
  name?: string;
  picture?: string;
  tokenRotation?: string | number;
  adopt?: boolean;
  refreshBeforeExpiry?: number;
  accountId?: pulumi.Input<string>;
  appId?: pulumi.Input<string>;
  /** The entry's `file:line`, for its error messages (see ../protocol.ts `SOURCE_KEY`). */
  [SOURCE_KEY]?: string;
}

/** The inputs of the pruning child. */
export interface RosterPruneChildArgs {
  meetingId: pulumi.Input<string>;
  undeclared: pulumi.Input<UndeclaredParticipant[]>;
  managed: pulumi.Input<Record<string, pulumi.Input<string>>>;
  accountId?: pulumi.Input<string>;
  appId?: pulumi.Input<string>;
}

/** A child participant as the roster uses it: its id and its join token. */
export type RosterParticipant = pulumi.CustomResource & { readonly token: pulumi.Output<string> };
/** The pruning child as the roster uses it: what is still undeclared after it ran. */
export type RosterPruner = pulumi.CustomResource & {
  readonly undeclared: pulumi.Output<UndeclaredParticipant[]>;
};

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
  participantIds: pulumi.Output<Record<string, string>>;
  tokens: pulumi.Output<Record<string, string>>;
  unmanagedCount: pulumi.Output<number | undefined>;
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
  entries: RosterEntry[],
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
          presetName: (entry.presetName ?? args.defaults?.presetName) as string,
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
        return listed
          .filter((participant) => !declared.has(participant.customParticipantId))
          .map((participant) => ({
            customParticipantId: participant.customParticipantId,
            participantId: participant.id,
          }));
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
        },
        // After the children: when adding the roster's own participants fails, nothing is pruned.
        { parent, dependsOn: Object.values(participants) },
      )
    : undefined;

  return {
    participants,
    pruner,
    participantIds,
    tokens: pulumi.secret(byId((participant) => participant.token)),
    unmanagedCount: pruner
      ? pruner.undeclared.apply((left) => left.length)
      : undeclared.apply((list) => list?.length),
  };
}

/** The roster's entries, validated; throws one error listing every problem before anything is created. */
export function rosterEntries(name: string, args: RosterArgs): RosterEntry[] {
  const problems: RosterProblem[] = [];
  let entries: RosterEntry[] = [];
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
  const defaults = checkInputs({ name: "roster defaults", inputs: rosterDefaults }, { ...args.defaults });
  for (const failure of defaults.failures) problems.push({ message: `defaults: ${failure.reason}` });
  problems.push(...validateRosterEntries(entries, { defaults: args.defaults, requirePreset: true }));
  if (problems.length > 0) {
    throw new RosterValidationError(
      `Roster "${name}"${args.file ? ` (${args.file})` : ""}`,
      sortByLine(problems),
    );
  }
  return entries;
}
