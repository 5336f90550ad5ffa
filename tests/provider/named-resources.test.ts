/**
 * Preset, Webhook and App runtimes against the emulator, called as the engine calls them: check and diff
 * (pure), the defaults that make a working preset, create with adoption by name, one PATCH per update,
 * drift judged on what was declared, delete tolerating 404, and the App's rename refusal and delete warning.
 */
import { RealtimeKitClient } from "../../sdk";
import { setWarningSink } from "../../provider/runtime/diagnostics";
import { providers } from "../../provider/runtime";
import type { RuntimeProvider } from "../../provider/runtime";
import { useEmulator } from "../helpers/emulator";
import { useRuntimeAgainst } from "../helpers/runtime";

const emulator = useEmulator();
useRuntimeAgainst(emulator);

const kind = (name: "preset" | "webhook" | "app"): RuntimeProvider => {
  const found = providers[name];
  if (!found) throw new Error(`no ${name} provider`);
  return found;
};
const preset = kind("preset");
const webhook = kind("webhook");
const app = kind("app");
const sdk = () =>
  new RealtimeKitClient({ ...emulator, retry: { baseDelayMs: 1, maxDelayMs: 5 }, rateLimit: false });
const reasons = async (provider: RuntimeProvider, news: Record<string, unknown>, olds = {}) =>
  (await provider.check(olds, news)).failures?.map((failure) => failure.reason) ?? [];
const mutations = () => emulator.control.counters().mutating;
/** Inputs without the place (read keeps the account and app the object was created in). */
const bodyOf = (inputs: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(inputs ?? {}).filter(([key]) => key !== "accountId" && key !== "appId"));

describe("check names the field path of every bad input, before any request", () => {
  it.each([
    [
      { name: "a", permissions: { media: { video: { canProduce: "SOMETIMES" } } } },
      '`permissions.media.video.canProduce` must be one of "ALLOWED", "NOT_ALLOWED", "CAN_REQUEST"',
    ],
    [{ name: "a", permissions: { canRecord: "yes" } }, "`permissions.canRecord` must be true or false"],
    [
      { name: "a", ui: { designTokens: { colours: {} } } },
      "`ui.designTokens.colours` is not a field of `ui.designTokens`",
    ],
    [{ name: "a", config: { viewType: "STAGE" } }, "`config.viewType` must be one of"],
    [{ name: "a", roles: [] }, "`roles` is not a Preset input"],
  ])("preset %j", async (news, expected) => {
    const before = emulator.control.counters().total;
    expect((await reasons(preset, news)).join("\n")).toContain(expected);
    expect(emulator.control.counters().total).toBe(before);
  });

  it.each([
    [
      { name: "w", url: "http://hooks.example.com/x", events: ["meeting.started"] },
      "`url` must be an absolute https URL",
    ],
    [{ name: "w", url: "https://hooks.example.com/x", events: [] }, "`events` must be a non-empty list"],
    [
      { name: "w", url: "https://hooks.example.com/x", events: ["meeting.exploded"] },
      "`events[0]` must be one of",
    ],
    [
      { name: "w", url: "https://hooks.example.com/x", events: "meeting.started" },
      "`events` must be a non-empty list",
    ],
  ])("webhook %j", async (news, expected) => {
    expect((await reasons(webhook, news)).join("\n")).toContain(expected);
  });

  it("accepts http only for loopback webhook receivers", async () => {
    for (const url of ["http://localhost:9000/hook", "http://127.0.0.1/hook", "http://[::1]:80/x"]) {
      expect(await reasons(webhook, { name: "w", url, events: ["meeting.ended"] })).toEqual([]);
    }
  });

  it("lets unknown values through in a preview (a Preset's name output not known yet)", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(await reasons(preset, { name: unknown, appId: unknown })).toEqual([]);
  });

  it("refuses an App rename, saying why", async () => {
    const [reason] = await reasons(app, { name: "new" }, { name: "old" });
    expect(reason).toContain('`name` cannot change from "old" to "new": RealtimeKit cannot rename an app');
  });
});

