/**
 * The App resource: a RealtimeKit app, created or adopted by name. Its arguments come from the one
 * description (./runtime/inputs/app.ts); all provider logic lives in ./runtime/app.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AppArgs } from "../generated/typescript/described";
import { DescribedResource } from "./shim";

export type { AppArgs } from "../generated/typescript/described";

/**
 * A RealtimeKit app, created, or adopted when an app of the same name exists. Pass its `appId` output as
 * the `appId` of Meetings, Participants, Rosters, Presets and Webhooks to declare a whole app from nothing.
 * The API cannot rename or delete apps: changing `name` fails before any call, and destroying an App
 * removes it from the stack with a warning that it remains in RealtimeKit.
 *
 * @example
 * const app = new App("conference", { name: "conference" });
 * const meeting = new Meeting("keynote", { title: "Keynote", appId: app.appId });
 */
export class App extends DescribedResource<"app"> {
  constructor(name: string, args: AppArgs, opts?: pulumi.CustomResourceOptions) {
    super("app", name, args, opts);
    // The resource id, known in a preview that updates it (as Meeting's meetingId).
    (this as { appId: pulumi.Output<string> }).appId = this.id;
  }
}
