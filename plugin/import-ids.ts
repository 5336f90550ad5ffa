/**
 * Import ids: `pulumi import realtimekit:index:Participant <name> <meetingId>/<participantId>` and
 * `pulumi import realtimekit:index:Meeting <name> <meetingId>`. On import the engine calls `read` with
 * only the id (no state), so the meeting a participant lives in has to come from the id itself.
 *
 * Ids are checked as `check` checks the same values (a UUID meeting id; a participant id of bounded length
 * without control characters) before any request, and a message quotes an id as JSON, cut short: an id is
 * the user's text, and a newline or a 100,000-character id must not reach the terminal as is.
 */
import { meetingId as meetingIdRule } from "../provider/runtime/inputs/common";

/** The longest participant id accepted (as for RosterPrune's listed participants). */
const MAX_PARTICIPANT_ID_LENGTH = 64;
const MEETING_ID = new RegExp(meetingIdRule("").pattern as string);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An id as a message shows it: JSON-quoted, at most 80 characters of it. */
export function shownId(id: string): string {
  return JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}...` : id);
}

/** What a Participant import id names. */
export interface ParticipantImportId {
  meetingId: string;
  participantId: string;
}

const EXPECTED = "<meetingId>/<participantId> (the meeting's id, a slash, the participant's id)";

/**
 * Splits `<meetingId>/<participantId>`. Throws a message that names the id and the expected form when it
 * has another shape (a bare participant id cannot be read: the API addresses participants by meeting).
 */
export function parseParticipantImportId(id: string): ParticipantImportId {
  const fail = (problem: string): Error =>
    new Error(`Cannot import Participant ${shownId(id)}: the import id must be ${EXPECTED}${problem}.`);
  const parts = id.split("/");
  if (parts.length !== 2 || parts.some((part) => part.trim() === "")) throw fail("");
  const [meetingId, participantId] = parts.map((part) => part.trim());
  if (!MEETING_ID.test(meetingId)) throw fail("; the meeting's id is a UUID");
  if (participantId.length > MAX_PARTICIPANT_ID_LENGTH || CONTROL.test(participantId)) {
    throw fail(
      `; the participant's id has at most ${MAX_PARTICIPANT_ID_LENGTH} characters, none of them control characters`,
    );
  }
  return { meetingId, participantId };
}

/** A Meeting's import id is its id, a UUID; anything else is a mistake worth naming. */
export function parseMeetingImportId(id: string): string {
  if (!MEETING_ID.test(id.trim())) {
    throw new Error(
      `Cannot import Meeting ${shownId(id)}: the import id must be the meeting's id (a UUID such as ` +
        "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40).",
    );
  }
  return id.trim();
}

/** The engine's way of saying "this is an import": a read with an id and no recorded state at all. */
export function isImportRead(props: Record<string, unknown> | undefined): boolean {
  return props === undefined || Object.keys(props).length === 0;
}
