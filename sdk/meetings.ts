/**
 * Meetings: `/meetings`. There is no DELETE: a meeting is retired with `update(id, { status: "INACTIVE" })`.
 */
import type { RealtimeKitClient } from "./client";
import { collectPages } from "./paging";
import {
  toMeeting,
  toPaging,
  toWire,
  toWireQuery,
  type Meeting,
  type MeetingInput,
  type MeetingListOptions,
  type MeetingPatch,
  type Page,
} from "./types";

/** The meetings endpoint group; reach it as `client.meetings`. */
export class Meetings {
  constructor(private readonly client: RealtimeKitClient) {}

  /** Creates a meeting (created `ACTIVE`). Not idempotent: an `outcomeUnknown` error may hide a created one. */
  async create(input: MeetingInput = {}): Promise<Meeting> {
    const { data } = await this.client.request<Record<string, unknown>>({
      method: "POST",
      path: ["meetings"],
      body: toWire(input),
    });
    return toMeeting(data);
  }

  /** One meeting. Throws `NotFoundError` when it does not exist. */
  async get(meetingId: string): Promise<Meeting> {
    const { data } = await this.client.request<Record<string, unknown>>({
      method: "GET",
      path: ["meetings", meetingId],
    });
    return toMeeting(data);
  }

  /** One page of the app's meetings (`pageNo` is 1-based); list rows omit `aiConfig`. */
  async list(options: MeetingListOptions = {}): Promise<Page<Meeting>> {
    const { data, paging } = await this.client.requestPage<Record<string, unknown>>({
      method: "GET",
      path: ["meetings"],
      query: toWireQuery(options),
    });
    return { items: data.map(toMeeting), paging: toPaging(paging) };
  }

  /** Every meeting matching `options` (without `pageNo`), all pages, each once. */
  async listAll(options: Omit<MeetingListOptions, "pageNo"> = {}): Promise<Meeting[]> {
    return collectPages(
      (pageNo, perPage) => this.list({ ...options, pageNo, perPage }),
      ["meetings"],
      options.perPage,
    );
  }

  /** Changes the given fields (PATCH), `status` included. Send nested configs whole: merging is unknown. */
  async update(meetingId: string, patch: MeetingPatch): Promise<Meeting> {
    const { data } = await this.client.request<Record<string, unknown>>({
      method: "PATCH",
      path: ["meetings", meetingId],
      body: toWire(patch),
    });
    return toMeeting(data);
  }

  /** Replaces every writable field (PUT); omitted fields return to their defaults. Cannot set `status`. */
  async replace(meetingId: string, input: MeetingInput): Promise<Meeting> {
    const { data } = await this.client.request<Record<string, unknown>>({
      method: "PUT",
      path: ["meetings", meetingId],
      body: toWire(input),
    });
    return toMeeting(data);
  }
}
