import { NotFoundError } from "../../sdk/errors";
import { useEmulator } from "../helpers/emulator";
import { caught, clientFor } from "./support";

const emu = useEmulator();
const SEEDED = ["group_call_host", "group_call_participant", "webinar_presenter", "webinar_viewer"];

describe("client.presets", () => {
  test("list returns the app's presets as slim camelCase rows", async () => {
    const page = await clientFor(emu).presets.list();
    expect(page.items.map((p) => p.name)).toEqual(SEEDED);
    expect(page.items[0]).toEqual({
      id: expect.any(String),
      name: "group_call_host",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(page.paging).toEqual({ totalCount: 4, startOffset: 1, endOffset: 4 });
  });

  test("list searches by name, and listAll reads every page", async () => {
    const client = clientFor(emu);
    expect((await client.presets.list({ search: "webinar" })).items.map((p) => p.name)).toEqual([
      "webinar_presenter",
      "webinar_viewer",
    ]);
    expect((await client.presets.listAll({ perPage: 1 })).map((p) => p.name)).toEqual(SEEDED);
    expect(emu.control.counters().byMethod.GET).toBe(5);
  });

  test("get returns the whole preset with camelCase keys; an unknown id is a NotFoundError", async () => {
    const client = clientFor(emu);
    const [host] = (await client.presets.list()).items;
    const preset = await client.presets.get(host.id);
    expect(preset).toMatchObject({ id: host.id, name: "group_call_host" });
    expect(preset.config).toEqual(expect.any(Object));
    expect(Object.keys(preset.config ?? {}).every((key) => !key.includes("_"))).toBe(true);
    expect(await caught(client.presets.get("00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
