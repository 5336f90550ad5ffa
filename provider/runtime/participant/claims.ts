/**
 * One owner per participant in a deployment. A (meeting, customParticipantId) names one API participant, so
 * two resources declaring it would share it: in parallel both would add one (two participants, one id), and
 * one after the other the second would take over the first's participant, whose destroy then deletes it
 * from under the other. The claims of the deployment prevent that.
 *
 * Every resource that declares a participant passes through `check` with its URN (the plugin has it from the
 * request; the TypeScript Participant sends it as the hidden input {@link OWNER_KEY}, which `check` drops
 * so it never reaches the state). A resource already in state holds the key of its recorded inputs; a
 * resource to be created claims the key it declares. One deployment runs in one provider process, so a
 * process-wide table is the deployment's: a second claimant fails at `check` (at preview when the meeting id
 * is known), and a create whose key has two owners fails before any API call, naming both. Creates and
 * take-overs of one key run one at a time, so two creates can never both find the key free.
 */
import { OWNER_KEY, type PropertyMap } from "../protocol";
import { UNKNOWN } from "../values";

/** Who claims a key, and whether it already holds it in state (old inputs) or wants it (new inputs). */
interface Claim {
  owner: string;
  holds: boolean;
}

/** The claims of one provider process (one deployment). `clear` is what a new process starts with. */
export class ParticipantClaims {
  private readonly claims = new Map<string, Claim[]>();
  private readonly queues = new Map<string, Promise<unknown>>();

  /**
   * Records what a resource's `check` saw: the key it holds in state (`olds`) and the key it declares
   * (`news`). Returns the reason to fail the check when another resource claims either. A holder is
   * recorded even then (the state says it owns the participant), so a newcomer that checked first is still
   * refused at create; a refused newcomer is not recorded, so the first claimant's create goes ahead.
   */
  record(owner: string, olds: PropertyMap, news: PropertyMap): string | undefined {
    const held = keyOf(olds);
    if (held !== undefined) {
      this.add(held, { owner, holds: true });
      const claims = (this.claims.get(held) ?? []).filter((claim) => claim.owner !== owner);
      const holder = claims.find((claim) => claim.holds);
      if (holder !== undefined) return heldTwice(held, holder.owner, owner);
      if (claims.length > 0) return heldAndDeclared(held, owner, claims[0].owner);
    }
    const wanted = keyOf(news);
    if (wanted === undefined || wanted === held) return undefined;
    const others = this.ownersOf(wanted).filter((other) => other !== owner);
    if (others.length > 0) return secondClaimant(wanted, others[0], owner);
    this.add(wanted, { owner, holds: false });
    return undefined;
  }

  /**
   * Why a create (or take-over) of the participant must not go ahead (`it is declared by ...`): more than
   * one resource of this deployment claims it. Undefined when at most one does.
   */
  conflict(meetingId: string, customParticipantId: string): string | undefined {
    const key = JSON.stringify([meetingId, customParticipantId]);
    const owners = this.ownersOf(key);
    return owners.length > 1 ? severalOwners(owners) : undefined;
  }

  /** Runs `work` once every earlier create or take-over of the same participant has finished. */
  async exclusive<T>(meetingId: string, customParticipantId: string, work: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([meetingId, customParticipantId]);
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }

  clear(): void {
    this.claims.clear();
    this.queues.clear();
  }

  private ownersOf(key: string): string[] {
    return [...new Set((this.claims.get(key) ?? []).map((claim) => claim.owner))];
  }

  private add(key: string, claim: Claim): void {
    const list = this.claims.get(key) ?? [];
    if (!list.some((known) => known.owner === claim.owner && known.holds === claim.holds)) list.push(claim);
    this.claims.set(key, list);
  }
}

/** The runtime's one table, shared by every Participant operation in this process. */
export const participantClaims = new ParticipantClaims();

/** The owner (a URN) a `check` was given, if any: direct calls of the provider (tests) give none. */
export function ownerOf(news: PropertyMap): string | undefined {
  const owner = news[OWNER_KEY];
  return typeof owner === "string" && owner !== "" ? owner : undefined;
}

/**
 * Runs a create (`news` its checked inputs) one at a time per participant, failing before any API call when
 * more than one resource of this deployment claims it.
 */
export async function createOnce<T>(news: PropertyMap, create: () => Promise<T>): Promise<T> {
  const key = keyOf(news);
  if (key === undefined) return create();
  const [meetingId, customParticipantId] = JSON.parse(key) as [string, string];
  return participantClaims.exclusive(meetingId, customParticipantId, async () => {
    refuseSharedParticipant(meetingId, customParticipantId);
    return create();
  });
}

/** Throws when more than one resource of this deployment claims the participant (see {@link createOnce}). */
export function refuseSharedParticipant(meetingId: string, customParticipantId: string): void {
  const conflict = participantClaims.conflict(meetingId, customParticipantId);
  if (conflict === undefined) return;
  throw new Error(
    `Could not create the participant with ${describe(JSON.stringify([meetingId, customParticipantId]))}: ${conflict}`,
  );
}

/** The claim key of a bag: its meeting and customParticipantId, when both are known strings. */
function keyOf(bag: PropertyMap): string | undefined {
  const { meetingId, customParticipantId } = bag;
  if (typeof meetingId !== "string" || typeof customParticipantId !== "string") return undefined;
  const ids = [meetingId.trim(), customParticipantId.trim()];
  if (ids.some((id) => id === "" || id === UNKNOWN)) return undefined;
  return JSON.stringify(ids);
}

function describe(key: string): string {
  const [meetingId, customParticipantId] = JSON.parse(key) as [string, string];
  return `customParticipantId ${JSON.stringify(customParticipantId)} in meeting ${meetingId}`;
}

const WHAT_TO_DO =
  "A participant has one owner in a deployment: keep one of the declarations (or give the other a different " +
  "customParticipantId) and run `pulumi up` again. Nothing was created or taken over for this one.";

// URNs are quoted as JSON: a resource name is the program's text and could hold a line break.
function secondClaimant(key: string, first: string, second: string): string {
  return `${describe(key)} is already declared by ${JSON.stringify(first)}; ${JSON.stringify(second)} declares it too. ${WHAT_TO_DO}`;
}

function heldAndDeclared(key: string, holder: string, other: string): string {
  return (
    `${describe(key)} is held by ${JSON.stringify(holder)} (in the stack's state) and declared by ` +
    `${JSON.stringify(other)} too. ${WHAT_TO_DO}`
  );
}

/**
 * Two resources in state hold one participant: left by an older version, or by a new resource that took it
 * over (`--skip-preview`) before its holder was checked. Deleting either from the program would delete it
 * for both, so the advice is to forget one.
 */
function heldTwice(key: string, first: string, second: string): string {
  return (
    `${describe(key)} is held by two resources in the stack's state: ${JSON.stringify(first)} and ` +
    `${JSON.stringify(second)}. A participant has one owner in a deployment. Choose the one to keep and make ` +
    `the stack forget the other without deleting the participant: \`pulumi state delete '<urn>'\`, then remove ` +
    "it from the program (removing it from the program alone would delete the participant for both)."
  );
}

function severalOwners(owners: string[]): string {
  const named = owners.map((owner) => JSON.stringify(owner)).join(" and ");
  return `it is declared by ${owners.length} resources of this deployment: ${named}. ${WHAT_TO_DO}`;
}
