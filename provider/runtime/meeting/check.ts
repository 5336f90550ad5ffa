/** The Meeting's `check`: its inputs validated against their description, nested fields by their path. */
import { checkInputs, meetingDescription, type InputProblem } from "../inputs";
import type { PropertyMap } from "../protocol";

/**
 * One failure per invalid field, its property being the field's path (`recordingConfig.videoConfig.width`).
 * Values not known yet (preview) are skipped; storage credentials and the RTMP URL are never described.
 */
export function checkMeeting(news: PropertyMap): { inputs: PropertyMap; failures: InputProblem[] } {
  return checkInputs(meetingDescription, news);
}
