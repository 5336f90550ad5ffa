/**
 * `read` for both of its callers: refresh (the engine sends the recorded state) and `pulumi import` (the
 * engine sends only the import id). An import is turned into an ordinary runtime read by seeding the state
 * the runtime needs from the id, so the inputs come back rebuilt from the API record by the same code that
 * keeps refresh free of phantom diffs.
 */
import type { PropertyMap, ResourceKind, RuntimeProvider } from "../provider/runtime";
import { configDefaulted, resourceDescriptions, withoutSecretValues } from "../provider/runtime/inputs";
import { MEETING_BODY_FIELDS } from "../provider/runtime/meeting";
import { isRecord } from "../provider/runtime/values";
import { isImportRead, parseMeetingImportId, parseParticipantImportId, shownId } from "./import-ids";

type ReadResult = Awaited<ReturnType<RuntimeProvider["read"]>>;

/**
 * Stands for "not known before the read" in a seeded Meeting state: the runtime replaces every seeded
 * field with the API's value, and a field the API did not return keeps this marker and is dropped.
 */
const NOT_READ = "\u0000realtimekit:not-read";

/**
 * On import, the inputs resolved from config when omitted (`accountId`, `appId`: `x-defaultFrom` in the
 * description) came from the provider's configuration, not from the program: left out of the rebuilt
 * inputs, so the generated code does not pin them and the next preview shows no change.
 */
const configResolved = (kind: ResourceKind): string[] => configDefaulted(resourceDescriptions[kind].inputs);

export async function readForImport(
  kind: ResourceKind,
  provider: RuntimeProvider,
  id: string,
  props: PropertyMap,
): Promise<ReadResult> {
  if (!isImportRead(props)) return provider.read(id, props);
  switch (kind) {
    case "participant":
      return importParticipant(provider, id);
    case "meeting":
      return importMeeting(provider, id);
    case "preset":
    case "webhook":
      return importNamed(kind, provider, id);
    default:
      throw new Error(
        `Cannot import RosterPrune ${shownId(id)}: it has no remote object of its own. Declare the Roster with ` +
          "`prune: true`; it creates this resource.",
      );
  }
}

/**
 * A Preset or Webhook is imported by its id (`<presetId>`, `<webhookId>`): the runtime's read of an empty
 * state rebuilds the inputs a program would declare (what differs from the described defaults).
 */
async function importNamed(
  kind: ResourceKind,
  provider: RuntimeProvider,
  importId: string,
): Promise<ReadResult> {
  const name = kind === "preset" ? "Preset" : "Webhook";
  const id = importId.trim();
  if (id === "" || id.includes("/")) {
    throw new Error(`Cannot import ${name} "${importId}": the import id must be the ${kind}'s id.`);
  }
  const result = await provider.read(id, {});
  if (!result.id || !result.props) {
    throw new Error(
      `Cannot import ${name} "${importId}": there is no ${kind} with that id (in the configured account and app).`,
    );
  }
  return { id, props: result.props, inputs: withoutKeys(result.inputs, configResolved(kind)) };
}

async function importParticipant(provider: RuntimeProvider, importId: string): Promise<ReadResult> {
  const { meetingId, participantId } = parseParticipantImportId(importId);
  // The runtime names the participant by customParticipantId in messages; until the read, only the id is known.
  const result = await provider.read(participantId, { meetingId, customParticipantId: participantId });
  if (!result.props) {
    throw new Error(
      `Cannot import Participant ${shownId(importId)}: meeting ${meetingId} has no participant with id ` +
        `${JSON.stringify(participantId)} (in the configured account and app). List the meeting's participants with ` +
        "getMeetingParticipants to find the id.",
    );
  }
  return {
    id: participantId,
    props: result.props,
    inputs: withoutKeys(result.inputs, configResolved("participant")),
  };
}

async function importMeeting(provider: RuntimeProvider, importId: string): Promise<ReadResult> {
  const meetingId = parseMeetingImportId(importId);
  const seed = Object.fromEntries([...MEETING_BODY_FIELDS, "status"].map((key) => [key, NOT_READ]));
  const result = await provider.read(meetingId, seed);
  if (!result.id || !result.props) {
    throw new Error(
      `Cannot import Meeting ${shownId(importId)}: there is no meeting with that id (in the configured account and app).`,
    );
  }
  // The code `pulumi import` generates is written from these inputs: a storage credential the API returned
  // stays in the state (a secret), never in the program's text.
  const inputs = withoutSecretValues(resourceDescriptions.meeting, withoutNotRead(result.inputs));
  return {
    id: meetingId,
    props: withoutNotRead(result.props),
    inputs: withoutKeys(inputs as PropertyMap, configResolved("meeting")),
  };
}

/**
 * The bag without the seed's markers and without `null` at any depth: the API answers `null` for a field
 * that is not set (`recordingConfig.storageConfig`), and generated code leaves such a field out, so keeping
 * it would make the first preview after the import show an update.
 */
function withoutNotRead(bag: PropertyMap | undefined): PropertyMap {
  const clean = (value: unknown): unknown =>
    isRecord(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, item]) => item !== null)
            .map(([key, item]) => [key, clean(item)]),
        )
      : value;
  const kept = Object.entries(bag ?? {}).filter(([, value]) => value !== NOT_READ);
  return clean(Object.fromEntries(kept)) as PropertyMap;
}

function withoutKeys(bag: PropertyMap | undefined, keys: readonly string[]): PropertyMap {
  return Object.fromEntries(Object.entries(bag ?? {}).filter(([key]) => !keys.includes(key)));
}
