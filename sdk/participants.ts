/**
 * Participants of a meeting: `/meetings/{meetingId}/participants`. Only add, edit and refreshToken answer
 * with a join token; get and list never do.
 */
import type { RealtimeKitClient } from "./client";
import { collectPages } from "./paging";
import {
  toDeletedParticipant,
  toParticipant,
  toParticipantWithToken,
  toPaging,
  toWireAddParticipant,
  toWireEditParticipant,
  toWireQuery,
  type AddParticipantInput,
  type DeletedParticipant,
  type EditParticipantInput,
  type Page,
  type PageOptions,
  type Participant,
  type ParticipantWithToken,
  type WireDeletedParticipant,
  type WireParticipant,
  type WireParticipantWithToken,
} from "./types";

/** The participants endpoint group; reach it as `client.participants`. */
export class Participants {
  constructor(private readonly client: RealtimeKitClient) {}

  /**
   * Adds a participant and returns it with its join token. Not idempotent: after an error whose
   * `outcomeUnknown` is true, list the meeting before adding again, or the participant may exist twice.
   */
  async add(meetingId: string, input: AddParticipantInput): Promise<ParticipantWithToken> {
    const { data } = await this.client.request<WireParticipantWithToken>({
      method: "POST",
      path: ["meetings", meetingId, "participants"],
      body: toWireAddParticipant(input),
    });
    return toParticipantWithToken(data);
  }

  /** One participant, without a token. Throws `NotFoundError` when it does not exist. */
  async get(meetingId: string, participantId: string): Promise<Participant> {
    const { data } = await this.client.request<WireParticipant>({
      method: "GET",
      path: ["meetings", meetingId, "participants", participantId],
    });
    return toParticipant(data);
  }

  /** One page of the meeting's participants (`pageNo` is 1-based), without tokens. */
  async list(meetingId: string, options: PageOptions = {}): Promise<Page<Participant>> {
    const { data, paging } = await this.client.requestPage<WireParticipant>({
      method: "GET",
      path: ["meetings", meetingId, "participants"],
      query: toWireQuery(options),
    });
    return { items: data.map(toParticipant), paging: toPaging(paging) };
  }

  /** Every participant of the meeting, all pages, each once. */
  async listAll(meetingId: string, options: { perPage?: number } = {}): Promise<Participant[]> {
    return collectPages(
      (pageNo, perPage) => this.list(meetingId, { pageNo, perPage }),
      ["meetings", meetingId, "participants"],
      options.perPage,
    );
  }

  /**
   * Changes `name`, `picture` and/or `presetName` (nothing else is editable) and returns the participant
   * with a token.
   */
  async edit(
    meetingId: string,
    participantId: string,
    patch: EditParticipantInput,
  ): Promise<ParticipantWithToken> {
    const { data } = await this.client.request<WireParticipantWithToken>({
      method: "PATCH",
      path: ["meetings", meetingId, "participants", participantId],
      body: toWireEditParticipant(patch),
    });
    return toParticipantWithToken(data);
  }

  /** Deletes the participant; the answer names its preset by id. Throws `NotFoundError` if already gone. */
  async delete(meetingId: string, participantId: string): Promise<DeletedParticipant> {
    const { data } = await this.client.request<WireDeletedParticipant>({
      method: "DELETE",
      path: ["meetings", meetingId, "participants", participantId],
    });
    return toDeletedParticipant(data);
  }

  /**
   * Issues a new join token for the same participant (same id and preset). Retried like a GET after a
   * 5xx, a timeout or a dropped connection: a token issued twice is harmless, and the one returned is the
   * one to use.
   */
  async refreshToken(meetingId: string, participantId: string): Promise<{ token: string }> {
    const { data } = await this.client.request<{ token: string }>({
      method: "POST",
      path: ["meetings", meetingId, "participants", participantId, "token"],
      idempotent: true,
    });
    return { token: data.token };
  }
}
