import { callApi, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

type Row = Record<string, unknown> & { id: string; name: string };

describe("presets", () => {
  test("the seeded app has the four default presets, listed as slim rows", async () => {
    const result = await callApi(emu, "GET", "/presets");

    expect(result.status).toBe(200);
    const rows = result.body.data as Row[];
    expect(rows.map((row) => row.name)).toEqual([
      "group_call_host",
      "group_call_participant",
      "webinar_presenter",
      "webinar_viewer",
    ]);
    expect(Object.keys(rows[0]).sort()).toEqual(["created_at", "id", "name", "updated_at"]);
  });

  test("search filters presets by name", async () => {
    const result = await callApi(emu, "GET", "/presets?search=webinar");

    expect((result.body.data as Row[]).map((row) => row.name)).toEqual([
      "webinar_presenter",
      "webinar_viewer",
    ]);
    expect(result.body.paging).toEqual({ total_count: 2, start_offset: 1, end_offset: 2 });
  });

  test("get by id answers the full preset", async () => {
    const [row] = (await callApi(emu, "GET", "/presets?search=group_call_host")).body.data as Row[];

    const result = await callApi(emu, "GET", `/presets/${row.id}`);

    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({
      id: row.id,
      name: "group_call_host",
      config: { view_type: "GROUP_CALL" },
      permissions: { kick_participant: true },
      ui: { design_tokens: { theme: "dark" } },
    });
  });

  test("get of an unknown preset answers 404", async () => {
    const result = await callApi(emu, "GET", "/presets/00000000-0000-0000-0000-000000000000");

    expect(result.status).toBe(404);
    expect(result.body.error).toEqual({
      code: 404,
      message: "No preset found with id 00000000-0000-0000-0000-000000000000",
    });
  });
});

describe("apps", () => {
  const apps = () => `/accounts/${emu.accountId}/realtime/kit/apps`;

  test("the list holds the seeded app", async () => {
    const result = await callApi(emu, "GET", apps());

    expect(result.status).toBe(200);
    expect(result.body.data).toEqual([
      { id: emu.appId, name: expect.any(String), created_at: expect.any(String) },
    ]);
  });

  test("create answers 200 with data.app, and the new app serves meetings and default presets", async () => {
    const result = await callApi(emu, "POST", apps(), { name: "second" });

    expect(result.status).toBe(200);
    const app = (result.body.data as { app: Row }).app;
    expect(app).toEqual({ id: expect.any(String), name: "second", created_at: expect.any(String) });
    const target = {
      ...emu,
      baseUrl: emu.baseUrl,
      accountId: emu.accountId,
      apiToken: emu.apiToken,
      appId: app.id,
    };
    expect((await callApi(target, "POST", "/meetings", {})).status).toBe(201);
    expect((await callApi(target, "GET", "/presets")).body.paging).toMatchObject({ total_count: 4 });
    const list = await callApi(emu, "GET", `${apps()}?search=SEC`);
    expect((list.body.data as Row[]).map((row) => row.id)).toEqual([app.id]);
  });

  test("list can be sorted newest first", async () => {
    await callApi(emu, "POST", apps(), { name: "newer" });

    const result = await callApi(emu, "GET", `${apps()}?sort_order=DESC`);

    expect((result.body.data as Row[]).map((row) => row.name)[0]).toBe("newer");
  });

  test("create requires a name", async () => {
    const result = await callApi(emu, "POST", apps(), {});

    expect(result.status).toBe(400);
    expect(result.body.error).toEqual({ code: 400, message: '"name" is required' });
  });

  test("a reset removes created apps", async () => {
    await callApi(emu, "POST", apps(), { name: "temporary" });

    emu.control.reset();

    expect(emu.control.snapshot().apps.map((app) => app.id)).toEqual([emu.appId]);
    expect(emu.control.snapshot().presets).toHaveLength(4);
  });
});
