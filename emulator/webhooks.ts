/**
 * Webhook endpoints: `/accounts/{account_id}/realtime/kit/{app_id}/webhooks`. The list has no paging.
 * What the live API is reported to do, each a setting (see settings.ts): a name already used answers 409,
 * the list of an app with none answers 404, and a PUT answers only part of the webhook. No signing secret
 * exists per webhook (deliveries are signed with one platform-wide key), so none is ever answered.
 */
import { randomUUID } from "node:crypto";
import type { ApiContext } from "./context";
import { type ApiResponse, type Route, badRequest, isResponse, ok, serviceError } from "./http";
import { now } from "./store";
import type { Json, JsonObject, WebhookRecord } from "./types";
import { type ObjectSchema, validateBody, withoutRequired } from "./validation";

const WEBHOOKS = "/accounts/{account_id}/realtime/kit/{app_id}/webhooks";
const WEBHOOK = `${WEBHOOKS}/{webhook_id}`;

const EVENTS = [
  "meeting.started",
  "meeting.ended",
  "meeting.participantJoined",
  "meeting.participantLeft",
  "meeting.chatSynced",
  "recording.statusUpdate",
  "livestreaming.statusUpdate",
  "meeting.transcript",
  "meeting.summary",
];

/** POST and PUT. */
const WEBHOOK_BODY: ObjectSchema = {
  type: "object",
  required: ["name", "url", "events"],
  fields: {
    name: { type: "string", nonEmpty: true },
    url: { type: "uri" },
    events: { type: "array", items: { type: "enum", values: EVENTS } },
    enabled: { type: "boolean" },
  },
};

const PATCH_BODY = withoutRequired(WEBHOOK_BODY);

function webhookJson(webhook: WebhookRecord): Json {
  const { id, name, url, events, enabled, created_at, updated_at } = webhook;
  return { id, name, url, events, enabled, created_at, updated_at };
}

function findWebhook(context: ApiContext, params: Record<string, string>): WebhookRecord | ApiResponse {
  const webhook = context.store.webhooks.get(params.webhook_id);
  if (!webhook || webhook.app_id !== params.app_id) {
    return serviceError(404, `No webhook found with id ${params.webhook_id}`);
  }
  return webhook;
}

/** The body's problem as a 400, or null; an empty `events` list is refused as well. */
function invalid(body: Json | undefined, schema: ObjectSchema): ApiResponse | null {
  const problem = validateBody(body, schema);
  if (problem) return badRequest(problem);
  const events = (body as JsonObject | undefined)?.events;
  if (Array.isArray(events) && events.length === 0)
    return badRequest(`"events" must contain at least 1 items`);
  return null;
}

function nameConflict(context: ApiContext, appId: string, name: unknown, self?: string): ApiResponse | null {
  if (typeof name !== "string" || context.settings.duplicateNames === "allow") return null;
  const other = context.store.webhooksOf(appId).find((webhook) => webhook.name === name);
  return other && other.id !== self ? serviceError(409, `Webhook with name ${name} already exists`) : null;
}

function listWebhooks(context: ApiContext, params: Record<string, string>) {
  const webhooks = context.store.webhooksOf(params.app_id);
  if (webhooks.length === 0 && context.settings.emptyWebhookList === "not-found") {
    return serviceError(404, "No webhooks found for this app");
  }
  return ok(webhooks.map(webhookJson));
}

function getWebhook(context: ApiContext, params: Record<string, string>) {
  const webhook = findWebhook(context, params);
  return isResponse(webhook) ? webhook : ok(webhookJson(webhook));
}

function createWebhook(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const problem =
    invalid(body, WEBHOOK_BODY) ?? nameConflict(context, params.app_id, (body as JsonObject).name);
  if (problem) return problem;
  const fields = body as JsonObject;
  const timestamp = now();
  const webhook: WebhookRecord = {
    id: randomUUID(),
    app_id: params.app_id,
    name: String(fields.name),
    url: String(fields.url),
    events: [...(fields.events as string[])],
    enabled: fields.enabled !== false,
    created_at: timestamp,
    updated_at: timestamp,
  };
  context.store.webhooks.set(webhook.id, webhook);
  return ok(webhookJson(webhook), 201);
}

/** PATCH changes the given fields; PUT sets all three required ones (and `enabled` when given). */
function changeWebhook(
  context: ApiContext,
  params: Record<string, string>,
  body: Json | undefined,
  whole: boolean,
) {
  const webhook = findWebhook(context, params);
  if (isResponse(webhook)) return webhook;
  const problem =
    invalid(body, whole ? WEBHOOK_BODY : PATCH_BODY) ??
    nameConflict(context, params.app_id, (body as JsonObject | undefined)?.name, webhook.id);
  if (problem) return problem;
  const fields = (body ?? {}) as JsonObject;
  if (typeof fields.name === "string") webhook.name = fields.name;
  if (typeof fields.url === "string") webhook.url = fields.url;
  if (Array.isArray(fields.events)) webhook.events = [...(fields.events as string[])];
  if (typeof fields.enabled === "boolean") webhook.enabled = fields.enabled;
  webhook.updated_at = now();
  if (whole && context.settings.webhookPutAnswer === "partial") {
    return ok({ id: webhook.id, name: webhook.name, url: webhook.url });
  }
  return ok(webhookJson(webhook));
}

function deleteWebhook(context: ApiContext, params: Record<string, string>) {
  const webhook = findWebhook(context, params);
  if (isResponse(webhook)) return webhook;
  context.store.webhooks.delete(webhook.id);
  return ok(webhookJson(webhook));
}

/** The webhook routes. */
export const webhookRoutes: Route<ApiContext>[] = [
  { method: "GET", template: WEBHOOKS, handle: (r, c) => listWebhooks(c, r.params) },
  { method: "POST", template: WEBHOOKS, handle: (r, c) => createWebhook(c, r.params, r.body) },
  { method: "GET", template: WEBHOOK, handle: (r, c) => getWebhook(c, r.params) },
  { method: "PATCH", template: WEBHOOK, handle: (r, c) => changeWebhook(c, r.params, r.body, false) },
  { method: "PUT", template: WEBHOOK, handle: (r, c) => changeWebhook(c, r.params, r.body, true) },
  { method: "DELETE", template: WEBHOOK, handle: (r, c) => deleteWebhook(c, r.params) },
];
