/**
 * The shared per-meeting participant list: a short-lived, per-process view of each meeting's participants, shared by every resource the provider
 * host serves. `pulumi refresh` reads every participant at once; answering those reads from one paged list
 * per meeting costs about ceil(N/100) API calls instead of N gets, which matters under the API's limit of
 * 1200 requests per 5 minutes. Create uses the same view to find an existing `customParticipantId`.
 *
 * It lives in the runtime module, never in the serialized provider. The provider's own mutations are applied
 * to it (add, edit, delete) and a mutation with an unknown outcome drops it, so within one deployment (one
 * provider process) the view stays current without being fetched again; changes made outside Pulumi show up
 * on the next deployment, which starts a new process. Entries still expire after {@link MEETING_VIEW_TTL_MS}
 * for a process that outlives a deployment.
 */
import { NotFoundError, type Participant, type RealtimeKitClient } from "../../sdk";

/**
 * How long a fetched list is trusted, in milliseconds. Nothing in a deployment needs fresher data: the
 * provider's own writes are applied to the view, and what existed before the deployment began is in its first
 * list. Refetching a meeting of M participants costs ceil(M/100) calls: with a 30 s TTL an unpaced first up of
 * 2,000 listed the meeting 242 times, and at the default pace (3.8 requests/s) relists took 17% of the request
 * budget at M = 2,000; with ten minutes they take under 1% at any size.
 */
export const MEETING_VIEW_TTL_MS = 10 * 60_000;

/** Which meeting, under which API endpoint, account and app. */
export interface MeetingRef {
  baseUrl: string | undefined;
  accountId: string;
  appId: string;
  meetingId: string;
}

interface Entry {
  /** The meeting's participants by id; the same Map object for the entry's whole life. */
  participants: Promise<Map<string, Participant>>;
  /** When the list arrived (ms since epoch); undefined while it is being fetched. */
  fetchedAt: number | undefined;
}

/** See the module comment. `now` is injectable so expiry can be tested without waiting. */
export class SharedParticipantList {
  private readonly entries = new Map<string, Entry>();
  /** Participants a create in this process took over from whatever else may hold them (see `claim`). */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly ttlMs: number = MEETING_VIEW_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every participant of the meeting, from one shared `listAll` (fetched at most once per TTL). */
  async list(client: RealtimeKitClient, meeting: MeetingRef): Promise<Participant[]> {
    return [...(await this.entry(client, meeting).participants).values()];
  }

  /** Like {@link list}, but always fetches anew (after an ambiguous failure, stale data could mislead). */
  async listFresh(client: RealtimeKitClient, meeting: MeetingRef): Promise<Participant[]> {
    this.invalidate(meeting);
    return this.list(client, meeting);
  }

  /**
   * The participant with this id, or undefined when it no longer exists. Answered from the shared list; an
   * id missing from it is confirmed with a GET before being declared gone (it may be newer than the list).
   */
  async find(
    client: RealtimeKitClient,
    meeting: MeetingRef,
    participantId: string,
  ): Promise<Participant | undefined> {
    try {
      const listed = (await this.entry(client, meeting).participants).get(participantId);
      if (listed) return listed;
    } catch (error) {
      // A meeting that is gone answers 404 to the list; the GET below then says the participant is gone too.
      if (!(error instanceof NotFoundError)) throw error;
    }
    try {
      const participant = await client.participants.get(meeting.meetingId, participantId);
      this.upsert(meeting, participant);
      return participant;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** Records a participant the provider added or edited (so the next read or create sees it). */
  upsert(meeting: MeetingRef, participant: Participant): void {
    this.apply(meeting, (participants) => participants.set(participant.id, withoutToken(participant)));
  }

  /** Records a participant the provider deleted. */
  remove(meeting: MeetingRef, participantId: string): void {
    this.apply(meeting, (participants) => participants.delete(participantId));
  }

  /**
   * Records that a create in this process took over an existing participant. One deployment runs in one
   * provider process, so a delete of the same participant later in it comes from the resource it was taken
   * from (renamed without `aliases`, replaced create-before-delete) and must not delete it.
   */
  claim(meeting: MeetingRef, participantId: string): void {
    this.claimed.add(JSON.stringify([keyOf(meeting), participantId]));
  }

  /** Whether {@link claim} recorded this participant. */
  isClaimed(meeting: MeetingRef, participantId: string): boolean {
    return this.claimed.has(JSON.stringify([keyOf(meeting), participantId]));
  }

  /** Forgets the meeting's list, e.g. after a mutation whose outcome is unknown. */
  invalidate(meeting: MeetingRef): void {
    this.entries.delete(keyOf(meeting));
  }

  /** Forgets everything: what a new provider process starts with. */
  clear(): void {
    this.entries.clear();
    this.claimed.clear();
  }

  private entry(client: RealtimeKitClient, meeting: MeetingRef): Entry {
    const key = keyOf(meeting);
    const cached = this.entries.get(key);
    if (cached && (cached.fetchedAt === undefined || this.now() - cached.fetchedAt < this.ttlMs))
      return cached;
    const entry: Entry = { participants: Promise.resolve(new Map()), fetchedAt: undefined };
    entry.participants = client.participants.listAll(meeting.meetingId).then(
      (participants) => {
        entry.fetchedAt = this.now();
        return new Map(participants.map((participant) => [participant.id, participant]));
      },
      (error: unknown) => {
        // A failed list is not cached: the next caller tries again.
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, entry);
    return entry;
  }

  private apply(meeting: MeetingRef, change: (participants: Map<string, Participant>) => void): void {
    const entry = this.entries.get(keyOf(meeting));
    // Applied after the list arrives, whichever comes first: the Map is keyed by id, so a change the list
    // already reflects is applied again harmlessly.
    void entry?.participants.then(change, () => undefined);
  }
}

/** The runtime's one view, shared by every Participant (and roster) operation in this process. */
export const sharedParticipantList = new SharedParticipantList();

function keyOf(meeting: MeetingRef): string {
  return JSON.stringify([meeting.baseUrl ?? "", meeting.accountId, meeting.appId, meeting.meetingId]);
}

function withoutToken(participant: Participant): Participant {
  const { id, customParticipantId, presetName, name, picture, createdAt, updatedAt } = participant;
  return { id, customParticipantId, presetName, name, picture, createdAt, updatedAt };
}
