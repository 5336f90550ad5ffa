/**
 * The Participant provider: what the dynamic-provider host runs, through the shim in ../../shim.ts, for
 * `check` (./check.ts), `diff` (./diff.ts) and the lifecycle (./lifecycle.ts). The engine hands every method
 * plain property bags (the unknown sentinel during preview, values written by older versions in state), so
 * inputs are parsed (./state.ts) rather than trusted.
 */
import { forEngine } from "../inputs";
import type { RuntimeProvider } from "../protocol";
import { atSource, recordSource } from "../roster/source";
import { checkParticipant } from "./check";
import { createOnce, ownerOf, participantClaims } from "./claims";
import { diffParticipant } from "./diff";
import { createParticipant, deleteParticipant, readParticipant, updateParticipant } from "./lifecycle";

export { checkParticipant } from "./check";
export { diffParticipant } from "./diff";
export { createParticipant, deleteParticipant, readParticipant, updateParticipant } from "./lifecycle";
export type { ParticipantInputs, ParticipantOutputs } from "./state";
export { tokenExpiry, tokenExpiring } from "./token-claims";

/** The Participant runtime provider, as the shim calls it. */
export const participantRuntime: RuntimeProvider = {
  async check(olds, news) {
    recordSource(news);
    const { inputs, failures } = checkParticipant(news);
    const owner = ownerOf(news);
    const taken =
      owner === undefined || failures.length > 0 ? undefined : participantClaims.record(owner, olds, inputs);
    const all =
      taken === undefined ? failures : [...failures, { property: "customParticipantId", reason: taken }];
    return { inputs, failures: forEngine(all) };
  },
  async diff(_id, olds, news) {
    return diffParticipant(olds, news);
  },
  async create(inputs) {
    return atSource(inputs, () => createOnce(inputs, () => createParticipant(inputs)));
  },
  async read(id, props) {
    return readParticipant(id, props ?? {});
  },
  async update(id, olds, news) {
    return atSource(news, () => updateParticipant(id, olds, news));
  },
  async delete(id, props) {
    return deleteParticipant(id, props);
  },
};
