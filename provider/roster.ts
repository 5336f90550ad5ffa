/**
 * The Roster component: who may join a meeting, declared as data (in code or in a YAML, JSON or CSV file)
 * and reviewed as a `pulumi preview` diff. Each entry becomes a child Participant named after its
 * `customParticipantId`, so reordering the list changes nothing and one edited line is one update.
 */
import * as pulumi from "@pulumi/pulumi";
import { getMeetingParticipants } from "./meeting-participants";
import { Participant } from "./participant";
import { readRosterFile, RosterValidationError, type RosterEntry } from "./runtime/roster/file";
import type { RosterArgs, RosterProperties } from "../generated/typescript/described";
import { declareRosterMembers, rosterEntries } from "./runtime/roster/members";
import { RosterPrune } from "./roster-prune";

/**
 * The component base of {@link Roster}, whose instances carry the Roster's described outputs
 * (provider/runtime/inputs/roster.ts): the constructor assigns them all at once from what the tree computed,
 * which TypeScript cannot see from the base class.
 */
const DescribedComponent = pulumi.ComponentResource as unknown as new (
  type: string,
  name: string,
  args: pulumi.Inputs,
  opts?: pulumi.ComponentResourceOptions,
) => pulumi.ComponentResource & RosterProperties;

export type { RosterArgs } from "../generated/typescript/described";

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
export class Roster extends DescribedComponent {
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
    const members = declareRosterMembers(this, name, args, entries, {
      participant: (childName, childArgs, childOpts) => new Participant(childName, childArgs, childOpts),
      prune: (childName, childArgs, childOpts) => new RosterPrune(childName, childArgs, childOpts),
      list: async (meetingId, accountId, appId) =>
        (await getMeetingParticipants({ meetingId, accountId, appId })).participants,
    });
    this.participants = members.participants;
    this.pruner = members.pruner;
    Object.assign(this, members.outputs);
    // Recorded in the component's state: the count, not a roster-wide copy of every id and token (each is
    // already in its participant's state). The copies cost about 0.9 KB of state per participant, the
    // tokens as one more secret, rewritten on every step of every update. The outputs are unaffected.
    this.registerOutputs({ unmanagedCount: this.unmanagedCount });
  }
}
