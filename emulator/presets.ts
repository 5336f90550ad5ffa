/**
 * Preset endpoints (read only): `/accounts/{account_id}/realtime/kit/{app_id}/presets`. The list answers
 * slim rows; the full preset comes from get-by-id. Participants reference presets by name.
 */
import type { ApiContext } from "./context";
import { type Route, isResponse, ok, pageOf, parsePageRequest, serviceError } from "./http";
import type { Json, JsonObject, PresetRecord } from "./types";

const PRESETS = "/accounts/{account_id}/realtime/kit/{app_id}/presets";

function presetRow(preset: PresetRecord): JsonObject {
  return { id: preset.id, name: preset.name, created_at: preset.created_at, updated_at: preset.updated_at };
}

function presetJson(preset: PresetRecord): Json {
  return {
    ...presetRow(preset),
    config: preset.config,
    permissions: preset.permissions,
    ui: preset.ui,
  };
}

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
  const preset = context.store.presets.get(params.preset_id);
  if (!preset || preset.app_id !== params.app_id) {
    return serviceError(404, `No preset found with id ${params.preset_id}`);
  }
  return ok(presetJson(preset));
}

/** The preset routes. */
export const presetRoutes: Route<ApiContext>[] = [
  { method: "GET", template: PRESETS, handle: (r, c) => listPresets(c, r.params, r.query) },
  { method: "GET", template: `${PRESETS}/{preset_id}`, handle: (r, c) => getPreset(c, r.params) },
];
