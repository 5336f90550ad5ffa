/**
 * Preset endpoints: `/accounts/{account_id}/realtime/kit/{app_id}/presets`. The list answers slim rows;
 * the whole preset comes from get-by-id, create, update, replace and delete. Participants reference
 * presets by name.
 *
 * A preset that participants of the app still use is not deleted by default (409, setting `presetInUse`):
 * the real API's behaviour is unknown, and a deleted role under live participants is the worse outcome
 * (their next token edit or join has no preset), while a refusal makes a client delete the participants
 * first, the order a Pulumi program whose participants name the preset's output takes anyway.
 */
import { randomUUID } from "node:crypto";
import type { ApiContext } from "./context";
import {
  type ApiResponse,
  type Route,
  badRequest,
  isJsonObject,
  isResponse,
  ok,
  pageOf,
  parsePageRequest,
  serviceError,
} from "./http";
import { PRESET_BODY, addServerFields } from "./preset-schema";
import { now } from "./store";
import type { Json, JsonObject, PresetRecord } from "./types";
import { validateBody, withoutRequired } from "./validation";

const PRESETS = "/accounts/{account_id}/realtime/kit/{app_id}/presets";
const PRESET = `${PRESETS}/{preset_id}`;

const PATCH_BODY = withoutRequired(PRESET_BODY);

function presetRow(preset: PresetRecord): JsonObject {
  return { id: preset.id, name: preset.name, created_at: preset.created_at, updated_at: preset.updated_at };
}

function presetJson(preset: PresetRecord): Json {
  return { ...presetRow(preset), config: preset.config, permissions: preset.permissions, ui: preset.ui };
}

function findPreset(context: ApiContext, params: Record<string, string>): PresetRecord | ApiResponse {
  const preset = context.store.presets.get(params.preset_id);
  if (!preset || preset.app_id !== params.app_id) {
    return serviceError(404, `No preset found with id ${params.preset_id}`);
  }
  return preset;
}

/** 409 when `name` is taken by another preset of the app and the `duplicateNames` setting rejects that. */
function nameConflict(context: ApiContext, appId: string, name: string, self?: string): ApiResponse | null {
  if (context.settings.duplicateNames === "allow") return null;
  const other = context.store.presetByName(appId, name);
  return other && other.id !== self ? serviceError(409, `Preset with name ${name} already exists`) : null;
}

/**
 * Merges `patch` into `target` key by key at every depth; arrays, scalars and nulls replace. Own
 * properties only, written as data properties: plugin ids are free-form, and a `__proto__` key must neither
 * reach `Object.prototype` nor change a record's prototype.
 */
function mergeDeep(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isJsonObject(value) && isJsonObject(current)) mergeDeep(current, value);
    else Object.defineProperty(target, key, { value: structuredClone(value), ...DATA_PROPERTY });
  }
}

const DATA_PROPERTY = { enumerable: true, writable: true, configurable: true } as const;

function listPresets(context: ApiContext, params: Record<string, string>, query: URLSearchParams) {
  const page = parsePageRequest(query);
  if (isResponse(page)) return page;
  const search = query.get("search")?.toLowerCase();
  const presets = context.store
    .presetsOf(params.app_id)
    .filter((preset) => !search || preset.name.toLowerCase().includes(search));
  return pageOf(presets, page, presetRow);
}

function getPreset(context: ApiContext, params: Record<string, string>) {
  const preset = findPreset(context, params);
  return isResponse(preset) ? preset : ok(presetJson(preset));
}

/** POST and PUT: a whole, valid body, with the fields the server adds. */
function wholeBody(context: ApiContext, body: Json | undefined): JsonObject | ApiResponse {
  const problem = validateBody(body, PRESET_BODY);
  if (problem) return badRequest(problem);
  const whole = structuredClone(body) as JsonObject;
  if (context.settings.serverAddedFields) addServerFields(whole);
  return whole;
}

function createPreset(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const whole = wholeBody(context, body);
  if (isResponse(whole)) return whole;
  const conflict = nameConflict(context, params.app_id, String(whole.name));
  if (conflict) return conflict;
  const timestamp = now();
  const preset: PresetRecord = {
    id: randomUUID(),
    app_id: params.app_id,
    name: String(whole.name),
    created_at: timestamp,
    updated_at: timestamp,
    config: whole.config as JsonObject,
    permissions: whole.permissions as JsonObject,
    ui: whole.ui as JsonObject,
  };
  context.store.presets.set(preset.id, preset);
  return ok(presetJson(preset), 201);
}

function updatePreset(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const preset = findPreset(context, params);
  if (isResponse(preset)) return preset;
  const problem = validateBody(body, PATCH_BODY);
  if (problem) return badRequest(problem);
  const patch = (body ?? {}) as JsonObject;
  if (typeof patch.name === "string") {
    const conflict = nameConflict(context, params.app_id, patch.name, preset.id);
    if (conflict) return conflict;
    preset.name = patch.name;
  }
  for (const section of ["config", "permissions", "ui"] as const) {
    const changes = patch[section];
    if (isJsonObject(changes)) mergeDeep(preset[section], changes);
  }
  preset.updated_at = now();
  const answer = presetJson(preset) as JsonObject;
  if (context.settings.presetPatchAnswer === "without-id") delete answer.id;
  return ok(answer);
}

function replacePreset(context: ApiContext, params: Record<string, string>, body: Json | undefined) {
  const preset = findPreset(context, params);
  if (isResponse(preset)) return preset;
  const whole = wholeBody(context, body);
  if (isResponse(whole)) return whole;
  const conflict = nameConflict(context, params.app_id, String(whole.name), preset.id);
  if (conflict) return conflict;
  preset.name = String(whole.name);
  preset.config = whole.config as JsonObject;
  preset.permissions = whole.permissions as JsonObject;
  preset.ui = whole.ui as JsonObject;
  preset.updated_at = now();
  return ok(presetJson(preset));
}

function deletePreset(context: ApiContext, params: Record<string, string>) {
  const preset = findPreset(context, params);
  if (isResponse(preset)) return preset;
  const users = [...context.store.participants.values()].filter((p) => p.preset_id === preset.id).length;
  if (users > 0 && context.settings.presetInUse === "reject") {
    return serviceError(409, `Preset ${preset.name} is used by ${users} participant(s); remove them first`);
  }
  context.store.presets.delete(preset.id);
  return ok(presetJson(preset));
}

/** The preset routes. */
export const presetRoutes: Route<ApiContext>[] = [
  { method: "GET", template: PRESETS, handle: (r, c) => listPresets(c, r.params, r.query) },
  { method: "POST", template: PRESETS, handle: (r, c) => createPreset(c, r.params, r.body) },
  { method: "GET", template: PRESET, handle: (r, c) => getPreset(c, r.params) },
  { method: "PATCH", template: PRESET, handle: (r, c) => updatePreset(c, r.params, r.body) },
  { method: "PUT", template: PRESET, handle: (r, c) => replacePreset(c, r.params, r.body) },
  { method: "DELETE", template: PRESET, handle: (r, c) => deletePreset(c, r.params) },
];
