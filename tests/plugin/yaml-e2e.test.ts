/**
 * examples/yaml through the real Pulumi CLI and the YAML language host, with the plugin installed from its
 * tarball, against the emulator: the lifecycle a YAML user goes through, import included.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as YAML from "yaml";
import { SECRET_SIG, SPECIAL_SIG_KEY } from "../../plugin/secrets";
import { addParticipant, callApi } from "../helpers/emulator";
import { usePluginProject } from "../helpers/plugin";
import type { E2eProject } from "../e2e/harness";

jest.setTimeout(300_000);

const plugin = usePluginProject("examples/yaml", "yaml");
let project: E2eProject;
beforeAll(() => {
  project = plugin.project;
});

/** The CLI without blocking this process: the emulator it talks to runs in it. */
async function cli(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)("pulumi", [...args, "--stack", "yaml", "--non-interactive"], {
    cwd: project.dir,
    env: project.env,
    encoding: "utf8",
  });
  return stdout;
}

const programFile = (): string => path.join(project.dir, "Pulumi.yaml");
const editProgram = (edit: (doc: YAML.Document) => void): void => {
  const doc = YAML.parseDocument(fs.readFileSync(programFile(), "utf8"));
  edit(doc);
  fs.writeFileSync(programFile(), doc.toString());
};

type GeneratedResource = { type: string; properties: Record<string, unknown> };

/** `pulumi import <type> <name> <id> --out`: the one resource of the YAML program the CLI generates. */
async function importResource(type: string, name: string, id: string): Promise<GeneratedResource> {
  const generated = path.join(project.dir, `imported-${name}.yaml`);
  await cli(["import", type, name, id, "--yes", "--protect=false", "--out", generated]);
  const code = YAML.parse(fs.readFileSync(generated, "utf8")) as {
    resources: Record<string, GeneratedResource>;
  };
  return code.resources[name];
}

/** Every file of the file backend, as text: state, history and backups. */
function backendText(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(fs.readFileSync(full, "utf8"));
    }
  };
  walk(path.join(project.dir, ".backend"));
  return files.join("\n");
}

interface StateResource {
  type: string;
  urn: string;
  id?: string;
  outputs?: Record<string, unknown>;
}
async function resources(type: string): Promise<StateResource[]> {
  const state = await project.stack.exportStack();
  return (state.deployment.resources as StateResource[]).filter((r) => r.type === type);
}
const participantNamed = async (name: string): Promise<StateResource | undefined> =>
  (await resources("realtimekit:index:Participant")).find((r) => r.urn.endsWith(`::${name}`));

test("up creates the meeting, the roster's participants and the guest; tokens are secrets", async () => {
  const up = await project.stack.up();
  expect(up.summary.resourceChanges).toMatchObject({ create: 7 });
  const outputs = await project.stack.outputs();
  expect(Object.keys(outputs.participantIds.value as object).sort()).toEqual(["u-1001", "u-1002", "u-1003"]);
  expect(outputs.tokens.secret).toBe(true);
  expect(outputs.guestToken.secret).toBe(true);
  const tokens = outputs.tokens.value as Record<string, string>;
  expect(Object.values(tokens)).toHaveLength(3);

  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 7 });

  const text = backendText();
  for (const token of [
    ...Object.values(tokens),
    outputs.guestToken.value as string,
    project.emulator.apiToken,
  ]) {
    expect(text).not.toContain(token);
  }
});

test("one preset change in the roster file is one update, same participant id", async () => {
  const before = await participantNamed("team/u-1002");
  const rosterFile = path.join(project.dir, "roster.yaml");
  fs.writeFileSync(
    rosterFile,
    fs
      .readFileSync(rosterFile, "utf8")
      .replace("  name: Grace Hopper\n", "  name: Grace Hopper\n  presetName: group_call_host\n"),
  );
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 6, update: 1 });
  await project.stack.up();
  const after = await participantNamed("team/u-1002");
  expect(after?.id).toBe(before?.id);
  expect(after?.outputs?.presetName).toBe("group_call_host");
});

test("renaming the meeting is one update; the participants that use its meetingId do not change", async () => {
  editProgram((doc) => doc.setIn(["resources", "standup", "properties", "title"], "Daily standup (renamed)"));
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 6, update: 1 });
  const up = await project.stack.up();
  expect(up.summary.resourceChanges).toEqual({ same: 6, update: 1 });
});

test("changing tokenRotation issues a new token for the same participant", async () => {
  const before = (await project.stack.outputs()).guestToken.value as string;
  const id = (await participantNamed("guest"))?.id;
  editProgram((doc) => doc.setIn(["resources", "guest", "properties", "tokenRotation"], "2"));
  const up = await project.stack.up();
  expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
  const after = (await project.stack.outputs()).guestToken.value as string;
  expect(after).not.toBe(before);
  expect((await participantNamed("guest"))?.id).toBe(id);
});

