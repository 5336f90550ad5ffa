/**
 * A whole RealtimeKit app as code through the real CLI against the emulator: an App, two Presets, a
 * Webhook, a Meeting and a Roster whose entries use the presets' names go up from nothing; preview is
 * clean; one permission is one preset update; reordering webhook events is no change; a preset edited
 * outside Pulumi is drift on refresh and is put back by the next up; a bad value fails in check before any
 * request; destroy removes presets, webhooks and participants and leaves the app with a visible warning.
 */
import * as fs from "fs";
import * as path from "path";
import { RealtimeKitClient } from "../../sdk";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

interface Spec {
  hostPermissions: Record<string, unknown>;
  events: string[];
}

let project: E2eProject;
let specFile: string;
const EVENTS = ["meeting.started", "meeting.participantJoined", "meeting.ended"];

function writeSpec(spec: Spec): void {
  fs.writeFileSync(specFile, JSON.stringify(spec, null, 2));
}

/** Mutating requests since the last reset, by route. */
function mutations(): Record<string, number> {
  return Object.fromEntries(
    Object.entries(project.emulator.control.counters().byRoute).filter(([key]) => !key.startsWith("GET ")),
  );
}

async function ids(): Promise<Record<string, string>> {
  return (await project.stack.outputs()).ids.value as Record<string, string>;
}

function changesOf(summary: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([op]) => op !== "same"));
}

beforeAll(async () => {
  project = await createE2eProject("tests/e2e/programs/app-as-code");
  specFile = path.join(project.dir, "spec.json");
  await project.stack.setConfig("specFile", { value: specFile });
  writeSpec({ hostPermissions: { canRecord: false, kickParticipant: true }, events: EVENTS });
});

afterAll(async () => {
  await project?.close();
});

test("the whole app goes up from nothing, and the next preview shows no changes", async () => {
  const up = await project.stack.up();
  expect(up.summary.result).toBe("succeeded");
  const { app, host, attendee, webhook } = await ids();
  const state = project.emulator.control.snapshot();
  expect(state.apps.find((item) => item.id === app)?.name).toBe("conference");
  // A new app comes with the usual presets; the program's two are beside them.
  const presets = state.presets.filter(
    (preset) => preset.app_id === app && ["host", "attendee"].includes(preset.name),
  );
  expect(presets.map((preset) => [preset.id, preset.name]).sort()).toEqual(
    [
      [attendee, "attendee"],
      [host, "host"],
    ].sort(),
  );
  expect(state.webhooks.find((item) => item.id === webhook)?.events.sort()).toEqual([...EVENTS].sort());
  const byPreset = Object.fromEntries(
    state.participants.filter((p) => p.app_id === app).map((p) => [p.custom_participant_id, p.preset_id]),
  );
  expect(byPreset).toEqual({ alice: host, bob: attendee });

  const preview = await project.stack.preview();
  expect(changesOf(preview.changeSummary)).toEqual({});
});

test("one permission changed is one update of that preset and one PATCH, nothing else", async () => {
  writeSpec({ hostPermissions: { canRecord: true, kickParticipant: true }, events: EVENTS });
  const preview = await project.stack.preview();
  expect(changesOf(preview.changeSummary)).toEqual({ update: 1 });
  project.emulator.control.resetCounters();
  const up = await project.stack.up();
  expect(changesOf(up.summary.resourceChanges)).toEqual({ update: 1 });
  expect(mutations()).toEqual({
    "PATCH /accounts/{account_id}/realtime/kit/{app_id}/presets/{preset_id}": 1,
  });
  const { host } = await ids();
  const preset = project.emulator.control.snapshot().presets.find((item) => item.id === host);
  expect(preset?.permissions).toMatchObject({ can_record: true, kick_participant: true });
});

test("reordering the webhook's events is no change", async () => {
  writeSpec({ hostPermissions: { canRecord: true, kickParticipant: true }, events: [...EVENTS].reverse() });
  const preview = await project.stack.preview();
  expect(changesOf(preview.changeSummary)).toEqual({});
});

test("a preset edited outside Pulumi is drift on refresh, and the next up puts it back", async () => {
  const { app, attendee } = await ids();
  const client = new RealtimeKitClient({ ...project.emulator, appId: app, rateLimit: false });
  await client.presets.update(attendee, {
    permissions: { canRecord: true },
    config: { viewType: "GROUP_CALL" },
  });
  const refresh = await project.stack.refresh();
  expect(changesOf(refresh.summary.resourceChanges)).toEqual({ update: 1 });
  const preview = await project.stack.preview();
  expect(changesOf(preview.changeSummary)).toEqual({ update: 1 });
  await project.stack.up();
  const restored = await client.presets.get(attendee);
  expect([restored.permissions.canRecord, restored.config.viewType]).toEqual([false, "WEBINAR"]);
  expect(changesOf((await project.stack.preview()).changeSummary)).toEqual({});
});

test("an unknown enum value fails in check, naming the field's path, before any request", async () => {
  writeSpec({
    hostPermissions: {
      canRecord: true,
      kickParticipant: true,
      media: { video: { canProduce: "SOMETIMES" } },
    },
    events: EVENTS,
  });
  project.emulator.control.resetCounters();
  const result = await project.runCli(["preview"]);
  expect(result.status).not.toBe(0);
  const output = result.stdout + result.stderr;
  const reason = "`permissions.media.video.canProduce` must be one of";
  expect(output).toContain(reason);
  // Said once in the diagnostics (the progress view repeats each resource's latest line, as for any error).
  expect(output.split("Diagnostics:")[1].split(reason)).toHaveLength(2);
  expect(output).not.toContain("\u001b["); // no escape codes
  expect(output).not.toMatch(/^\s+at /m); // no stack trace
  expect(mutations()).toEqual({});
  writeSpec({ hostPermissions: { canRecord: true, kickParticipant: true }, events: EVENTS });
});

test("destroy removes presets, the webhook and participants, and leaves the app with a visible warning", async () => {
  const { app, host, attendee, webhook } = await ids();
  const destroy = await project.runCli(["destroy", "--yes"]);
  expect(destroy.status).toBe(0);
  const output = destroy.stdout + destroy.stderr;
  expect(output).toMatch(
    new RegExp(
      `warning: App "conference" \\(${app}\\) was removed from the stack but still exists in RealtimeKit`,
    ),
  );
  const state = project.emulator.control.snapshot();
  expect(state.apps.some((item) => item.id === app)).toBe(true);
  expect(state.presets.filter((preset) => [host, attendee].includes(preset.id))).toEqual([]);
  expect(state.webhooks.some((item) => item.id === webhook)).toBe(false);
  expect(state.participants.filter((p) => p.app_id === app)).toEqual([]);
});
