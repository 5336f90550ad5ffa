/**
 * The plugin as a user outside this repository gets it: a scratch directory under the system temp dir, a
 * fresh PULUMI_HOME with nothing but the plugin tarball installed, PATH holding only the Pulumi CLI (with
 * the YAML host) and node, and a small YAML program: up, preview with no changes, destroy.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { callApi, useEmulator } from "../helpers/emulator";
import { buildPlugin, removePlugin } from "../helpers/plugin";

jest.setTimeout(180_000);
const emu = useEmulator({ resetBeforeEach: false });

let scratch: string;
afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  removePlugin();
});

const PROGRAM = `name: scratch-realtimekit
runtime: yaml
resources:
  standup:
    type: realtimekit:index:Meeting
    properties:
      title: Scratch standup
  host:
    type: realtimekit:index:Participant
    properties:
      meetingId: \${standup.id}
      customParticipantId: host-1
      presetName: group_call_host
      name: Host
  team:
    type: realtimekit:index:Roster
    properties:
      meetingId: \${standup.id}
      participants:
        - customParticipantId: p-1
          name: First
        - customParticipantId: p-2
          name: Second
      defaults:
        presetName: group_call_participant
outputs:
  meetingId: \${standup.id}
  hostToken: \${host.token}
  tokens: \${team.tokens}
`;

test("only the tarball installed: a YAML program goes up, previews with no changes, and is destroyed", async () => {
  const plugin = buildPlugin();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "realtimekit-scratch-"));
  const project = path.join(scratch, "project");
  fs.mkdirSync(project);
  fs.mkdirSync(path.join(scratch, "backend"));
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), PROGRAM);
  const pulumiBin = path.dirname(
    (await promisify(execFile)("which", ["pulumi"], { encoding: "utf8" })).stdout.trim(),
  );
  const env = {
    PATH: [pulumiBin, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
    HOME: scratch,
    PULUMI_HOME: path.join(scratch, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${path.join(scratch, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "scratch",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  const pulumi = async (...args: string[]): Promise<string> =>
    (
      await promisify(execFile)("pulumi", [...args, "--non-interactive"], {
        cwd: project,
        env,
        encoding: "utf8",
      })
    ).stdout;

  await pulumi("plugin", "install", "resource", "realtimekit", plugin.version, "--file", plugin.tarball);
  expect(await pulumi("plugin", "ls")).toMatch(/realtimekit\s+resource\s+0\.1\.0/);
  await pulumi("stack", "init", "dev");
  await pulumi("config", "set", "realtimekit:baseUrl", emu.baseUrl);
  await pulumi("config", "set", "realtimekit:accountId", emu.accountId);
  await pulumi("config", "set", "realtimekit:appId", emu.appId);
  await pulumi("config", "set", "--secret", "realtimekit:apiToken", emu.apiToken);

  const up = await pulumi("up", "--yes");
  expect(up).toMatch(/\+ 6 created/);
  expect(up).toMatch(/hostToken\s*: \[secret\]/);
  const meetingId = (await pulumi("stack", "output", "meetingId")).trim();
  const listed = await callApi(emu, "GET", `/meetings/${meetingId}/participants`);
  expect(
    (listed.body.data as { custom_participant_id: string }[]).map((p) => p.custom_participant_id).sort(),
  ).toEqual(["host-1", "p-1", "p-2"]);

  await pulumi("preview", "--expect-no-changes");

  await pulumi("destroy", "--yes");
  expect((await callApi(emu, "GET", `/meetings/${meetingId}/participants`)).body.data).toEqual([]);
});
