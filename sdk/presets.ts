/**
 * Presets: `/presets`, read-only here. Participants refer to presets by name; the list answers slim rows
 * (id, name, dates) and `get` the whole preset.
 */
import type { RealtimeKitClient } from "./client";
import { collectPages } from "./paging";
import { toPaging, toPreset, toWireQuery, type Page, type Preset, type PresetListOptions } from "./types";

/** The presets endpoint group; reach it as `client.presets`. */
export class Presets {
  constructor(private readonly client: RealtimeKitClient) {}

  /** One page of the app's presets (`pageNo` is 1-based), as slim rows. */
  async list(options: PresetListOptions = {}): Promise<Page<Preset>> {
    const { data, paging } = await this.client.requestPage<Record<string, unknown>>({
      method: "GET",
      path: ["presets"],
      query: toWireQuery(options),
    });
    return { items: data.map(toPreset), paging: toPaging(paging) };
  }

  /** Every preset of the app (slim rows), all pages, each once. */
  async listAll(options: Omit<PresetListOptions, "pageNo"> = {}): Promise<Preset[]> {
    return collectPages(
      (pageNo, perPage) => this.list({ ...options, pageNo, perPage }),
      ["presets"],
      options.perPage,
    );
  }

  /** One whole preset by id (not by name). Throws `NotFoundError` when it does not exist. */
  async get(presetId: string): Promise<Preset> {
    const { data } = await this.client.request<Record<string, unknown>>({
      method: "GET",
      path: ["presets", presetId],
    });
    return toPreset(data);
  }
}
