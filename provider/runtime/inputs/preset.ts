/**
 * The Preset resource's inputs and outputs: a preset is a role (what a participant may do and how the
 * meeting looks to them). The API requires every section whole; here every field is optional at every
 * depth, and an omitted one takes the `default` written beside it, so the defaults alone make a working
 * attendee-like preset (audio and video allowed, screen share on request, chat and polls, no moderation,
 * no recording). Keys are camelCase here and snake_case on the wire (the sdk converts). The enum value
 * lists are the sdk's, so the check and the client's types come from one list.
 */
import { Type, type TProperties, type TSchema } from "@sinclair/typebox";
import {
  BORDER_RADII,
  BORDER_WIDTHS,
  PLUGIN_ACCESS_CONTROLS,
  PRODUCE_PERMISSIONS,
  RECORDER_TYPES,
  THEMES,
  VIDEO_QUALITIES,
  VIEW_TYPES,
  WAITING_ROOM_TYPES,
} from "../../../sdk/preset-types";
import { MAX_ID_LENGTH, MAX_URL_LENGTH, presetName, placedInputs, placedOutputs } from "./common";
import { NO_CONTROL_CODES } from "./keywords";

const withDefault = (description: string, value: unknown) =>
  `${description} Default ${JSON.stringify(value)}.`;
const flag = (description: string, value: boolean) =>
  Type.Optional(Type.Boolean({ description: withDefault(description, value), default: value }));
const count = (description: string, value: number, maximum = 100) =>
  Type.Optional(
    Type.Integer({ minimum: 0, maximum, description: withDefault(description, value), default: value }),
  );
const choice = <const V extends string>(values: readonly V[], description: string, value?: V) =>
  Type.Optional(
    Type.Union(
      values.map((item) => Type.Literal(item)),
      value === undefined
        ? { description }
        : { description: withDefault(description, value), default: value },
    ),
  );
const color = (description: string, value: string) =>
  Type.Optional(
    Type.String({
      description: withDefault(description, value),
      maxLength: 64,
      pattern: NO_CONTROL_CODES,
      default: value,
      "x-limitSource": "guess: a CSS color is short",
    }),
  );
/** A nested section: optional as a whole, unknown keys rejected. */
const section = <P extends TProperties>(properties: P, description: string) =>
  Type.Optional(Type.Object(properties, { additionalProperties: false, description }));
const shades = <K extends string>(description: string, values: Record<K, string>) =>
  section(
    Object.fromEntries(
      Object.entries<string>(values).map(([shade, value]) => [shade, color(`Shade ${shade}.`, value)]),
    ) as Record<K, ReturnType<typeof color>>,
    description,
  );
const canProduce = (what: string, value: (typeof PRODUCE_PERMISSIONS)[number]) =>
  section({ canProduce: choice(PRODUCE_PERMISSIONS, `Whether they may send ${what}.`, value) }, `${what}.`);

const quality = (value: (typeof VIDEO_QUALITIES)[number]) => choice(VIDEO_QUALITIES, "Quality.", value);

const config = section(
  {
    maxScreenshareCount: count("Screen shares at once.", 1),
    maxVideoStreams: section(
      {
        desktop: count("Videos shown on desktop.", 9),
        mobile: count("Videos shown on mobile.", 4),
      },
      "How many videos a participant sees at once.",
    ),
    media: section(
      {
        screenshare: section(
          { frameRate: count("Frames per second.", 5, 60), quality: quality("hd") },
          "Screen share.",
        ),
        video: section(
          {
            frameRate: count("Frames per second.", 30, 60),
            quality: quality("hd"),
            simulcast: Type.Optional(Type.Boolean({ description: "Send several qualities at once." })),
          },
          "Camera video.",
        ),
        audio: section(
          {
            enableHighBitrate: Type.Optional(Type.Boolean({ description: "High-bitrate audio." })),
            enableStereo: Type.Optional(Type.Boolean({ description: "Stereo audio." })),
          },
          "Audio.",
        ),
      },
      "Media quality.",
    ),
    viewType: choice(VIEW_TYPES, "The meeting layout.", "GROUP_CALL"),
    livestreamViewerQualities: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0, maximum: 10000 }), {
        maxItems: 16,
        description: "Qualities offered to livestream viewers.",
        "x-limitSource": "guess: the API documents no limit",
      }),
    ),
  },
  "Media and layout settings.",
);

