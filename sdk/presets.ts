/**
 * Presets: `/presets`. A preset is a role: what a participant may do and how the meeting looks to them.
 * Participants refer to presets by name; the list answers slim rows (id, name, dates) and `get` the whole
 * preset. Bodies are nested: keys are camelCase here and snake_case on the wire, at every depth.
 */
import type { RealtimeKitClient } from "./client";
import { collectPages } from "./paging";
import {
  isWholePreset,
  toPreset,
  toPresetSummary,
  toWirePreset,
  type Preset,
  type PresetInput,
  type PresetListOptions,
  type PresetPatch,
  type PresetSummary,
} from "./preset-types";
import { toPaging, toWireQuery, type Page } from "./types";

type WirePreset = Record<string, unknown>;

/** The presets endpoint group; reach it as `client.presets`. */
export class Presets {
  constructor(private readonly client: RealtimeKitClient) {}

  /**
   * Creates a preset; `config`, `permissions` and `ui` are required whole. Not idempotent: after an error
   * whose `outcomeUnknown` is true, look the name up before creating again. A name already used in the app
   * is expected to answer 409 (`ConflictError`).
   */
  async create(input: PresetInput): Promise<Preset> {
    const { data } = await this.client.request<WirePreset>({
      method: "POST",
      path: ["presets"],
      body: toWirePreset(input),
    });
    return toPreset(data);
  }

  /** One whole preset by id (not by name). Throws `NotFoundError` when it does not exist. */
  async get(presetId: string): Promise<Preset> {
    const { data } = await this.client.request<WirePreset>({ method: "GET", path: ["presets", presetId] });
    return toPreset(data);
  }

  /** One page of the app's presets (`pageNo` is 1-based), as slim rows. */
  async list(options: PresetListOptions = {}): Promise<Page<PresetSummary>> {
    const { data, paging } = await this.client.requestPage<WirePreset>({
      method: "GET",
      path: ["presets"],
      query: toWireQuery(options),
    });
    return { items: data.map(toPresetSummary), paging: toPaging(paging) };
  }

  /** Every preset of the app (slim rows), all pages, each once. */
  async listAll(options: Omit<PresetListOptions, "pageNo"> = {}): Promise<PresetSummary[]> {
    return collectPages(
      (pageNo, perPage) => this.list({ ...options, pageNo, perPage }),
      ["presets"],
      options.perPage,
    );
  }

  /**
   * Changes only the given fields (PATCH), at any depth; the server keeps the rest. Returns the whole
   * preset: when the answer is not whole (one was reported without its id), the preset is read again.
   */
  async update(presetId: string, patch: PresetPatch): Promise<Preset> {
    const { data } = await this.client.request<WirePreset>({
      method: "PATCH",
      path: ["presets", presetId],
      body: toWirePreset(patch),
    });
    return isWholePreset(data) ? toPreset(data) : this.get(presetId);
  }

  /** Replaces the whole preset (PUT); every section is required, as for create. */
  async replace(presetId: string, input: PresetInput): Promise<Preset> {
    const { data } = await this.client.request<WirePreset>({
      method: "PUT",
      path: ["presets", presetId],
      body: toWirePreset(input),
    });
    return isWholePreset(data) ? toPreset(data) : this.get(presetId);
  }

  /**
   * Deletes the preset and returns it as it was. Throws `NotFoundError` if already gone, and
   * `ConflictError` when the API refuses because participants still use it.
   */
  async delete(presetId: string): Promise<Preset> {
    const { data } = await this.client.request<WirePreset>({ method: "DELETE", path: ["presets", presetId] });
    return toPreset(data);
  }
}
