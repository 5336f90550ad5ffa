/**
 * Import ids: `pulumi import realtimekit:index:Participant <name> <meetingId>/<participantId>` and
 * `pulumi import realtimekit:index:Meeting <name> <meetingId>`. On import the engine calls `read` with
 * only the id (no state), so the meeting a participant lives in has to come from the id itself.
 */

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
  const parts = id.split("/");
  if (parts.length !== 2 || parts.some((part) => part.trim() === "")) {
    throw new Error(`Cannot import Participant "${id}": the import id must be ${EXPECTED}.`);
  }
  return { meetingId: parts[0].trim(), participantId: parts[1].trim() };
}

/** A Meeting's import id is its id; anything with a slash is a mistake worth naming. */
export function parseMeetingImportId(id: string): string {
  if (id.trim() === "" || id.includes("/")) {
    throw new Error(`Cannot import Meeting "${id}": the import id must be the meeting's id.`);
  }
  return id.trim();
}

/** The engine's way of saying "this is an import": a read with an id and no recorded state at all. */
export function isImportRead(props: Record<string, unknown> | undefined): boolean {
  return props === undefined || Object.keys(props).length === 0;
}
