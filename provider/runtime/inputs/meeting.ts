/**
 * The Meeting resource's inputs and outputs: the API's writable meeting fields (nested recording and AI
 * settings included) plus the provider's own settings. Storage credentials are `x-secret`: write-only in the
 * API, secret in state, never described in a failure; the RTMP URL embeds the stream key, so it is never
 * described either.
 */
import { Type, type TSchema } from "@sinclair/typebox";
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH, accountId, appId, httpUrl } from "./common";
import { NO_CONTROL_CODES, oneOf } from "./keywords";

const GUESS = "guess: the API documents no limit";
const flag = (description: string) => Type.Optional(Type.Boolean({ description }));
const int = (minimum: number, maximum: number, description: string) =>
  Type.Optional(Type.Integer({ minimum, maximum, description }));
const text = (description: string) =>
  Type.Optional(Type.String({ description, maxLength: MAX_TEXT_LENGTH, "x-limitSource": GUESS }));
const credential = (description: string) =>
  Type.Optional(
    Type.String({ description: `${description} Write-only in the API; a secret.`, "x-secret": true }),
  );
const object = <P extends Record<string, TSchema>>(properties: P, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

const aiConfig = object(
  {
    summarization: Type.Optional(
      object(
        {
          summaryType: Type.Optional(
            oneOf(
              [
                "general",
                "team_meeting",
                "sales_call",
                "client_check_in",
                "interview",
                "daily_standup",
                "one_on_one_meeting",
                "lecture",
                "code_review",
              ],
              { description: "The kind of summary to write." },
            ),
          ),
          textFormat: Type.Optional(
            oneOf(["plain_text", "markdown"], { description: "The summary's format." }),
          ),
          wordLimit: int(150, 1000, "The summary's length limit, in words."),
        },
        "Summarization settings.",
      ),
    ),
    transcription: Type.Optional(
      object(
        {
          keywords: Type.Optional(
            Type.Array(Type.String({ maxLength: MAX_ID_LENGTH, pattern: NO_CONTROL_CODES }), {
              maxItems: 1000,
              description: "Words the transcription should expect (names, jargon).",
              "x-limitSource": GUESS,
            }),
          ),
          language: Type.Optional(
            oneOf(["en-US", "en-IN", "de", "hi", "sv", "ru", "pl", "el", "fr", "nl"], {
              description: "The spoken language.",
            }),
          ),
          profanityFilter: flag("Mask profanity in the transcript."),
        },
        "Transcription settings.",
      ),
    ),
  },
  "Summarization and transcription settings.",
);

const storageConfig = Type.Union(
  [
    object(
      {
        type: oneOf(["aws", "azure", "digitalocean", "gcs", "sftp"], { description: "The storage service." }),
        accessKey: credential("Access key."),
        secret: credential("Secret key."),
        bucket: text("Bucket name."),
        region: text("Region."),
        path: text("Path prefix inside the bucket."),
        authMethod: Type.Optional(oneOf(["KEY", "PASSWORD"], { description: "SFTP authentication method." })),
        username: text("SFTP user name."),
        password: credential("SFTP password."),
        host: text("SFTP host."),
        port: int(1, 65535, "SFTP port."),
        privateKey: credential("SFTP private key."),
      },
      "Where recordings are uploaded.",
    ),
    Type.Null(),
  ],
  { description: "Where recordings are uploaded; null for RealtimeKit's own storage." },
);

const recordingConfig = object(
  {
    maxSeconds: Type.Optional(
      Type.Number({ minimum: 60, maximum: 86400, description: "Longest recording, in seconds." }),
    ),
    fileNamePrefix: text("Prefix of recording file names."),
    videoConfig: Type.Optional(
      object(
        {
          codec: Type.Optional(oneOf(["H264", "VP8"], { description: "Video codec." })),
          width: int(1, 1920, "Video width in pixels."),
          height: int(1, 1920, "Video height in pixels."),
          exportFile: flag("Keep the video file."),
          watermark: Type.Optional(
            object(
              {
                url: Type.Optional(httpUrl("The watermark image.")),
                size: Type.Optional(
                  object(
                    {
                      width: Type.Integer({ minimum: 1, maximum: 100000, description: "Width in pixels." }),
                      height: Type.Integer({ minimum: 1, maximum: 100000, description: "Height in pixels." }),
                    },
                    "The watermark's size.",
                  ),
                ),
                position: Type.Optional(
                  oneOf(["left top", "right top", "left bottom", "right bottom"], {
                    description: "Where the watermark goes.",
                  }),
                ),
              },
              "A watermark over the video.",
            ),
          ),
        },
        "Video settings.",
      ),
    ),
    audioConfig: Type.Optional(
      object(
        {
          codec: Type.Optional(oneOf(["MP3", "AAC"], { description: "Audio codec." })),
          channel: Type.Optional(oneOf(["mono", "stereo"], { description: "Audio channels." })),
          exportFile: flag("Keep the audio file."),
        },
        "Audio settings.",
      ),
    ),
    storageConfig: Type.Optional(storageConfig),
    realtimekitBucketConfig: Type.Optional(
      object(
        { enabled: Type.Boolean({ description: "Upload to RealtimeKit's bucket." }) },
        "RealtimeKit's bucket.",
      ),
    ),
    liveStreamingConfig: Type.Optional(
      object(
        {
          rtmpUrl: Type.Optional(
            httpUrl("The RTMP ingest URL (it embeds the stream key).", undefined, {
              "x-disclosure": "nothing",
            }),
          ),
        },
        "Live streaming settings.",
      ),
    ),
  },
  "Recording settings. Storage credentials are always stored as Pulumi secrets.",
);

/** The meeting body fields, in the order they are sent: the fields POST and PUT take. */
export const meetingBodyFields = {
  title: text("The meeting's title."),
  recordOnStart: flag("Start recording when a session starts (default false)."),
  liveStreamOnStart: flag("Start live streaming when a session starts (default false)."),
  persistChat: flag("Keep the chat after the session ends (default false)."),
  summarizeOnEnd: flag(
    "Summarize the transcript when the session ends; needs transcription (default false).",
  ),
  transcribeOnEnd: flag("Transcribe the session when it ends."),
  sessionKeepAliveTimeInSecs: int(60, 600, "How long an empty session stays alive, in seconds (default 60)."),
  aiConfig: Type.Optional(aiConfig),
  recordingConfig: Type.Optional(recordingConfig),
};

/** The body fields and `status`, which only PATCH takes. */
const meetingBody = {
  ...meetingBodyFields,
  status: Type.Optional(
    oneOf(["ACTIVE", "INACTIVE"], {
      description: "`ACTIVE` (the API's default) or `INACTIVE`, which stops anyone from joining.",
    }),
  ),
};

export const meetingInputs = Type.Object(
  {
    ...meetingBody,
    replaceOnUpdate: Type.Optional(
      Type.Boolean({
        description:
          "Apply changes with PUT (replace every field; fields you leave out return to the API's defaults) " +
          "instead of a PATCH of the changed fields. Default false.",
        "x-stateOnly": true,
      }),
    ),
    accountId: Type.Optional(
      accountId("Cloudflare account id (default from config). Changing it replaces the meeting."),
    ),
    appId: Type.Optional(
      appId("RealtimeKit app id (default from config). Changing it replaces the meeting."),
    ),
  },
  { additionalProperties: false },
);

export const meetingOutputs = Type.Object(
  {
    meetingId: Type.String({
      description: "The meeting's id assigned by RealtimeKit (also the resource id).",
      "x-stable": true,
    }),
    createdAt: Type.String({ description: "When the meeting was created (ISO 8601).", "x-stable": true }),
    updatedAt: Type.String({ description: "When the meeting was last changed (ISO 8601)." }),
    ...meetingBody,
    replaceOnUpdate: Type.Optional(Type.Boolean({ description: "The `replaceOnUpdate` setting." })),
    accountId: Type.String({
      description: "The account the meeting lives in (resolved at create time).",
      "x-stable": true,
    }),
    appId: Type.String({
      description: "The app the meeting lives in (resolved at create time).",
      "x-stable": true,
    }),
  },
  { additionalProperties: false },
);
