/**
 * Webhooks: `/webhooks`. The list has no paging, and an app without webhooks has been reported to answer
 * it with 404: `list` tells that apart from an unknown app and returns `[]`.
 */
import type { RealtimeKitClient } from "./client";
import { NotFoundError } from "./errors";
import {
  isWholeWebhook,
  toWebhook,
  toWireWebhook,
  type Webhook,
  type WebhookInput,
  type WebhookPatch,
  type WireWebhook,
} from "./webhook-types";

/** The webhooks endpoint group; reach it as `client.webhooks`. */
export class Webhooks {
  constructor(private readonly client: RealtimeKitClient) {}

  /**
   * Creates a webhook (enabled unless `enabled: false`). Not idempotent: after an error whose
   * `outcomeUnknown` is true, list before creating again. A name already used in the app is expected to
   * answer 409 (`ConflictError`).
   */
  async create(input: WebhookInput): Promise<Webhook> {
    const { data } = await this.client.request<WireWebhook>({
      method: "POST",
      path: ["webhooks"],
      body: toWireWebhook(input),
    });
    return toWebhook(data);
  }

  /** One webhook. Throws `NotFoundError` when it does not exist. */
  async get(webhookId: string): Promise<Webhook> {
    const { data } = await this.client.request<WireWebhook>({ method: "GET", path: ["webhooks", webhookId] });
    return toWebhook(data);
  }

  /**
   * Every webhook of the app (the API does not page this list). A 404 means "none" when the app exists,
   * which one list of its presets then proves; for an unknown app the 404 is thrown.
   */
  async list(): Promise<Webhook[]> {
    try {
      const { data } = await this.client.request<WireWebhook[]>({ method: "GET", path: ["webhooks"] });
      return Array.isArray(data) ? data.map(toWebhook) : [];
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const appExists = await this.client.presets.list({ perPage: 1 }).then(
        () => true,
        (probe: unknown) => {
          if (probe instanceof NotFoundError) return false;
          throw probe;
        },
      );
      if (appExists) return [];
      throw error;
    }
  }

  /** Changes only the given fields (PATCH) and returns the whole webhook (read again if the answer is not). */
  async update(webhookId: string, patch: WebhookPatch): Promise<Webhook> {
    const { data } = await this.client.request<Partial<WireWebhook>>({
      method: "PATCH",
      path: ["webhooks", webhookId],
      body: toWireWebhook(patch),
    });
    return isWholeWebhook(data) ? toWebhook(data) : this.get(webhookId);
  }

  /**
   * Replaces the webhook (PUT): `name`, `url` and `events` required; an omitted `enabled` is left to the
   * server. The PUT answer has been reported to echo only part of the webhook; then it is read again.
   */
  async replace(webhookId: string, input: WebhookInput): Promise<Webhook> {
    const { data } = await this.client.request<Partial<WireWebhook>>({
      method: "PUT",
      path: ["webhooks", webhookId],
      body: toWireWebhook(input),
    });
    return isWholeWebhook(data) ? toWebhook(data) : this.get(webhookId);
  }

  /** Deletes the webhook and returns it as it was. Throws `NotFoundError` if already gone. */
  async delete(webhookId: string): Promise<Webhook> {
    const { data } = await this.client.request<WireWebhook>({
      method: "DELETE",
      path: ["webhooks", webhookId],
    });
    return toWebhook(data);
  }
}
