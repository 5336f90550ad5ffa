/**
 * The Webhook resource's inputs and outputs: where RealtimeKit posts a meeting's events. Deliveries are
 * signed with one platform-wide key (header `rtk-signature`), so a webhook holds no secret of its own. The
 * event list is the sdk's; the order of `events` carries no meaning (a reordering is no change).
 */
import { Type } from "@sinclair/typebox";
import { WEBHOOK_EVENTS } from "../../../sdk/webhook-types";
import { MAX_TEXT_LENGTH, MAX_URL_LENGTH, placedInputs, placedOutputs } from "./common";
import { NO_CONTROL_CODES, WEBHOOK_URL_FORMAT } from "./keywords";

const webhookBody = {
  name: Type.String({
    description: "The webhook's name, unique in the app (an existing webhook of this name is adopted).",
    minLength: 1,
    maxLength: MAX_TEXT_LENGTH,
    pattern: NO_CONTROL_CODES,
    "x-normalize": "trim",
    "x-limitSource": "guess: the API documents no limit",
  }),
  url: Type.String({
    description: "Where deliveries are posted: an absolute https URL (http only for loopback hosts).",
    format: WEBHOOK_URL_FORMAT,
    maxLength: MAX_URL_LENGTH,
    "x-expected": "an absolute https URL (http only for localhost, 127.0.0.1 or [::1])",
    "x-normalize": "trim",
    "x-limitSource": "guess: about what browsers and CDNs handle",
  }),
  events: Type.Array(
    Type.Union(
      WEBHOOK_EVENTS.map((event) => Type.Literal(event)),
      { description: "An event." },
    ),
    {
      minItems: 1,
      maxItems: WEBHOOK_EVENTS.length,
      uniqueItems: true,
      description: `The events delivered, in any order (a reordering is no change): ${WEBHOOK_EVENTS.join(", ")}.`,
      "x-expected": `a non-empty list of distinct events, each one of ${WEBHOOK_EVENTS.map((e) => JSON.stringify(e)).join(", ")}`,
    },
  ),
  enabled: Type.Optional(
    Type.Boolean({ description: "Whether deliveries are sent. Default true.", default: true }),
  ),
};

export const webhookInputs = placedInputs("webhook", webhookBody);

export const webhookOutputs = placedOutputs("webhook", "webhookId", webhookBody);

export const webhookBodySchema = Type.Object(webhookBody, { additionalProperties: false });
