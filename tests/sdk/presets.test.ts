import { ConflictError, NotFoundError, ValidationError, isOutcomeUnknown } from "../../sdk/errors";
import { VIDEO_QUALITIES, VIEW_TYPES } from "../../sdk/preset-types";
import { presetInput } from "../helpers/presets";
import { caught, clientFor, scriptedTarget, startScriptedServer, useRecordingEmulator } from "./support";

const { emu, seen, forgetSeen } = useRecordingEmulator();
const SEEDED = ["group_call_host", "group_call_participant", "webinar_presenter", "webinar_viewer"];

function stored(presetId: string) {
  const preset = emu.control.snapshot().presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`preset ${presetId} is not stored`);
  return preset;
}

describe("client.presets reads", () => {
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
    expect(preset.config.media.video).toEqual({ quality: "hd", frameRate: 30, simulcast: false });
    expect(preset.ui.designTokens.colors.textOnBrand).toEqual(expect.any(String));
    expect(await caught(client.presets.get("00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("client.presets writes", () => {
  test("create sends snake_case at every depth and answers camelCase, with fields the server adds", async () => {
    const input = presetInput("attendee");
    const preset = await clientFor(emu).presets.create(input);

    expect(seen()).toEqual(["POST /presets -> 201"]);
    expect(preset).toMatchObject({ ...input, id: expect.any(String), createdAt: expect.any(String) });
    expect(preset.config.media.video.simulcast).toBe(false);
    expect(stored(preset.id)).toMatchObject({
      config: { max_video_streams: { desktop: 9, mobile: 4 }, media: { video: { frame_rate: 30 } } },
      permissions: { media: { screenshare: { can_produce: "CAN_REQUEST" } }, waiting_room_type: "SKIP" },
      ui: {
        design_tokens: {
          spacing_base: 4,
          colors: { text_on_brand: "#EEEEEE", background: { 1000: "#141414" } },
        },
      },
    });
  });

  test("plugin ids cross the wire as given, their settings in snake_case", async () => {
    const input = presetInput("plugged");
    input.permissions.plugins.config = {
      Whiteboard_Plugin: { accessControl: "VIEW_ONLY", handlesViewOnly: true },
    };

    const preset = await clientFor(emu).presets.create(input);

    expect(stored(preset.id).permissions).toMatchObject({
      plugins: { config: { Whiteboard_Plugin: { access_control: "VIEW_ONLY", handles_view_only: true } } },
    });
    expect(preset.permissions.plugins.config).toEqual(input.permissions.plugins.config);
  });

  test("a name already used is a ConflictError; an unknown enum value a ValidationError naming the field", async () => {
    const client = clientFor(emu);
    const bad = presetInput("bad");
    Object.assign(bad.config, { viewType: "PARTY" });

    const conflict = await caught(client.presets.create(presetInput("group_call_host")));
    const invalid = await caught(client.presets.create(bad));

    expect(conflict).toBeInstanceOf(ConflictError);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.message).toContain('"config.view_type" must be one of');
  });

  test("update PATCHes only the given fields and returns the whole preset", async () => {
    const client = clientFor(emu);
    const created = await client.presets.create(presetInput("speaker"));
    forgetSeen();

    const updated = await client.presets.update(created.id, {
      permissions: { canRecord: true, media: { video: { canProduce: "NOT_ALLOWED" } } },
    });

    expect(seen()).toEqual([`PATCH /presets/${created.id} -> 200`]);
    expect(updated.permissions).toEqual({
      ...created.permissions,
      canRecord: true,
      media: { ...created.permissions.media, video: { canProduce: "NOT_ALLOWED" } },
    });
    expect(updated.config).toEqual(created.config);
  });

  test("replace PUTs the whole preset; delete answers it and a second delete is a NotFoundError", async () => {
    const client = clientFor(emu);
    const created = await client.presets.create(presetInput("temp"));
    const input = presetInput("temp-renamed");
    input.config.viewType = "WEBINAR";

    const replaced = await client.presets.replace(created.id, input);
    const deleted = await client.presets.delete(created.id);

    expect(replaced).toMatchObject({ id: created.id, name: "temp-renamed", config: { viewType: "WEBINAR" } });
    expect(deleted).toEqual(replaced);
    expect(await caught(client.presets.delete(created.id))).toBeInstanceOf(NotFoundError);
  });

  test("with the emulator's presetPatchAnswer without-id, update reads the preset again", async () => {
    emu.control.setSettings({ presetPatchAnswer: "without-id" });
    const client = clientFor(emu);
    const created = await client.presets.create(presetInput("reread"));
    forgetSeen();

    const updated = await client.presets.update(created.id, { config: { maxScreenshareCount: 2 } });

    expect(seen()).toEqual([`PATCH /presets/${created.id} -> 200`, `GET /presets/${created.id} -> 200`]);
    expect(updated).toMatchObject({ id: created.id, config: { maxScreenshareCount: 2 } });
  });

  test("an update answer without the id (as reported of the live API) is followed by a get", async () => {
    const whole = {
      id: "p1",
      name: "n",
      config: {},
      permissions: {},
      ui: {},
      created_at: "t",
      updated_at: "t",
    };
    const server = await startScriptedServer((request) =>
      request.method === "PATCH"
        ? { status: 200, body: { success: true, data: { name: "n", config: {} } } }
        : { status: 200, body: { success: true, data: whole } },
    );
    try {
      const preset = await clientFor(scriptedTarget(server)).presets.update("p1", { name: "n" });

      expect(server.requests.map((r) => r.method)).toEqual(["PATCH", "GET"]);
      expect(JSON.parse(server.requests[0].body)).toEqual({ name: "n" });
      expect(preset).toMatchObject({ id: "p1", createdAt: "t" });
    } finally {
      await server.close();
    }
  });

  test("a create that may have been processed is not sent again: outcomeUnknown, and the preset exists", async () => {
    emu.control.injectFault({ method: "POST", path: "/presets", kind: "persist-then-500" });

    const error = await caught(clientFor(emu).presets.create(presetInput("maybe")));

    expect(isOutcomeUnknown(error)).toBe(true);
    expect(seen()).toEqual(["POST /presets -> 500"]);
    expect(emu.control.snapshot().presets.filter((p) => p.name === "maybe")).toHaveLength(1);
  });

  test("update (PATCH) is retried after a 5xx, like every idempotent call", async () => {
    const client = clientFor(emu);
    const created = await client.presets.create(presetInput("retried"));
    emu.control.injectFault({ method: "PATCH", path: "/**/presets/*", kind: "status", status: 503 });
    forgetSeen();

    await client.presets.update(created.id, { name: "retried-2" });

    expect(seen()).toEqual([`PATCH /presets/${created.id} -> 503`, `PATCH /presets/${created.id} -> 200`]);
  });

  test("enum value lists are exported as data", () => {
    expect(VIDEO_QUALITIES).toEqual(["hd", "vga", "qvga", "fhd", "uhd"]);
    expect(VIEW_TYPES).toContain("LIVESTREAM");
  });
});
