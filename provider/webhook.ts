/**
 * The Webhook resource: where RealtimeKit posts an app's events, declared in code. Its arguments come from
 * the one description (./runtime/inputs/webhook.ts); all provider logic lives in ./runtime/webhook.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { WebhookArgs } from "../generated/typescript/described";
import { DescribedResource } from "./shim";

export type { WebhookArgs } from "../generated/typescript/described";

/**
 * A RealtimeKit webhook. Deliveries are signed with RealtimeKit's platform-wide key (header
 * `rtk-signature`); a webhook has no secret of its own. An existing webhook of the same name is adopted;
 * changes are one PATCH; the order of `events` carries no meaning.
 *
 * @example
 * new Webhook("backend", {
 *   name: "backend",
 *   url: "https://hooks.example.com/realtimekit",
 *   events: ["meeting.started", "meeting.participantJoined"],
 * });
 */
export class Webhook extends DescribedResource<"webhook"> {
  constructor(name: string, args: WebhookArgs, opts?: pulumi.CustomResourceOptions) {
    super("webhook", name, args, opts);
    // The resource id, known in a preview that updates it (as Meeting's meetingId).
    (this as { webhookId: pulumi.Output<string> }).webhookId = this.id;
  }
}
