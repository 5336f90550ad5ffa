/**
 * The Participant provider: what the dynamic-provider host runs, through the shim in ../../shim.ts, for
 * `check` (./check.ts), `diff` (./diff.ts) and the lifecycle (./lifecycle.ts). The engine hands every method
 * plain property bags (the unknown sentinel during preview, values written by older versions in state), so
 * inputs are parsed (./state.ts) rather than trusted.
 */
import { forEngine } from "../inputs";
import type { RuntimeProvider } from "../protocol";
import { checkParticipant } from "./check";
import { diffParticipant } from "./diff";
import { createParticipant, deleteParticipant, readParticipant, updateParticipant } from "./lifecycle";

export { checkParticipant } from "./check";
export { diffParticipant } from "./diff";
export { createParticipant, deleteParticipant, readParticipant, updateParticipant } from "./lifecycle";
export type { ParticipantInputs, ParticipantOutputs } from "./state";
export { tokenExpiry, tokenExpiring } from "./token-claims";

/** The Participant runtime provider, as the shim calls it. */
export const participantRuntime: RuntimeProvider = {
  async check(_olds, news) {
    const { inputs, failures } = checkParticipant(news);
    return { inputs, failures: forEngine(failures) };
  },
  async diff(_id, olds, news) {
    return diffParticipant(olds, news);
  },
  async create(inputs) {
    return createParticipant(inputs);
  },
  async read(id, props) {
    return readParticipant(id, props ?? {});
  },
  async update(id, olds, news) {
    return updateParticipant(id, olds, news);
  },
  async delete(id, props) {
    return deleteParticipant(id, props);
  },
};
