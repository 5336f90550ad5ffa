/**
 * The emulator's settings: where the real API is undocumented or reported differently by different people,
 * the emulator picks one behaviour by default and lets a test pick the other, so clients are proven against
 * both. One table says which values each setting takes; start options, `setSettings` and the HTTP control
 * surface all check through it.
 */
import type { EmulatorOptions, EmulatorSettings } from "./types";

/** Every setting with its value in force. */
export type ActiveSettings = Required<EmulatorSettings>;

/** The defaults, each the behaviour believed (or reported) to be the real API's. */
export const DEFAULT_SETTINGS: ActiveSettings = {
  tokenTtlSeconds: 86400,
  tokenIssuedSecondsAgo: 0,
  duplicateCustomParticipantId: "allow",
  duplicateNames: "reject",
  emptyWebhookList: "not-found",
  webhookPutAnswer: "partial",
  presetPatchAnswer: "whole",
  serverAddedFields: true,
  presetInUse: "reject",
  storageCredentialsOnRead: "omit",
};

type Check = (value: unknown) => boolean;

const oneOf =
  (...values: string[]): Check =>
  (value) =>
    typeof value === "string" && values.includes(value);

/** Each setting's check, and what the error says is expected. */
const CHECKS: { [K in keyof ActiveSettings]: [Check, string] } = {
  tokenTtlSeconds: [(v) => Number.isInteger(v) && (v as number) > 0, "a positive integer"],
  tokenIssuedSecondsAgo: [(v) => Number.isInteger(v) && (v as number) >= 0, "a non-negative integer"],
  duplicateCustomParticipantId: [oneOf("allow", "reject"), "allow or reject"],
  duplicateNames: [oneOf("allow", "reject"), "allow or reject"],
  emptyWebhookList: [oneOf("not-found", "empty"), "not-found or empty"],
  webhookPutAnswer: [oneOf("partial", "whole"), "partial or whole"],
  presetPatchAnswer: [oneOf("whole", "without-id"), "whole or without-id"],
  serverAddedFields: [(v) => typeof v === "boolean", "true or false"],
  presetInUse: [oneOf("allow", "reject"), "allow or reject"],
  storageCredentialsOnRead: [oneOf("omit", "answer"), "omit or answer"],
};

function isSettingName(name: string): name is keyof ActiveSettings {
  return Object.hasOwn(CHECKS, name);
}

/**
 * Checks `changes` (from code or a control request body) and returns them typed; throws an Error naming
 * the first unknown setting or bad value.
 */
export function checkSettings(changes: Record<string, unknown>): EmulatorSettings {
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (!isSettingName(name)) {
      throw new Error(`unknown setting ${name} (known: ${Object.keys(CHECKS).join(", ")})`);
    }
    const [check, expected] = CHECKS[name];
    if (!check(value)) throw new Error(`${name} must be ${expected}`);
  }
  return changes as EmulatorSettings;
}

/** Applies checked changes to the settings in force; absent (or undefined) ones stay as they are. */
export function applySettings(target: ActiveSettings, changes: EmulatorSettings): void {
  checkSettings(changes as Record<string, unknown>);
  for (const name of Object.keys(CHECKS) as (keyof ActiveSettings)[]) {
    if (changes[name] !== undefined) Object.assign(target, { [name]: changes[name] });
  }
}

/** The settings an emulator starts with (and returns to on reset): the defaults, then the start options. */
export function initialSettings(options: EmulatorOptions): ActiveSettings {
  const settings = { ...DEFAULT_SETTINGS };
  applySettings(settings, { ...options.settings });
  applySettings(settings, {
    tokenTtlSeconds: options.tokenTtlSeconds,
    duplicateCustomParticipantId: options.duplicateCustomParticipantId,
  });
  return settings;
}
