/**
 * The Webhook resource: where RealtimeKit posts an app's events, declared in code. Its arguments come from
 * the one description (./runtime/inputs/webhook.ts); all provider logic lives in ./runtime/webhook.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DescribedArgs, DescribedOutputs } from "./described-types";
import type { webhookInputs, webhookOutputs } from "./runtime/inputs/webhook";
import type { PropertyMap } from "./runtime/protocol";
import { RuntimeResource, runtimeShim } from "./shim";

/** Arguments of {@link Webhook}: `name`, `url`, `events`, `enabled?`, `accountId?`, `appId?`. */
export type WebhookArgs = DescribedArgs<typeof webhookInputs>;
type Outputs = DescribedOutputs<typeof webhookOutputs>;

/** The provider of {@link Webhook}, loading the runtime at call time (see ./shim.ts). Exported for tests. */
export const webhookProvider = runtimeShim<PropertyMap, PropertyMap>("webhook");

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
export class Webhook extends RuntimeResource {
  /** The webhook's id: the resource id. */
  declare public readonly webhookId: pulumi.Output<string>;
  declare public readonly name: pulumi.Output<string>;
  declare public readonly url: pulumi.Output<string>;
  declare public readonly events: pulumi.Output<Outputs["events"]>;
  declare public readonly enabled: pulumi.Output<boolean | undefined>;
  declare public readonly createdAt: pulumi.Output<string>;
  declare public readonly updatedAt: pulumi.Output<string>;
  declare public readonly accountId: pulumi.Output<string>;
  declare public readonly appId: pulumi.Output<string>;

  constructor(name: string, args: WebhookArgs, opts?: pulumi.CustomResourceOptions) {
    super("webhook", name, args, opts);
    this.webhookId = this.id;
  }
}
