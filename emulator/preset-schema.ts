/**
 * A preset's body in wire form, as Cloudflare's official SDKs type it (June 2026 spec): the schema POST
 * and PUT check (PATCH checks the same with nothing required), the presets every app is seeded with, and
 * the fields the server adds on its own. The enum lists repeat the sdk's on purpose: the emulator imports
 * nothing from `sdk/`, so each checks the other.
 */
import type { JsonObject } from "./types";
import { type ObjectSchema, type Schema } from "./validation";

const QUALITIES = ["hd", "vga", "qvga", "fhd", "uhd"];
const PRODUCE = ["ALLOWED", "NOT_ALLOWED", "CAN_REQUEST"];

const BOOLEAN: Schema = { type: "boolean" };
const STRING: Schema = { type: "string" };
const COUNT: Schema = { type: "number", integer: true, min: 0 };

/** An object whose listed fields are all required booleans. */
function flags(...names: string[]): ObjectSchema {
  return { type: "object", required: names, fields: Object.fromEntries(names.map((n) => [n, BOOLEAN])) };
}

/** An object whose listed fields are all required strings (color shades). */
function shades(...names: string[]): ObjectSchema {
  return { type: "object", required: names, fields: Object.fromEntries(names.map((n) => [n, STRING])) };
}

const CAN_PRODUCE: ObjectSchema = {
  type: "object",
  required: ["can_produce"],
  fields: { can_produce: { type: "enum", values: PRODUCE } },
};

const CONFIG: ObjectSchema = {
  type: "object",
  required: ["max_screenshare_count", "max_video_streams", "media", "view_type"],
  fields: {
    max_screenshare_count: COUNT,
    max_video_streams: {
      type: "object",
      required: ["desktop", "mobile"],
      fields: { desktop: COUNT, mobile: COUNT },
    },
    media: {
      type: "object",
      required: ["screenshare", "video"],
      fields: {
        screenshare: {
          type: "object",
          required: ["frame_rate", "quality"],
          fields: { frame_rate: COUNT, quality: { type: "enum", values: QUALITIES } },
        },
        video: {
          type: "object",
          required: ["frame_rate", "quality"],
          fields: { frame_rate: COUNT, quality: { type: "enum", values: QUALITIES }, simulcast: BOOLEAN },
        },
        audio: { type: "object", fields: { enable_high_bitrate: BOOLEAN, enable_stereo: BOOLEAN } },
      },
    },
    view_type: { type: "enum", values: ["GROUP_CALL", "WEBINAR", "AUDIO_ROOM", "LIVESTREAM"] },
    livestream_viewer_qualities: { type: "array", items: COUNT, nullable: true },
  },
};

const TOP_LEVEL_FLAGS = [
  "accept_waiting_requests",
  "can_accept_production_requests",
  "can_change_participant_permissions",
  "can_edit_display_name",
  "can_livestream",
  "can_record",
  "can_spotlight",
  "disable_participant_audio",
  "disable_participant_screensharing",
  "disable_participant_video",
  "hidden_participant",
  "kick_participant",
  "pin_participant",
  "show_participant_list",
];

const PERMISSIONS: ObjectSchema = {
  type: "object",
  required: [
    ...TOP_LEVEL_FLAGS,
    "chat",
    "connected_meetings",
    "media",
    "plugins",
    "polls",
    "recorder_type",
    "waiting_room_type",
  ],
  fields: {
    ...Object.fromEntries(TOP_LEVEL_FLAGS.map((name) => [name, BOOLEAN])),
    chat: {
      type: "object",
      required: ["private", "public"],
      fields: {
        private: flags("can_receive", "can_send", "files", "text"),
        public: flags("can_send", "files", "text"),
      },
    },
    connected_meetings: flags(
      "can_alter_connected_meetings",
      "can_switch_connected_meetings",
      "can_switch_to_parent_meeting",
    ),
    media: {
      type: "object",
      required: ["audio", "screenshare", "video"],
      fields: { audio: CAN_PRODUCE, screenshare: CAN_PRODUCE, video: CAN_PRODUCE },
    },
    plugins: {
      type: "object",
      required: ["can_close", "can_edit_config", "can_start", "config"],
      fields: {
        can_close: BOOLEAN,
        can_edit_config: BOOLEAN,
        can_start: BOOLEAN,
        config: {
          type: "record",
          values: {
            type: "object",
            open: true,
            fields: {
              access_control: { type: "enum", values: ["FULL_ACCESS", "VIEW_ONLY"] },
              handles_view_only: BOOLEAN,
            },
          },
        },
      },
    },
    polls: flags("can_create", "can_view", "can_vote"),
    recorder_type: { type: "enum", values: ["RECORDER", "LIVESTREAMER", "NONE"] },
    waiting_room_type: { type: "enum", values: ["SKIP", "ON_PRIVILEGED_USER_ENTRY", "SKIP_ON_ACCEPT"] },
    accept_stage_requests: BOOLEAN,
    is_recorder: BOOLEAN,
    stage_access: { type: "enum", values: PRODUCE },
    stage_enabled: BOOLEAN,
    transcription_enabled: BOOLEAN,
  },
};