describe("Preset", () => {
  it("creates a working preset from the defaults alone, and one permission more", async () => {
    const { id, outs = {} } = await preset.create({ name: "host", permissions: { canRecord: true } });
    const remote = await sdk().presets.get(id);
    expect(remote.permissions.canRecord).toBe(true);
    expect(remote.permissions.media.video.canProduce).toBe("ALLOWED");
    expect(remote.config.viewType).toBe("GROUP_CALL");
    expect(outs).toMatchObject({ name: "host", presetId: id, appId: emulator.appId });
  });

  it("diffs on the declared body with defaults: restating a default is no change, a permission is", async () => {
    const olds = { name: "host", permissions: { canRecord: true } };
    const same = await preset.diff("id", olds, {
      name: "host",
      permissions: { canRecord: true, canSpotlight: false },
    });
    expect(same.changes).toBe(false);
    const changed = await preset.diff("id", olds, { name: "host" });
    expect(changed).toMatchObject({ changes: true, replaces: [] });
    const moved = await preset.diff("id", { ...olds, appId: "a" }, { ...olds, appId: "b" });
    expect(moved).toMatchObject({ changes: true, replaces: ["appId"], deleteBeforeReplace: true });
  });

  it("adopts the existing preset of the same name, updates with one PATCH of what changed, and renames in place", async () => {
    const { id } = await preset.create({ name: "webinar_presenter" });
    const seeded = (await sdk().presets.listAll()).find((row) => row.name === "webinar_presenter");
    expect(id).toBe(seeded?.id);
    emulator.control.resetCounters();
    const olds = (await preset.read(id, { name: "webinar_presenter", presetId: id })).props ?? {};
    await preset.update(id, olds, { name: "presenter", permissions: { canRecord: true } });
    expect(emulator.control.counters().byMethod.PATCH).toBe(1);
    const remote = await sdk().presets.get(id);
    expect([remote.name, remote.permissions.canRecord]).toEqual(["presenter", true]);
  });

  it("reads drift of a declared or defaulted field, ignoring fields the server adds", async () => {
    const { id, outs = {} } = await preset.create({ name: "attendee", config: { viewType: "WEBINAR" } });
    const clean = await preset.read(id, outs);
    expect(bodyOf(clean.inputs)).toEqual({ name: "attendee", config: { viewType: "WEBINAR" } });
    await sdk().presets.update(id, { permissions: { canRecord: true }, config: { viewType: "GROUP_CALL" } });
    const drifted = await preset.read(id, outs);
    expect(bodyOf(drifted.inputs)).toEqual({
      name: "attendee",
      config: { viewType: "GROUP_CALL" },
      permissions: { canRecord: true },
    });
    const diff = await preset.diff(id, drifted.props ?? {}, {
      name: "attendee",
      config: { viewType: "WEBINAR" },
    });
    expect(diff.changes).toBe(true);
  });

  it("imports from an id alone: the inputs are what differs from the defaults", async () => {
    const { id } = await preset.create({ name: "imported", permissions: { kickParticipant: true } });
    const result = await preset.read(id, {});
    expect(result.inputs).toMatchObject({ name: "imported", permissions: { kickParticipant: true } });
    expect(await preset.diff(id, result.props ?? {}, result.inputs ?? {})).toMatchObject({ changes: false });
  });

  it("deletes, and a second delete (404) is not an error", async () => {
    const { id, outs = {} } = await preset.create({ name: "gone" });
    await preset.delete(id, outs);
    await expect(preset.delete(id, outs)).resolves.toBeUndefined();
    expect(await preset.read(id, outs)).toEqual({ id: "" });
  });
});

describe("Webhook", () => {
  const declared = {
    name: "backend",
    url: "https://hooks.example.com/rtk",
    events: ["meeting.started", "meeting.ended"],
  };

  it("creates in an app without webhooks (whose list answers 404), adopts by name, and ignores event order", async () => {
    const { id, outs = {} } = await webhook.create(declared);
    expect((await sdk().webhooks.get(id)).enabled).toBe(true);
    const again = await webhook.create({ ...declared, events: ["meeting.ended", "meeting.started"] });
    expect(again.id).toBe(id);
    const reordered = { ...declared, events: ["meeting.ended", "meeting.started"] };
    expect((await webhook.diff(id, outs, reordered)).changes).toBe(false);
    expect(bodyOf((await webhook.read(id, outs)).inputs)).toEqual(declared);
  });

  it("updates in place with one PATCH and deletes tolerating 404", async () => {
    const { id, outs = {} } = await webhook.create(declared);
    const before = mutations();
    await webhook.update(id, outs, { ...declared, enabled: false, events: ["meeting.summary"] });
    expect(mutations() - before).toBe(1);
    expect((await sdk().webhooks.get(id)).events).toEqual(["meeting.summary"]);
    await webhook.delete(id, outs);
    await expect(webhook.delete(id, outs)).resolves.toBeUndefined();
  });
});

describe("App", () => {
  it("creates an app, adopts it by name the second time, and warns on delete that it remains", async () => {
    const first = await app.create({ name: "conference" });
    const second = await app.create({ name: "conference" });
    expect(second.id).toBe(first.id);
    expect(first.outs).toMatchObject({ appId: first.id, name: "conference" });
    expect((await app.read(first.id, first.outs ?? {})).id).toBe(first.id);
    const warnings: string[] = [];
    setWarningSink(async (message) => {
      warnings.push(message);
    });
    await app.delete(first.id, first.outs ?? {});
    expect(warnings).toEqual([
      expect.stringContaining(`App "conference" (${first.id}) was removed from the stack but still exists`),
    ]);
    expect((await sdk().apps.listAll()).some((item) => item.id === first.id)).toBe(true);
  });
});
