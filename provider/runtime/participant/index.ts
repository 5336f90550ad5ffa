/**
 * The Participant kind of the runtime: `check` (the description's, plus the deployment's claims in
 * ./claims.ts), `diff` (./diff.ts) and the lifecycle (./lifecycle.ts). The engine hands every method plain
 * property bags (the unknown sentinel during preview, values written by older versions in state), so inputs
 * are parsed (./state.ts) rather than trusted; the words are in ./messages.ts.
 */
import { checkInputs, forEngine, participantDescription } from "../inputs";
import type { RuntimeProvider } from "../protocol";
import { atSource, recordSource } from "../roster/source";
import { createOnce, ownerOf, participantClaims } from "./claims";
import { diffParticipant } from "./diff";
import { createParticipant, deleteParticipant, readParticipant, updateParticipant } from "./lifecycle";

export { diffParticipant } from "./diff";
export type { ParticipantInputs, ParticipantOutputs } from "./state";
export { tokenExpiry, tokenExpiring } from "./token-claims";

/** The Participant kind: what the dynamic-provider host and the plugin call. */
export const participantRuntime: RuntimeProvider = {
  async check(olds, news) {
    recordSource(news);
    const { inputs, failures } = checkInputs(participantDescription, news);
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
  create: (inputs) => atSource(inputs, () => createOnce(inputs, () => createParticipant(inputs))),
  read: (id, props) => readParticipant(id, props ?? {}),
  update: (id, olds, news) => atSource(news, () => updateParticipant(id, olds, news)),
  delete: (id, props) => deleteParticipant(id, props),
};
