/**
 * The App resource's inputs and outputs. The API can create and list apps but has no update and no
 * delete: an App is created, or the existing app of the same name is adopted; it cannot be renamed, and
 * destroying it only removes it from the stack (the app stays in RealtimeKit).
 */
import { Type } from "@sinclair/typebox";
import { MAX_TEXT_LENGTH, accountId } from "./common";
import { NO_CONTROL_CODES } from "./keywords";

const name = Type.String({
  description:
    "The app's name. An existing app of this name is adopted. Apps cannot be renamed: a change fails " +
    "before any call (declare a new App, and `pulumi state delete` the old one).",
  minLength: 1,
  maxLength: MAX_TEXT_LENGTH,
  pattern: NO_CONTROL_CODES,
  "x-normalize": "trim",
  "x-limitSource": "guess: the API documents no limit",
});

export const appInputs = Type.Object(
  {
    name,
    accountId: Type.Optional(
      accountId("Cloudflare account id (default from config). Changing it replaces the app in the stack."),
    ),
  },
  { additionalProperties: false },
);

export const appOutputs = Type.Object(
  {
    appId: Type.String({
      description:
        "The app's id: pass it as `appId` to Meetings, Participants, Rosters, Presets and Webhooks.",
      "x-stable": true,
    }),
    createdAt: Type.String({ description: "When the app was created (ISO 8601).", "x-stable": true }),
    name,
    accountId: Type.String({ description: "The account the app lives in.", "x-stable": true }),
  },
  { additionalProperties: false },
);
