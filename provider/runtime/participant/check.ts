/** The Participant's `check`: its inputs validated against their description, without any network call. */
import { checkInputs, participantDescription, type InputProblem } from "../inputs";
import type { PropertyMap } from "../protocol";

/**
 * One failure per bad property, naming it and what it expects. Unknown values (preview) pass. Returns the
 * inputs with ids trimmed, holding nothing but described inputs.
 */
export function checkParticipant(news: PropertyMap): { inputs: PropertyMap; failures: InputProblem[] } {
  return checkInputs(participantDescription, news);
}
