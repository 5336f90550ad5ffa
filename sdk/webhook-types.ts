/**
 * Domain (camelCase) and wire shapes of webhooks, and the list of their events as data (for resource
 * descriptions). Fields follow Cloudflare's official SDKs (`realtime-kit` webhooks).
 */
import { toWire } from "./types";

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  "meeting.started",
  "meeting.ended",
  "meeting.participantJoined",
  "meeting.participantLeft",
  "meeting.chatSynced",
  "recording.statusUpdate",
  "livestreaming.statusUpdate",
  "meeting.transcript",
  "meeting.summary",
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What create and replace take. */
export interface WebhookInput {
  name: string;
  /** Where deliveries go, signed with the platform-wide key (`rtk-signature` header). */
  url: string;
  events: WebhookEvent[];
  /** Default true: active once created. */
  enabled?: boolean;
}

/** What update (PATCH) takes. */
export type WebhookPatch = Partial<WebhookInput>;

/** A webhook as the API answers it; no signing secret exists per webhook. */
export interface Webhook {
  id: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WireWebhook {
  id: string;
  name: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export function toWireWebhook(input: WebhookInput | WebhookPatch): Record<string, unknown> {
  return toWire(input) as Record<string, unknown>;
}

export function toWebhook(wire: WireWebhook): Webhook {
  return {
    id: wire.id,
    name: wire.name,
    url: wire.url,
    events: wire.events,
    enabled: wire.enabled,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
  };
}

/** Whether an answer carries a whole webhook (a PUT answer has been reported to echo only part of it). */
export function isWholeWebhook(wire: Partial<WireWebhook>): wire is WireWebhook {
  const keys = ["id", "name", "url", "events", "enabled", "created_at", "updated_at"] as const;
  return keys.every((key) => wire[key] !== undefined);
}
