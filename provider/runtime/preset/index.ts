/**
 * The Preset provider: the shared named-resource runtime (../named) over the presets API. A preset is found
 * by name through the list's search (slim rows), then read whole.
 */
import type { Preset, PresetInput } from "../../../sdk/preset-types";
import { presetDescription } from "../inputs";
import { presetBodySchema } from "../inputs/preset";
import { namedRuntime } from "../named";

export const presetRuntime = namedRuntime<Preset>({
  noun: "preset",
  description: presetDescription,
  body: presetBodySchema,
  idOutput: "presetId",
  api: (client) => ({
    async findByName(name) {
      const rows = await client.presets.listAll({ search: name });
      const row = rows.find((candidate) => candidate.name === name);
      return row === undefined ? undefined : client.presets.get(row.id);
    },
    // The body carries every section: the described defaults fill in what the program left out.
    create: (body) => client.presets.create(body as unknown as PresetInput),
    get: (id) => client.presets.get(id),
    update: (id, patch) => client.presets.update(id, patch),
    delete: (id) => client.presets.delete(id),
  }),
});
