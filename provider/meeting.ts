/**
 * The Meeting resource: a RealtimeKit meeting, declared in code. All provider logic lives in
 * ./runtime/meeting/; what the state holds as `__provider` is the one-line module from ./shim.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AiConfig, MeetingStatus, RecordingConfig } from "../sdk/types";
import type { MeetingInputs, MeetingOutputs } from "./runtime/meeting/fields";
import { RuntimeResource, runtimeShim } from "./shim";

/** Arguments of {@link Meeting}. Every field is optional: the API has a default for each. */
export interface MeetingArgs {
  /** The meeting's title. */
  title?: pulumi.Input<string>;
  /** Start recording when a session starts (default false). */
  recordOnStart?: pulumi.Input<boolean>;
  /** Start live streaming when a session starts (default false). */
  liveStreamOnStart?: pulumi.Input<boolean>;
  /** Keep the chat after the session ends (default false). */
  persistChat?: pulumi.Input<boolean>;
  /** Summarize the transcript when the session ends; needs transcription (default false). */
  summarizeOnEnd?: pulumi.Input<boolean>;
  /** Transcribe the session when it ends. */
  transcribeOnEnd?: pulumi.Input<boolean>;
  /** How long an empty session stays alive, in seconds: 60 to 600 (default 60). */
  sessionKeepAliveTimeInSecs?: pulumi.Input<number>;
  /** Summarization and transcription settings. */
  aiConfig?: pulumi.Input<AiConfig>;
  /**
   * Recording settings. Storage credentials in `storageConfig` are write-only in the API and are always
   * stored as Pulumi secrets, even when passed as plain strings.
   */
  recordingConfig?: pulumi.Input<RecordingConfig>;
  /** `ACTIVE` (the API's default) or `INACTIVE`, which stops anyone from joining. */
  status?: pulumi.Input<MeetingStatus>;
  /**
   * Apply changes with PUT (replace every field; fields you leave out return to the API's defaults)
   * instead of a PATCH of the changed fields. Default false.
   */
  replaceOnUpdate?: pulumi.Input<boolean>;
  /** Cloudflare account id; defaults to config `realtimekit:accountId`, then `CLOUDFLARE_ACCOUNT_ID`. Changing it replaces the meeting. */
  accountId?: pulumi.Input<string>;
  /** RealtimeKit app id; defaults to config `realtimekit:appId`, then `REALTIMEKIT_APP_ID`. Changing it replaces the meeting. */
  appId?: pulumi.Input<string>;
}

/** The provider of {@link Meeting}, loading the runtime at call time (see ./shim.ts). Exported for tests. */
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
export class Meeting extends RuntimeResource {
  /**
   * The meeting's id: the resource id, so it stays known in a preview that updates the meeting (a
   * provider output would be unknown then, and every Participant of the meeting would preview as replaced).
   */
  declare public readonly meetingId: pulumi.Output<string>;
  /** When the meeting was created (ISO 8601). */
  declare public readonly createdAt: pulumi.Output<string>;
  /** When the meeting last changed (ISO 8601). */
  declare public readonly updatedAt: pulumi.Output<string>;
  declare public readonly title: pulumi.Output<string | undefined>;
  declare public readonly recordOnStart: pulumi.Output<boolean | undefined>;
  declare public readonly liveStreamOnStart: pulumi.Output<boolean | undefined>;
  declare public readonly persistChat: pulumi.Output<boolean | undefined>;
  declare public readonly summarizeOnEnd: pulumi.Output<boolean | undefined>;
  declare public readonly transcribeOnEnd: pulumi.Output<boolean | undefined>;
  declare public readonly sessionKeepAliveTimeInSecs: pulumi.Output<number | undefined>;
  declare public readonly aiConfig: pulumi.Output<AiConfig | undefined>;
  /** A secret when it carries storage credentials. */
  declare public readonly recordingConfig: pulumi.Output<RecordingConfig | undefined>;
  declare public readonly status: pulumi.Output<MeetingStatus | undefined>;
  declare public readonly accountId: pulumi.Output<string | undefined>;
  declare public readonly appId: pulumi.Output<string | undefined>;

  constructor(name: string, args: MeetingArgs = {}, opts?: pulumi.CustomResourceOptions) {
    // A recordingConfig holding a storage credential (described as secret) is made a secret.
    super("meeting", name, args, opts);
    this.meetingId = this.id;
  }
}