test("a participant added outside Pulumi is imported, gets a token on the next up, then shows no changes", async () => {
  const meetingId = (await project.stack.outputs()).meetingId.value as string;
  const outside = await addParticipant(project.emulator, meetingId, {
    custom_participant_id: "oob-1",
    preset_name: "group_call_host",
    name: "Out of band",
  });
  const oob = await importResource("realtimekit:index:Participant", "oob", `${meetingId}/${outside.id}`);
  expect(oob.type).toMatch(/^realtimekit:(index:)?Participant$/);
  expect(oob.properties).toEqual({
    meetingId,
    customParticipantId: "oob-1",
    presetName: "group_call_host",
    name: "Out of band",
  });
  expect((await participantNamed("oob"))?.id).toBe(outside.id);

  editProgram((doc) => doc.setIn(["resources", "oob"], doc.createNode(oob)));
  const first = await project.stack.preview();
  expect(first.changeSummary).toEqual({ same: 7, update: 1 }); // the token the API never returns
  await project.stack.up();
  const imported = await participantNamed("oob");
  expect(imported?.id).toBe(outside.id);
  // A secret in state (exportStack shows it decrypted; the backend files hold only ciphertext).
  const token = imported?.outputs?.token as { [SPECIAL_SIG_KEY]: string; plaintext: string };
  expect(token[SPECIAL_SIG_KEY]).toBe(SECRET_SIG);
  expect(backendText()).not.toContain(JSON.parse(token.plaintext) as string);
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 8 });

  // Managed now: a change to its name is an update of the same participant.
  editProgram((doc) => doc.setIn(["resources", "oob", "properties", "name"], "Now managed"));
  await project.stack.up();
  const remote = await callApi(project.emulator, "GET", `/meetings/${meetingId}/participants/${outside.id}`);
  expect((remote.body.data as { name: string }).name).toBe("Now managed");
});

test("refresh after an out-of-band delete drops the participant from state", async () => {
  const meetingId = (await project.stack.outputs()).meetingId.value as string;
  const oob = await participantNamed("oob");
  await callApi(project.emulator, "DELETE", `/meetings/${meetingId}/participants/${oob?.id}`);
  const refresh = await project.stack.refresh();
  expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
  expect(await participantNamed("oob")).toBeUndefined();

  editProgram((doc) => doc.deleteIn(["resources", "oob"]));
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 7 });
});

test("a meeting created outside Pulumi is imported; with the generated code the next preview shows no changes", async () => {
  const created = await callApi(project.emulator, "POST", "/meetings", {
    title: "Made by hand",
    persist_chat: true,
  });
  const meetingId = (created.body.data as { id: string }).id;
  const handmade = await importResource("realtimekit:index:Meeting", "handmade", meetingId);
  expect(handmade.properties).toMatchObject({
    title: "Made by hand",
    persistChat: true,
    status: "ACTIVE",
  });
  editProgram((doc) => doc.setIn(["resources", "handmade"], doc.createNode(handmade)));
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 8 });
  // Leave it out again, kept in the API (retainOnDelete), so the later steps count the same resources.
  editProgram((doc) => {
    doc.setIn(["resources", "handmade", "options"], doc.createNode({ retainOnDelete: true }));
  });
  await project.stack.up();
  editProgram((doc) => doc.deleteIn(["resources", "handmade"]));
  await project.stack.up();
  const meeting = await callApi(project.emulator, "GET", `/meetings/${meetingId}`);
  expect((meeting.body.data as { status: string }).status).toBe("ACTIVE");
});

test("a meeting whose read returns storage credentials is imported with none in plaintext in state or code", async () => {
  const credentials = { access_key: "AKIA-IMPORTED-ACCESS-KEY", secret: "imported-storage-secret-key" };
  project.emulator.control.setSettings({ storageCredentialsOnRead: "answer" });
  try {
    const created = await callApi(project.emulator, "POST", "/meetings", {
      title: "Recorded by hand",
      recording_config: {
        storage_config: { type: "aws", bucket: "recordings", region: "eu-west-1", ...credentials },
      },
    });
    const meetingId = (created.body.data as { id: string }).id;
    const read = await callApi(project.emulator, "GET", `/meetings/${meetingId}`);
    expect(JSON.stringify(read.body)).toContain(credentials.secret); // the setting under test is in force
    const imported = await importResource("realtimekit:index:Meeting", "recorded", meetingId);
    expect(imported.properties).toMatchObject({
      title: "Recorded by hand",
      recordingConfig: { storageConfig: { type: "aws", bucket: "recordings", region: "eu-west-1" } },
    });
    const code = fs.readFileSync(path.join(project.dir, "imported-recorded.yaml"), "utf8");
    const text = backendText();
    for (const value of Object.values(credentials)) {
      expect(code).not.toContain(value);
      expect(text).not.toContain(value);
    }
    // The state keeps what was read, as a secret.
    const [recorded] = (await resources("realtimekit:index:Meeting")).filter((r) => r.id === meetingId);
    expect((recorded.outputs?.recordingConfig as Record<string, unknown>)[SPECIAL_SIG_KEY]).toBe(SECRET_SIG);
    await cli(["state", "delete", recorded.urn, "--yes"]);
  } finally {
    project.emulator.control.setSettings({ storageCredentialsOnRead: "omit" });
  }
});

test("destroy removes every participant and deactivates the meeting", async () => {
  const meetingId = (await project.stack.outputs()).meetingId.value as string;
  await project.stack.destroy();
  const listed = await callApi(project.emulator, "GET", `/meetings/${meetingId}/participants`);
  expect(listed.body.data).toEqual([]);
  const meeting = await callApi(project.emulator, "GET", `/meetings/${meetingId}`);
  expect((meeting.body.data as { status: string }).status).toBe("INACTIVE");
});
