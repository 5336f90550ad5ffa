/**
 * Preset writes on the wire: create, update (deep PATCH), replace (PUT) and delete, the API's validation
 * (unknown enum values, unknown keys, missing sections, each answered 400 naming the field), and the
 * settings for behaviours the live API is reported to have (duplicate names, server-added fields, a
 * preset in use).
 */
import { addParticipant, callApi, createMeeting, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

type Body = Record<string, unknown>;
type Preset = Body & { id: string; name: string; config: Body; permissions: Body; ui: Body };

/** A whole wire body, copied from the seeded `group_call_host` under another name. */
async function wholeBody(name: string): Promise<{ name: string; config: Body; permissions: Body; ui: Body }> {
  const [row] = (await callApi(emu, "GET", "/presets?search=group_call_host")).body.data as Preset[];
  const seeded = (await callApi(emu, "GET", `/presets/${row.id}`)).body.data as Preset;
  return { name, config: seeded.config, permissions: seeded.permissions, ui: seeded.ui };
}

async function create(name: string): Promise<Preset> {
  const result = await callApi(emu, "POST", "/presets", await wholeBody(name));
  expect(result.status).toBe(201);
  return result.body.data as Preset;
}

/** Sets `value` at the dotted `path` of a deep copy of `body` (`undefined` deletes the key). */
function withField(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Body, copy);
  const last = keys[keys.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

function errorMessage(result: { body: Body }): string {
  return (result.body.error as { message: string }).message;
}

describe("preset create", () => {
  test("answers 201 with the whole preset, which get, list and search then show", async () => {
    const created = await create("moderator");

    expect(created).toMatchObject({
      id: expect.any(String),
      name: "moderator",
      created_at: expect.any(String),
    });
    expect((await callApi(emu, "GET", `/presets/${created.id}`)).body.data).toEqual(created);
    const listed = await callApi(emu, "GET", "/presets?search=moder");
    expect(listed.body.data).toEqual([
      { id: created.id, name: "moderator", created_at: created.created_at, updated_at: created.updated_at },
    ]);
  });

  test.each([
    ["config", undefined, '"config" is required'],
    ["permissions", undefined, '"permissions" is required'],
    ["ui", undefined, '"ui" is required'],
    ["name", "", '"name" is not allowed to be empty'],
    [
      "config.view_type",
      "MEGA",
      '"config.view_type" must be one of [GROUP_CALL, WEBINAR, AUDIO_ROOM, LIVESTREAM]',
    ],
    [
      "config.media.video.quality",
      "8k",
      '"config.media.video.quality" must be one of [hd, vga, qvga, fhd, uhd]',
    ],
    ["config.media.video", undefined, '"config.media.video" is required'],
    ["permissions.media.video.can_produce", "YES", '"permissions.media.video.can_produce" must be one of'],
    ["permissions.waiting_room_type", "NEVER", '"permissions.waiting_room_type" must be one of'],
    ["permissions.can_record", "yes", '"permissions.can_record" must be a boolean'],
    ["permissions.chat.public.emoji", true, '"permissions.chat.public.emoji" is not allowed'],
    [
      "permissions.plugins.config",
      { p1: { access_control: "ALL" } },
      '"permissions.plugins.config.p1.access_control"',
    ],
    ["ui.design_tokens.theme", "neon", '"ui.design_tokens.theme" must be one of [darkest, dark, light]'],
    ["ui.design_tokens.colors.brand.500", undefined, '"ui.design_tokens.colors.brand.500" is required'],
    ["colour", "red", '"colour" is not allowed'],
  ])("%s = %j answers 400 naming the field", async (path, value, message) => {
    const result = await callApi(emu, "POST", "/presets", withField(await wholeBody("bad"), path, value));

    expect(result.status).toBe(400);
    expect(errorMessage(result)).toContain(message);
    expect(emu.control.snapshot().presets.map((preset) => preset.name)).not.toContain("bad");
  });

  test("plugin configs keep keys beyond the known ones, and plugin ids as given", async () => {
    const plugins = { Whiteboard_ID: { access_control: "VIEW_ONLY", custom_thing: 3 } };
    const body = withField(await wholeBody("plugged"), "permissions.plugins.config", plugins);

    const result = await callApi(emu, "POST", "/presets", body);

    expect(result.status).toBe(201);
    expect((result.body.data as Preset).permissions).toMatchObject({ plugins: { config: plugins } });
  });

  test("the server adds simulcast and audio when left out; the serverAddedFields setting turns that off", async () => {
    let body = withField(await wholeBody("lean"), "config.media.video", { quality: "vga", frame_rate: 15 });
    body = withField(body, "config.media.audio", undefined);

    const added = (await callApi(emu, "POST", "/presets", body)).body.data as Preset;
    emu.control.setSettings({ serverAddedFields: false });
    const asSent = (await callApi(emu, "POST", "/presets", { ...body, name: "leaner" })).body.data as Preset;

    expect(added.config.media).toEqual({
      video: { quality: "vga", frame_rate: 15, simulcast: false },
      screenshare: expect.any(Object),
      audio: { enable_high_bitrate: false, enable_stereo: false },
    });
    expect(asSent.config.media).toEqual({
      video: { quality: "vga", frame_rate: 15 },
      screenshare: expect.any(Object),
    });
  });

  test("a name already used answers 409; with duplicateNames allow a second one is created", async () => {
    await create("host");

    const conflict = await callApi(emu, "POST", "/presets", await wholeBody("host"));
    emu.control.setSettings({ duplicateNames: "allow" });
    const second = await callApi(emu, "POST", "/presets", await wholeBody("host"));

    expect(conflict.status).toBe(409);
    expect(errorMessage(conflict)).toBe("Preset with name host already exists");
    expect(second.status).toBe(201);
  });
});

describe("preset update (PATCH)", () => {
  test("merges at every depth and leaves the rest as it was", async () => {
    const preset = await create("attendee");

    const result = await callApi(emu, "PATCH", `/presets/${preset.id}`, {
      permissions: { can_record: false, media: { video: { can_produce: "CAN_REQUEST" } } },
      ui: { design_tokens: { colors: { brand: { 500: "#123456" } } } },
    });

    expect(result.status).toBe(200);
    const updated = result.body.data as Preset;
    expect(updated.permissions).toEqual({
      ...preset.permissions,
      can_record: false,
      media: { ...(preset.permissions.media as Body), video: { can_produce: "CAN_REQUEST" } },
    });
    expect(updated.config).toEqual(preset.config);
    expect(updated).toMatchObject({
      ui: { design_tokens: { colors: { brand: { 300: "#844d1c", 500: "#123456" } } } },
    });
  });

  test("answers without the id when presetPatchAnswer is without-id", async () => {
    const preset = await create("idless");
    emu.control.setSettings({ presetPatchAnswer: "without-id" });

    const result = await callApi(emu, "PATCH", `/presets/${preset.id}`, { name: "idless-2" });

    expect(result.body.data).not.toHaveProperty("id");
    expect(result.body.data).toMatchObject({ name: "idless-2", config: preset.config });
  });

  test("renames, unless another preset has the name (409)", async () => {
    const preset = await create("old");
    await create("taken");

    const renamed = await callApi(emu, "PATCH", `/presets/${preset.id}`, { name: "new" });
    const conflict = await callApi(emu, "PATCH", `/presets/${preset.id}`, { name: "taken" });
    const same = await callApi(emu, "PATCH", `/presets/${preset.id}`, { name: "new" });

    expect(renamed.body.data).toMatchObject({ id: preset.id, name: "new" });
    expect(conflict.status).toBe(409);
    expect(same.status).toBe(200);
  });

  test("a __proto__ plugin id is kept as data and pollutes no prototype", async () => {
    const preset = await create("hostile");
    const raw = '{"permissions":{"plugins":{"config":{"__proto__":{"polluted":true}}}}}';

    const result = await fetch(`${emu.appUrl}/presets/${preset.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${emu.apiToken}`, "content-type": "application/json" },
      body: raw,
    });
    const text = await result.text();

    expect(result.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(text).toContain('"config":{"__proto__":{"polluted":true}}');
  });

  test("checks enums and keys as create does, and an unknown preset is 404", async () => {
    const preset = await create("checked");

    const badEnum = await callApi(emu, "PATCH", `/presets/${preset.id}`, { config: { view_type: "PARTY" } });
    const badKey = await callApi(emu, "PATCH", `/presets/${preset.id}`, { permissions: { can_fly: true } });
    const unknown = await callApi(emu, "PATCH", "/presets/00000000-0000-4000-8000-000000000000", {});

    expect([badEnum.status, errorMessage(badEnum)]).toEqual([
      400,
      expect.stringContaining('"config.view_type"'),
    ]);
    expect([badKey.status, errorMessage(badKey)]).toEqual([400, '"permissions.can_fly" is not allowed']);
    expect(unknown.status).toBe(404);
    expect((await callApi(emu, "GET", `/presets/${preset.id}`)).body.data).toEqual(preset);
  });
});

describe("preset replace (PUT) and delete", () => {
  test("PUT needs the whole body and replaces every section", async () => {
    const preset = await create("whole");
    const body = withField(await wholeBody("whole"), "config.view_type", "WEBINAR");

    const partial = await callApi(emu, "PUT", `/presets/${preset.id}`, { name: "whole" });
    const replaced = await callApi(emu, "PUT", `/presets/${preset.id}`, body);

    expect([partial.status, errorMessage(partial)]).toEqual([400, '"config" is required']);
    expect(replaced.body.data).toMatchObject({ id: preset.id, config: { view_type: "WEBINAR" } });
  });

  test("DELETE answers the deleted preset; a second DELETE is 404", async () => {
    const preset = await create("gone");

    const deleted = await callApi(emu, "DELETE", `/presets/${preset.id}`);
    const again = await callApi(emu, "DELETE", `/presets/${preset.id}`);

    expect(deleted.body.data).toEqual(preset);
    expect(again.status).toBe(404);
  });

  test("a preset a participant uses is not deleted (409) unless presetInUse is allow", async () => {
    const preset = await create("speaker");
    const meetingId = await createMeeting(emu);
    await addParticipant(emu, meetingId, { custom_participant_id: "ann", preset_name: "speaker" });

    const refused = await callApi(emu, "DELETE", `/presets/${preset.id}`);
    emu.control.setSettings({ presetInUse: "allow" });
    const allowed = await callApi(emu, "DELETE", `/presets/${preset.id}`);

    expect(refused.status).toBe(409);
    expect(errorMessage(refused)).toBe("Preset speaker is used by 1 participant(s); remove them first");
    expect(allowed.status).toBe(200);
    const [participant] = (await callApi(emu, "GET", `/meetings/${meetingId}/participants`)).body
      .data as Body[];
    expect(participant.preset_name).toBe("");
  });
});
