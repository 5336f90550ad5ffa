/**
 * The Webhook provider: the shared named-resource runtime (../named) over the webhooks API. The list has no
 * paging and answers 404 for an app without webhooks (the sdk turns that into an empty list). Events are
 * compared as a set: their order carries no meaning, so a reordering is no change.
 */
import type { Webhook, WebhookInput } from "../../../sdk/webhook-types";
import { webhookDescription } from "../inputs";
import { webhookBodySchema } from "../inputs/webhook";
import { namedRuntime } from "../named";
import { compare } from "../values";

export const webhookRuntime = namedRuntime<Webhook>({
  noun: "webhook",
  description: webhookDescription,
  body: webhookBodySchema,
  idOutput: "webhookId",
  api: (client) => ({
    async findByName(name) {
      return (await client.webhooks.list()).find((candidate) => candidate.name === name);
    },
    create: (body) => client.webhooks.create(body as unknown as WebhookInput),
    get: (id) => client.webhooks.get(id),
    update: (id, patch) => client.webhooks.update(id, patch),
    delete: (id) => client.webhooks.delete(id),
  }),
  normalize: (body) =>
    Array.isArray(body.events) ? { ...body, events: [...(body.events as string[])].sort(compare) } : body,
});
