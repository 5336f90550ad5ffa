/**
 * The provider logic of an authoritative Roster's pruning (`prune: true`), loaded at call time by the
 * serialized shim (../shim.ts).
 *
 * The Roster lists the meeting when the program runs and passes the participants it does not declare as
 * this resource's `undeclared` input, so `pulumi preview` shows them before anything is deleted. create and
 * update delete exactly that list (a participant already gone counts as deleted); the outputs then record
 * an empty list, so the next run shows a change only when new undeclared participants turn up.
 */
import { NotFoundError } from "../../sdk/errors";
import { connect } from "./context";
import { checkInputs, forEngine, rosterPruneDescription, type UndeclaredParticipant } from "./inputs";
import { partialFailure } from "./partial-failure";
import type { PropertyMap, RuntimeProvider } from "./protocol";
import { sharedParticipantList } from "./shared-participant-list";
import { containsUnknown, isRecord } from "./values";

export type { UndeclaredParticipant } from "./inputs";

/** Inputs of the pruning resource. */
export interface RosterPruneInputs {
  meetingId: string;
  /** Sorted by customParticipantId, then participantId, so the same set always compares equal. */
  undeclared: UndeclaredParticipant[];
  /**
   * The roster's own participants (customParticipantId -> participant id). Recorded so that the next run
   * can tell a participant just removed from the roster (the engine deletes it) from a stranger to prune.
   */
  managed?: Record<string, string>;
  /** The most participants one run may delete; more fail check, so the preview fails before any delete. */
  maxDeletes?: number;
  accountId?: string;
  appId?: string;
}

/** Outputs: `undeclared` is what is left undeclared after pruning (empty), `pruned` what this run deleted. */
export interface RosterPruneOutputs extends RosterPruneInputs {
  pruned: UndeclaredParticipant[];
  accountId: string;
  appId: string;
}

/**
 * Deletes each listed participant, all of them even when one fails, then reports every failure at once.
 * A participant that is already gone (404) counts as deleted.
 */
async function prune(inputs: RosterPruneInputs): Promise<RosterPruneOutputs> {
  const { client, config } = connect(inputs);
  const meeting = {
    baseUrl: config.baseUrl,
    accountId: config.accountId,
    appId: config.appId,
    meetingId: inputs.meetingId,
  };
  const failures: { participant: UndeclaredParticipant; message: string }[] = [];
  for (const participant of inputs.undeclared) {
    try {
      await client.participants.delete(inputs.meetingId, participant.participantId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        const reason = error instanceof Error ? error.message : String(error);
        const message = `"${participant.customParticipantId}" (${participant.participantId}): ${reason}`;
        failures.push({ participant, message });
        continue;
      }
    }
    sharedParticipantList.remove(meeting, participant.participantId);
  }
  const outputs = (left: UndeclaredParticipant[]): RosterPruneOutputs => ({
    meetingId: inputs.meetingId,
    undeclared: left,
    ...(inputs.managed !== undefined ? { managed: inputs.managed } : {}),
    pruned: inputs.undeclared.filter((participant) => !left.includes(participant)),
    accountId: config.accountId,
    appId: config.appId,
  });
  if (failures.length > 0) {
    const failure = new Error(
      `Could not prune meeting ${inputs.meetingId}: ${failures.length} of ${inputs.undeclared.length} ` +
        `undeclared participants were not deleted:\n  ${failures.map((f) => f.message).join("\n  ")}\n` +
        "Run `pulumi up` again to retry them.",
    );
    // What was deleted stays deleted: the engine records the ones left, and the next run retries only those.
    throw partialFailure(failure, {
      id: pruneId(inputs.meetingId),
      outputs: outputs(failures.map((f) => f.participant)),
      inputs: inputs as unknown as PropertyMap,
    });
  }
  return outputs([]);
}

function pruneId(meetingId: string): string {
  return `prune-${meetingId}`;
}

/** The pruning provider, as the runtime module exposes it to the shim. */
export const rosterPruneRuntime: RuntimeProvider<RosterPruneInputs, RosterPruneOutputs> = {
  async check(olds, news) {
    const { inputs, failures } = checkInputs(rosterPruneDescription, news as unknown as PropertyMap);
    const checked = inputs as unknown as RosterPruneInputs;
    if (failures.length > 0 || containsUnknown(checked.undeclared)) {
      return { inputs: checked, failures: forEngine(failures) };
    }
    // A participant the roster managed last time and no longer declares is deleted by the engine, as its
    // Participant resource goes away: listing it here too would show it twice in the preview.
    const previouslyManaged = new Set(isRecord(olds?.managed) ? Object.values(olds.managed) : []);
    const undeclared = checked.undeclared.filter(
      (participant) => !previouslyManaged.has(participant.participantId),
    );
    const cap = checked.maxDeletes;
    if (typeof cap === "number" && undeclared.length > cap) {
      const reason =
        `would delete ${undeclared.length} undeclared participants of meeting ${checked.meetingId}, more than ` +
        `\`maxDeletes\` (${cap}); nothing was deleted. If the roster is right, raise \`maxDeletes\`; if another ` +
        "stack or tool adds participants to this meeting, turn `prune` off (see the Roster's docs)";
      return { inputs: { ...checked, undeclared }, failures: [{ property: "", reason }] };
    }
    return { inputs: { ...checked, undeclared }, failures: [] };
  },

  async diff(_id, olds, news) {
    // Work to do exactly when someone is listed for deletion; the outputs always end with an empty list.
    const pending =
      containsUnknown(news.undeclared) || (Array.isArray(news.undeclared) && news.undeclared.length > 0);
    const moved = (["meetingId", "accountId", "appId"] as const).some(
      (key) => news[key] !== undefined && (containsUnknown(news[key]) || news[key] !== olds[key]),
    );
    return { changes: pending || moved, replaces: [] };
  },

  async create(inputs) {
    return { id: pruneId(inputs.meetingId), outs: await prune(inputs) };
  },

  async read(id, props) {
    // There is no remote object: the state is whatever the last prune recorded.
    const inputs: RosterPruneInputs & Partial<RosterPruneOutputs> = { ...(props as RosterPruneOutputs) };
    delete inputs.pruned;
    return { id, props, inputs: inputs as RosterPruneOutputs };
  },

  async update(_id, _olds, news) {
    return { outs: await prune(news) };
  },

  async delete() {
    // Dropping `prune: true` stops pruning; nothing in the meeting changes.
  },
};
