/**
 * The App resource: a RealtimeKit app, created or adopted by name. Its arguments come from the one
 * description (./runtime/inputs/app.ts); all provider logic lives in ./runtime/app.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DescribedArgs } from "./described-types";
import type { appInputs } from "./runtime/inputs/app";
import type { PropertyMap } from "./runtime/protocol";
import { RuntimeResource, runtimeShim } from "./shim";

/** Arguments of {@link App}: `name` and `accountId?`. */
export type AppArgs = DescribedArgs<typeof appInputs>;

/** The provider of {@link App}, loading the runtime at call time (see ./shim.ts). Exported for tests. */
export const appProvider = runtimeShim<PropertyMap, PropertyMap>("app");

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
export class App extends RuntimeResource {
  /** The app's id: the resource id. */
  declare public readonly appId: pulumi.Output<string>;
  declare public readonly name: pulumi.Output<string>;
  declare public readonly createdAt: pulumi.Output<string>;
  declare public readonly accountId: pulumi.Output<string>;

  constructor(name: string, args: AppArgs, opts?: pulumi.CustomResourceOptions) {
    super("app", name, args, opts);
    this.appId = this.id;
  }
}
