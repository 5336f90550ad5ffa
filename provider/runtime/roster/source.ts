/**
 * Where a roster entry came from (`roster.yaml:3`), carried to the messages of its participant's API calls:
 * a wrong preset is found only when `pulumi up` adds the participant, and the error then points at the
 * line to fix. The Roster gives each child from a file the hidden input {@link SOURCE_KEY}; the
 * participant's `check` records it here and drops it (so it never reaches the state, and moving an entry
 * within the file changes nothing), and create and update prefix their errors with it. One deployment runs
 * in one provider process, so a process-wide table is the deployment's.
 */
import { SOURCE_KEY, type PropertyMap } from "../protocol";
import type { SourceLocation } from "./entries";

const declared = new Map<string, string>();

/** The table's key: the participant's meeting and customParticipantId, when both are strings. */
function keyOf(bag: PropertyMap): string | undefined {
  const { meetingId, customParticipantId } = bag;
  if (typeof meetingId !== "string" || typeof customParticipantId !== "string") return undefined;
  return JSON.stringify([meetingId.trim(), customParticipantId.trim()]);
}

/** The hidden input for an entry read from a file: `roster.yaml:3`, the `file:line` editors link to. */
export function sourceInput(location: SourceLocation | undefined): { [SOURCE_KEY]?: string } {
  return location ? { [SOURCE_KEY]: `${location.file}:${location.line}` } : {};
}

/** Records the entry's position that `check` was handed (`news` as the engine sent them), if any. */
export function recordSource(news: PropertyMap): void {
  const key = keyOf(news);
  const source = news[SOURCE_KEY];
  if (key !== undefined && typeof source === "string" && source !== "") declared.set(key, source);
}

/**
 * Runs an API operation of the participant `inputs` declares; what it throws starts with the roster file
 * and line of the entry (`roster.yaml:3: Could not create ...`), when it came from one. The error itself is
 * kept (a partial failure carries the created participant's state).
 */
export async function atSource<T>(inputs: PropertyMap, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const key = keyOf(inputs);
    const source = key === undefined ? undefined : declared.get(key);
    if (source !== undefined && error instanceof Error && !error.message.startsWith(`${source}: `))
      error.message = `${source}: ${error.message}`;
    throw error;
  }
}
