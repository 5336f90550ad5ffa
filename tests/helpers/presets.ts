/**
 * A whole preset in the sdk's camelCase form (every required field of the official SDK types), for tests
 * that create presets through the sdk or the provider. Plain data, typed against the sdk so a field the
 * API adds or renames shows up as a type error here.
 */
import type { PresetInput } from "../../sdk/preset-types";

/** A working attendee-like preset called `name`; change fields on the copy a test gets. */
export function presetInput(name: string): PresetInput {
  const flags = (value: boolean) => ({
    acceptWaitingRequests: value,
    canAcceptProductionRequests: value,
    canChangeParticipantPermissions: value,
    canEditDisplayName: true,
    canLivestream: value,
    canRecord: value,
    canSpotlight: value,
    disableParticipantAudio: value,
    disableParticipantScreensharing: value,
    disableParticipantVideo: value,
    hiddenParticipant: false,
    kickParticipant: value,
    pinParticipant: value,
    showParticipantList: true,
  });
  return {
    name,
    config: {
      maxScreenshareCount: 1,
      maxVideoStreams: { desktop: 9, mobile: 4 },
      media: {
        screenshare: { frameRate: 5, quality: "hd" },
        video: { frameRate: 30, quality: "hd" },
      },
      viewType: "GROUP_CALL",
    },
    permissions: {
      ...flags(false),
      chat: {
        private: { canReceive: true, canSend: true, files: true, text: true },
        public: { canSend: true, files: true, text: true },
      },
      connectedMeetings: {
        canAlterConnectedMeetings: false,
        canSwitchConnectedMeetings: true,
        canSwitchToParentMeeting: true,
      },
      media: {
        audio: { canProduce: "ALLOWED" },
        video: { canProduce: "ALLOWED" },
        screenshare: { canProduce: "CAN_REQUEST" },
      },
      plugins: { canClose: false, canEditConfig: false, canStart: false, config: {} },
      polls: { canCreate: false, canView: true, canVote: true },
      recorderType: "NONE",
      waitingRoomType: "SKIP",
    },
    ui: {
      designTokens: {
        borderRadius: "rounded",
        borderWidth: "thin",
        spacingBase: 4,
        theme: "dark",
        colors: {
          background: {
            "600": "#222222",
            "700": "#1f1f1f",
            "800": "#1b1b1b",
            "900": "#181818",
            "1000": "#141414",
          },
          brand: { "300": "#844d1c", "400": "#9d5b22", "500": "#b56927", "600": "#d37c30", "700": "#d9904f" },
          danger: "#FF2D2D",
          success: "#62A504",
          text: "#EEEEEE",
          textOnBrand: "#EEEEEE",
          videoBg: "#191919",
          warning: "#FFCD07",
        },
      },
    },
  };
}