const UI: ObjectSchema = {
  type: "object",
  required: ["design_tokens"],
  fields: {
    design_tokens: {
      type: "object",
      required: ["border_radius", "border_width", "colors", "spacing_base", "theme"],
      fields: {
        border_radius: { type: "enum", values: ["sharp", "rounded", "extra-rounded", "circular"] },
        border_width: { type: "enum", values: ["none", "thin", "fat"] },
        colors: {
          type: "object",
          required: [
            "background",
            "brand",
            "danger",
            "success",
            "text",
            "text_on_brand",
            "video_bg",
            "warning",
          ],
          fields: {
            background: shades("600", "700", "800", "900", "1000"),
            brand: shades("300", "400", "500", "600", "700"),
            ...Object.fromEntries(
              ["danger", "success", "text", "text_on_brand", "video_bg", "warning"].map((n) => [n, STRING]),
            ),
          },
        },
        spacing_base: COUNT,
        theme: { type: "enum", values: ["darkest", "dark", "light"] },
        font_family: STRING,
        google_font: STRING,
        logo: STRING,
      },
    },
    // Removed from the spec in June 2026, but sent by some clients (said to be required by the live API
    // before): accepted and kept, never required.
    config_diff: { type: "object", open: true, fields: {} },
  },
};

/** POST and PUT: every section required. */
export const PRESET_BODY: ObjectSchema = {
  type: "object",
  required: ["name", "config", "permissions", "ui"],
  fields: { name: { type: "string", nonEmpty: true }, config: CONFIG, permissions: PERMISSIONS, ui: UI },
};

/** Fills in what the server adds when the client leaves it out (the `serverAddedFields` setting). */
export function addServerFields(body: JsonObject): void {
  const media = (body.config as JsonObject).media as JsonObject;
  const video = media.video as JsonObject;
  if (video.simulcast === undefined) video.simulcast = false;
  if (media.audio === undefined) media.audio = { enable_high_bitrate: false, enable_stereo: false };
}

/** The sections of one of the four presets every app starts with. */
export function seededPresetBody(name: string): {
  name: string;
  config: JsonObject;
  permissions: JsonObject;
  ui: JsonObject;
} {
  const webinar = name.startsWith("webinar");
  const privileged = name === "group_call_host" || name === "webinar_presenter";
  const canProduce = privileged || !webinar ? "ALLOWED" : "NOT_ALLOWED";
  const config: JsonObject = {
    view_type: webinar ? "WEBINAR" : "GROUP_CALL",
    max_video_streams: { desktop: 9, mobile: 6 },
    max_screenshare_count: 1,
    media: {
      video: { quality: "hd", frame_rate: 30, simulcast: false },
      screenshare: { quality: "hd", frame_rate: 5 },
      audio: { enable_high_bitrate: false, enable_stereo: false },
    },
  };
  const permissions: JsonObject = {
    ...Object.fromEntries(TOP_LEVEL_FLAGS.map((flag) => [flag, privileged])),
    can_edit_display_name: true,
    hidden_participant: false,
    show_participant_list: true,
    recorder_type: "NONE",
    waiting_room_type: "SKIP",
    chat: {
      public: { can_send: true, text: true, files: true },
      private: { can_send: true, can_receive: true, text: true, files: true },
    },
    connected_meetings: {
      can_alter_connected_meetings: privileged,
      can_switch_connected_meetings: true,
      can_switch_to_parent_meeting: true,
    },
    media: {
      audio: { can_produce: canProduce },
      video: { can_produce: canProduce },
      screenshare: { can_produce: canProduce },
    },
    plugins: { can_close: privileged, can_edit_config: privileged, can_start: privileged, config: {} },
    polls: { can_create: privileged, can_view: true, can_vote: true },
  };
  const ui: JsonObject = {
    design_tokens: {
      border_radius: "rounded",
      border_width: "thin",
      spacing_base: 4,
      theme: "dark",
      colors: {
        background: { 600: "#222222", 700: "#1f1f1f", 800: "#1b1b1b", 900: "#181818", 1000: "#141414" },
        brand: { 300: "#844d1c", 400: "#9d5b22", 500: "#b56927", 600: "#d37c30", 700: "#d9904f" },
        danger: "#FF2D2D",
        success: "#62A504",
        text: "#EEEEEE",
        text_on_brand: "#EEEEEE",
        video_bg: "#191919",
        warning: "#FFCD07",
      },
    },
  };
  return { name, config, permissions, ui };
}
