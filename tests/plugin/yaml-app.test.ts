/**
 * examples/app-yaml through the real CLI, the YAML language host and the plugin, against the emulator: a
 * whole app (App, two Presets, a Webhook, a Meeting, a Roster using the presets' names) from nothing; a
 * clean preview; one permission = one preset update; event order no change; drift put back; import of a
 * preset and a webhook with a clean next preview; destroy leaves the app with the plugin's warning shown
 * against the App by the engine.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as YAML from "yaml";
import { RealtimeKitClient } from "../../sdk";
import { presetInput } from "../helpers/presets";
import { usePluginProject } from "../helpers/plugin";
import type { E2eProject } from "../e2e/harness";

jest.setTimeout(300_000);

const plugin = usePluginProject("examples/app-yaml", "yaml");
let project: E2eProject;
beforeAll(() => {
  project = plugin.project;
});

/** The CLI without blocking this process (the emulator it talks to runs here); output of a failure too. */
async function cli(args: string[]): Promise<string> {
  const run = promisify(execFile)("pulumi", [...args, "--stack", "yaml", "--non-interactive"], {
    cwd: project.dir,
    env: project.env,
    encoding: "utf8",
  });
  const { stdout, stderr } = await run;
  return stdout + stderr;
}

const programFile = (): string => path.join(project.dir, "Pulumi.yaml");
const editProgram = (edit: (doc: YAML.Document) => void): void => {
  const doc = YAML.parseDocument(fs.readFileSync(programFile(), "utf8"));
  edit(doc);
  fs.writeFileSync(programFile(), doc.toString());
};
const changesOf = (summary: Record<string, number> | undefined): Record<string, number> =>
  Object.fromEntries(Object.entries(summary ?? {}).filter(([op]) => op !== "same"));
const output = async (name: string): Promise<string> => (await project.stack.outputs())[name].value as string;
const client = async () =>
  new RealtimeKitClient({ ...project.emulator, appId: await output("appId"), rateLimit: false });

test("up declares the whole app from nothing; the roster's participants get the presets; preview is clean", async () => {
  const up = await project.stack.up();
  expect(up.summary.result).toBe("succeeded");
  const appId = await output("appId");
  const state = project.emulator.control.snapshot();
  expect(state.apps.find((app) => app.id === appId)?.name).toBe("conference");
  const byPreset = Object.fromEntries(
    state.participants.filter((p) => p.app_id === appId).map((p) => [p.custom_participant_id, p.preset_id]),
  );
  expect(byPreset).toEqual({ alice: await output("hostPresetId"), bob: await output("attendeePresetId") });
  expect(changesOf((await project.stack.preview()).changeSummary)).toEqual({});
});

test("one permission is one update of that preset; reordering the webhook's events is no change", async () => {
  editProgram((doc) => doc.setIn(["resources", "host", "properties", "permissions", "canRecord"], false));
  editProgram((doc) =>
    doc.setIn(
      ["resources", "backend", "properties", "events"],
      doc.createNode(["meeting.ended", "meeting.started", "meeting.participantJoined"]),
    ),
  );
  expect(changesOf((await project.stack.preview()).changeSummary)).toEqual({ update: 1 });
  project.emulator.control.resetCounters();
  const up = await project.stack.up();
  expect(changesOf(up.summary.resourceChanges)).toEqual({ update: 1 });
  expect(project.emulator.control.counters().mutating).toBe(1);
  expect((await (await client()).presets.get(await output("hostPresetId"))).permissions.canRecord).toBe(
    false,
  );
});

test("a preset edited outside Pulumi is drift on refresh and the next up puts it back", async () => {
  const api = await client();
  const attendee = await output("attendeePresetId");
  await api.presets.update(attendee, { config: { viewType: "GROUP_CALL" } });
  expect(changesOf((await project.stack.refresh()).summary.resourceChanges)).toEqual({ update: 1 });
  await project.stack.up();
  expect((await api.presets.get(attendee)).config.viewType).toBe("WEBINAR");
  expect(changesOf((await project.stack.preview()).changeSummary)).toEqual({});
});

test("a preset and a webhook made outside Pulumi are imported; with the generated code preview is clean", async () => {
  // In the stack's configured app: an import id names no app, so the provider's configuration places it.
  const api = new RealtimeKitClient({ ...project.emulator, rateLimit: false });
  const made = presetInput("moderator");
  made.permissions.kickParticipant = true;
  const preset = await api.presets.create(made);
  const hook = await api.webhooks.create({
    name: "audit",
    url: "https://audit.example.com/hook",
    events: ["meeting.ended"],
    enabled: false,
  });
  const generated: Record<string, unknown> = {};
  for (const [type, name, id] of [
    ["realtimekit:index:Preset", "moderator", preset.id],
    ["realtimekit:index:Webhook", "audit", hook.id],
  ]) {
    const out = path.join(project.dir, `imported-${name}.yaml`);
    await cli(["import", type, name, id, "--yes", "--protect=false", "--out", out]);
    const code = YAML.parse(fs.readFileSync(out, "utf8")) as { resources: Record<string, object> };
    generated[name] = code.resources[name];
  }
  expect(generated.moderator).toMatchObject({
    properties: { name: "moderator", permissions: { kickParticipant: true } },
  });
  expect(generated.audit).toMatchObject({
    properties: { name: "audit", url: "https://audit.example.com/hook", enabled: false },
  });
  editProgram((doc) => {
    for (const [name, resource] of Object.entries(generated))
      doc.setIn(["resources", name], doc.createNode(resource));
  });
  expect(changesOf((await project.stack.preview()).changeSummary)).toEqual({});
});

test("destroy removes presets, webhooks and participants, and warns in the CLI that the app remains", async () => {
  const appId = await output("appId");
  const text = await cli(["destroy", "--yes"]);
  expect(text).toContain("realtimekit:index:App (app):");
  expect(text).toMatch(
    new RegExp(`warning: App "conference" \\(${appId}\\) was removed from the stack but still exists`),
  );
  const state = project.emulator.control.snapshot();
  expect(state.apps.some((app) => app.id === appId)).toBe(true);
  const left = (names: string[]) => state.presets.filter((p) => names.includes(p.name)).map((p) => p.name);
  expect(left(["host", "attendee", "moderator"])).toEqual([]);
  expect(state.webhooks.filter((hook) => ["backend", "audit"].includes(hook.name))).toEqual([]);
  expect(state.participants.filter((p) => p.app_id === appId)).toEqual([]);
});
