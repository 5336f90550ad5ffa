/**
 * The Roster component: who may join a meeting, declared as data (in code or in a YAML, JSON or CSV file)
 * and reviewed as a `pulumi preview` diff. Each entry becomes a child Participant named after its
 * `customParticipantId`, so reordering the list changes nothing and one edited line is one update.
 */
import * as pulumi from "@pulumi/pulumi";
import { getMeetingParticipants } from "./meeting-participants";
import { Participant } from "./participant";
import {
  parseRosterFile,
  readRosterFile,
  sortByLine,
  validateRosterEntries,
  RosterValidationError,
  type RosterDefaults,
  type RosterEntry,
  type RosterProblem,
} from "./roster-file";
import { RosterPrune } from "./roster-prune";
import type { UndeclaredParticipant } from "./runtime/roster-prune";
import { checkInputs, rosterDefaults } from "./runtime/inputs";
import { compare } from "./runtime/values";

/** Arguments of {@link Roster}: give `participants` or `file`. */
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
  /** Cloudflare account id for every child (default from config). */
  accountId?: pulumi.Input<string>;
  /** RealtimeKit app id for every child (default from config). */
  appId?: pulumi.Input<string>;
}

/**
 * A meeting's roster: a component whose children are {@link Participant}s named
 * `<roster name>/<customParticipantId>`.
 *
 * - Every entry is validated before any API call, and every problem is reported at once, with the file and
 *   line for entries from a file.
 * - Non-authoritative by default: participants the roster does not declare are left alone and counted in
 *   `unmanagedCount`. With `prune: true` they are deleted (see {@link RosterArgs.prune}).
 * - `tokens` is one secret map, rather than one secret per participant.
 *
 * @example
 * const roster = new Roster("standup", {
 *   meetingId: meeting.meetingId,
 *   participants: Roster.fromFile(path.join(__dirname, "roster.yaml")),
 *   defaults: { presetName: "group_call_participant" },
 * });
 * export const participantIds = roster.participantIds;
 * export const tokens = roster.tokens; // secret
 */
export class Roster extends pulumi.ComponentResource {
  /** `customParticipantId` -> participant id. */
  declare readonly participantIds: pulumi.Output<Record<string, string>>;
  /** `customParticipantId` -> join token, as one secret. */
  declare readonly tokens: pulumi.Output<Record<string, string>>;
  /**
   * How many participants of the meeting the roster does not declare: counted when the program runs
   * (so one you just removed from the roster still counts until its deletion), or, with `prune: true`,
   * what is left after pruning (0). Undefined, with a warning, when the meeting could not be listed.
   */
  declare readonly unmanagedCount: pulumi.Output<number | undefined>;
  /** The child Participants, by `customParticipantId`. */
  declare readonly participants: Readonly<Record<string, Participant>>;
  /** The resource that deletes undeclared participants; only with `prune: true`. */
  declare readonly pruner: RosterPrune | undefined;

  /**
   * Reads a roster file (`.yaml`/`.yml`, `.json` or `.csv`) into entries for `participants`. Throws a
   * {@link RosterValidationError} listing every problem with its line (unknown keys or columns, duplicate
   * ids, bad URLs, wrong types); a missing preset is left for the Roster, which may have a default.
   */
  static fromFile(path: string): RosterEntry[] {
    const { entries, problems } = readRosterFile(path);
    if (problems.length > 0) throw new RosterValidationError(`Roster file ${path}`, problems);
    return entries;
  }

  constructor(name: string, args: RosterArgs, opts?: pulumi.ComponentResourceOptions) {
    const entries = rosterEntries(name, args);
    super("realtimekit:index:Roster", name, {}, opts);

    const ids = entries.map((entry) => entry.customParticipantId).sort(compare);
    // fromEntries defines own properties: an id such as `__proto__` is a key like any other.
    const participants: Record<string, Participant> = Object.fromEntries(
      entries.map((entry) => [
        entry.customParticipantId,
        new Participant(
          `${name}/${entry.customParticipantId}`,
          {
            meetingId: args.meetingId,
            customParticipantId: entry.customParticipantId,
            presetName: (entry.presetName ?? args.defaults?.presetName) as string,
            name: entry.name,
            picture: entry.picture,
            tokenRotation: entry.tokenRotation,
            adopt: args.adopt,
            accountId: args.accountId,
            appId: args.appId,
          },
          { parent: this },
        ),
      ]),
    );
    const byId = <T>(
      pick: (participant: Participant) => pulumi.Output<T>,
    ): pulumi.Output<Record<string, T>> =>
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
          const { participants } = await getMeetingParticipants({ meetingId, accountId, appId });
          return participants
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
            this,
          );
          return undefined;
        }
      });
    const pruner = args.prune
      ? new RosterPrune(
          `${name}/prune`,
          {
            meetingId: args.meetingId,
            undeclared: undeclared as pulumi.Output<UndeclaredParticipant[]>,
            managed: participantIds,
            accountId: args.accountId,
            appId: args.appId,
          },
          // After the children: when adding the roster's own participants fails, nothing is pruned.
          { parent: this, dependsOn: Object.values(participants) },
        )
      : undefined;

    this.participants = participants;
    this.pruner = pruner;
    this.participantIds = participantIds;
    this.tokens = pulumi.secret(byId((participant) => participant.token));
    this.unmanagedCount = pruner
      ? pruner.undeclared.apply((left) => left.length)
      : undeclared.apply((list) => list?.length);
    this.registerOutputs({
      participantIds: this.participantIds,
      tokens: this.tokens,
      unmanagedCount: this.unmanagedCount,
    });
  }
}

/** The roster's entries, validated; throws one error listing every problem before anything is created. */
function rosterEntries(name: string, args: RosterArgs): RosterEntry[] {
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
