/**
 * The Meeting resource: a RealtimeKit meeting, declared in code. All provider logic lives in
 * ./runtime/meeting/; what the state holds as `__provider` is the one-line module from ./shim.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { MeetingInputs, MeetingOutputs } from "./runtime/meeting";
import type { MeetingArgs } from "../generated/typescript/described";
import { DescribedResource, runtimeShim } from "./shim";

/** Arguments of {@link Meeting}: its described inputs. Every one is optional: the API has a default for each. */
export type { MeetingArgs } from "../generated/typescript/described";

/**
 * The 0.1.0 closure shim for Meetings, loading the runtime at call time (see ./participant.ts).
 *
 * @deprecated The provider is the runtime's `meetingRuntime`.
 */
export const meetingProvider: pulumi.dynamic.ResourceProvider<MeetingInputs, MeetingOutputs> = runtimeShim<
  MeetingInputs,
  MeetingOutputs
>("meeting");

/**
 * A RealtimeKit meeting. Its outputs are `meetingId`, `createdAt`, `updatedAt` and every argument except
 * `replaceOnUpdate`, as set (undefined when not set; `accountId` and `appId` as resolved at create time).
 *
 * Changes are applied in place with one PATCH of the changed fields (or a PUT with `replaceOnUpdate`);
 * only `accountId` and `appId` replace it. Fields you stop setting keep their current value.
 * The API has no delete: destroying a Meeting sets it `INACTIVE`, so nobody can join; with the
 * `retainOnDelete` resource option it is left untouched.
 *
 * @example
 * const meeting = new Meeting("standup", { title: "Daily standup", persistChat: true });
 * export const meetingId = meeting.meetingId;
 */
export class Meeting extends DescribedResource<"meeting"> {
  constructor(name: string, args: MeetingArgs = {}, opts?: pulumi.CustomResourceOptions) {
    // A recordingConfig holding a storage credential (described as secret) is made a secret.
    super("meeting", name, args, opts);
    // The resource id rather than the provider's output: it stays known in a preview that updates the
    // meeting (an output would be unknown then, and every Participant of the meeting would preview as
    // replaced). Set once, here, like the outputs the engine sets while registering.
    (this as { meetingId: pulumi.Output<string> }).meetingId = this.id;
  }
}