const permissions = section(
  {
    acceptWaitingRequests: flag("Admit others from the waiting room.", false),
    canAcceptProductionRequests: flag("Accept others' requests to share media.", false),
    canChangeParticipantPermissions: flag("Change others' permissions.", false),
    canEditDisplayName: flag("Change their own display name.", true),
    canLivestream: flag("Start a livestream.", false),
    canRecord: flag("Start a recording.", false),
    canSpotlight: flag("Spotlight participants.", false),
    disableParticipantAudio: flag("Mute others.", false),
    disableParticipantScreensharing: flag("Stop others' screen shares.", false),
    disableParticipantVideo: flag("Turn off others' video.", false),
    hiddenParticipant: flag("Invisible to others.", false),
    kickParticipant: flag("Remove others.", false),
    pinParticipant: flag("Pin participants.", false),
    showParticipantList: flag("See the participant list.", true),
    chat: section(
      {
        private: section(
          {
            canReceive: flag("Receive private messages.", true),
            canSend: flag("Send private messages.", true),
            files: flag("Send files privately.", true),
            text: flag("Send text privately.", true),
          },
          "Private chat.",
        ),
        public: section(
          {
            canSend: flag("Send public messages.", true),
            files: flag("Send files publicly.", true),
            text: flag("Send text publicly.", true),
          },
          "Public chat.",
        ),
      },
      "Chat.",
    ),
    connectedMeetings: section(
      {
        canAlterConnectedMeetings: flag("Change connected meetings.", false),
        canSwitchConnectedMeetings: flag("Switch between connected meetings.", true),
        canSwitchToParentMeeting: flag("Return to the parent meeting.", true),
      },
      "Connected (breakout) meetings.",
    ),
    media: section(
      {
        audio: canProduce("Audio", "ALLOWED"),
        video: canProduce("Video", "ALLOWED"),
        screenshare: canProduce("Screen share", "CAN_REQUEST"),
      },
      "What they may send.",
    ),
    plugins: section(
      {
        canClose: flag("Close plugins.", false),
        canEditConfig: flag("Edit plugin settings.", false),
        canStart: flag("Start plugins.", false),
        config: Type.Optional(
          Type.Record(
            Type.String({ maxLength: MAX_ID_LENGTH }),
            Type.Object(
              {
                accessControl: choice(PLUGIN_ACCESS_CONTROLS, "Full access or view only."),
                handlesViewOnly: Type.Optional(
                  Type.Boolean({ description: "The plugin handles view only." }),
                ),
              },
              { additionalProperties: false, description: "One plugin's settings." },
            ),
            { description: "Settings by plugin id (ids are sent as written). Default {}.", default: {} },
          ),
        ),
      },
      "Plugins.",
    ),
    polls: section(
      {
        canCreate: flag("Create polls.", false),
        canView: flag("See polls.", true),
        canVote: flag("Vote in polls.", true),
      },
      "Polls.",
    ),
    recorderType: choice(RECORDER_TYPES, "Whether this role records or livestreams.", "NONE"),
    waitingRoomType: choice(WAITING_ROOM_TYPES, "Whether they wait to be admitted.", "SKIP"),
    acceptStageRequests: Type.Optional(Type.Boolean({ description: "Accept requests to join the stage." })),
    isRecorder: Type.Optional(Type.Boolean({ description: "A recorder bot's role." })),
    stageAccess: choice(PRODUCE_PERMISSIONS, "Whether they may join the stage."),
    stageEnabled: Type.Optional(Type.Boolean({ description: "The meeting has a stage." })),
    transcriptionEnabled: Type.Optional(Type.Boolean({ description: "Their speech is transcribed." })),
  },
  "What a participant with this preset may do.",
);

const ui = section(
  {
    designTokens: section(
      {
        borderRadius: choice(BORDER_RADII, "Corner style.", "rounded"),
        borderWidth: choice(BORDER_WIDTHS, "Border width.", "thin"),
        spacingBase: count("Base spacing, in pixels.", 4),
        theme: choice(THEMES, "Theme.", "dark"),
        colors: section(
          {
            background: shades("Background shades.", {
              "600": "#222222",
              "700": "#1f1f1f",
              "800": "#1b1b1b",
              "900": "#181818",
              "1000": "#141414",
            }),
            brand: shades("Brand shades.", {
              "300": "#844d1c",
              "400": "#9d5b22",
              "500": "#b56927",
              "600": "#d37c30",
              "700": "#d9904f",
            }),
            danger: color("Danger.", "#FF2D2D"),
            success: color("Success.", "#62A504"),
            text: color("Text.", "#EEEEEE"),
            textOnBrand: color("Text on the brand color.", "#EEEEEE"),
            videoBg: color("Video background.", "#191919"),
            warning: color("Warning.", "#FFCD07"),
          },
          "Colors.",
        ),
        fontFamily: Type.Optional(Type.String({ description: "Font family.", maxLength: 256 })),
        googleFont: Type.Optional(Type.String({ description: "A Google font's name.", maxLength: 256 })),
        logo: Type.Optional(Type.String({ description: "Logo URL.", maxLength: MAX_URL_LENGTH })),
      },
      "Design tokens.",
    ),
  },
  "How the meeting looks to them.",
);

/** The preset's body as the program declares it (every field optional), in the order it is sent. */
export const presetBody = {
  name: presetName(
    "The preset's name: what a participant's or roster entry's `presetName` refers to. Changes in place.",
    "a non-empty preset name without control characters",
  ),
  config,
  permissions,
  ui,
};

export const presetInputs = placedInputs("preset", presetBody);

export const presetOutputs = placedOutputs("preset", "presetId", presetBody);

/** The body schema alone (without the place), for defaults and comparisons. */
export const presetBodySchema: TSchema = Type.Object(presetBody, { additionalProperties: false });
