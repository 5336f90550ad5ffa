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
import type { Static } from "@sinclair/typebox";
import {
  checkInputs,
  checkedInputs,
  forEngine,
  rosterPruneDescription,
  rosterPruneInputs,
  rosterPruneOutputs,
  storedOutputs,
  type UndeclaredParticipant,
} from "./inputs";
import { changeKinds } from "./inputs/keywords";
import { partialFailure } from "./partial-failure";
import type { PropertyMap, RuntimeProvider } from "./protocol";
import { sharedParticipantList } from "./shared-participant-list";
import { containsUnknown, isRecord } from "./values";

export type { UndeclaredParticipant } from "./inputs";

/**
 * Inputs of the pruning resource (../inputs/roster-prune.ts): `undeclared` sorted by customParticipantId,
 * then participantId, so the same set always compares equal; `managed` recorded so that the next run can
 * tell a participant just removed from the roster (the engine deletes it) from a stranger to prune.
 */
export type RosterPruneInputs = Static<typeof rosterPruneInputs>;

/** Outputs: `undeclared` is what is left undeclared after pruning (empty), `pruned` what this run deleted. */
export type RosterPruneOutputs = Static<typeof rosterPruneOutputs>;

/**
 * Deletes each listed participant, all of them even when one fails, then reports every failure at once.
 * A participant that is already gone (404) counts as deleted.
 */
async function prune(bag: PropertyMap): Promise<RosterPruneOutputs> {
  const inputs = checkedInputs(rosterPruneDescription, bag);
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
      inputs: bag,
    });
  }
  return outputs([]);
}

/** The inputs that say where to prune: every one a change acts on, but the list itself. */
const PLACE = changeKinds(rosterPruneInputs.properties).update.filter((key) => key !== "undeclared");

function pruneId(meetingId: string): string {
  return `prune-${meetingId}`;
}

/** The RosterPrune kind: what the dynamic-provider host and the plugin call. */
export const rosterPruneRuntime: RuntimeProvider = {
  async check(olds, news) {
    const { inputs, failures } = checkInputs(rosterPruneDescription, news);
    if (failures.length > 0 || containsUnknown(inputs.undeclared)) {
      return { inputs, failures: forEngine(failures) };
    }
    // A participant the roster managed last time and no longer declares is deleted by the engine, as its
    // Participant resource goes away: listing it here too would show it twice in the preview.
    const previouslyManaged = new Set(isRecord(olds?.managed) ? Object.values(olds.managed) : []);
    const undeclared = inputs.undeclared.filter(
      (participant) => !previouslyManaged.has(participant.participantId),
    );
    const cap = inputs.maxDeletes;
    if (typeof cap === "number" && undeclared.length > cap) {
      const reason =
        `would delete ${undeclared.length} undeclared participants of meeting ${inputs.meetingId}, more than ` +
        `\`maxDeletes\` (${cap}); nothing was deleted. If the roster is right, raise \`maxDeletes\`; if another ` +
        "stack or tool adds participants to this meeting, turn `prune` off (see the Roster's docs)";
      return { inputs: { ...inputs, undeclared }, failures: [{ property: "", reason }] };
    }
    return { inputs: { ...inputs, undeclared }, failures: [] };
  },

  async diff(_id, olds, news) {
    // Work to do exactly when someone is listed for deletion; the outputs always end with an empty list.
    const pending =
      containsUnknown(news.undeclared) || (Array.isArray(news.undeclared) && news.undeclared.length > 0);
    // Any other input an update acts on (the meeting, where it lives): a change prunes there.
    const moved = PLACE.some(
      (key) => news[key] !== undefined && (containsUnknown(news[key]) || news[key] !== olds[key]),
    );
    return { changes: pending || moved, replaces: [] };
  },

  async create(inputs) {
    const outs = await prune(inputs);
    return { id: pruneId(outs.meetingId), outs };
  },

  async read(id, props) {
    // There is no remote object: the state is whatever the last prune recorded.
    const inputs = storedOutputs(rosterPruneDescription, props ?? {});
    delete inputs.pruned;
    return { id, props, inputs };
  },

  async update(_id, _olds, news) {
    return { outs: await prune(news) };
  },

  async delete() {
    // Dropping `prune: true` stops pruning; nothing in the meeting changes.
  },
};
