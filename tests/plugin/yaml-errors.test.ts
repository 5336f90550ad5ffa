/**
 * The errors a person reads once, as the real CLI prints them for a YAML program through the plugin: a
 * roster file with a typo and a duplicate id, a CSV file with a wrong header, no API token (the plugin's
 * Configure fails, in preview too), a preset the API does not know, and `pulumi destroy` with config set
 * since the last `pulumi up`. The same cases as tests/e2e/error-messages.test.ts, in the plugin's words.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { diagnosticBlocks, noiseIn, occurrences } from "../helpers/cli-output";
import { usePluginProject } from "../helpers/plugin";
import type { RunResult } from "../e2e/harness";

jest.setTimeout(10 * 60 * 1000);

const STACK = "errors";
const KEYS = "expected one of customParticipantId, presetName, name, picture, tokenRotation";
/** The plugin names only the places it looks: the engine hands it its own package's config only. */
const TOKEN_MISSING = [
  "RealtimeKit configuration is incomplete:",
  "  - apiToken: set Pulumi config `realtimekit:apiToken` or the environment variable CLOUDFLARE_API_TOKEN",
  "(Secrets belong in `pulumi config set --secret realtimekit:apiToken <token>`.)",
  "`pulumi destroy` and `pulumi refresh` use the configuration saved by the last `pulumi up`, not the stack's current config: if you set it since, run `pulumi up` first (or add `--run-program` to `pulumi destroy` or `pulumi refresh`), or set the environment variable named above, which is read at every run.",
];

const program = (file: string): string => `name: realtimekit-yaml
runtime: yaml
resources:
  standup:
    type: realtimekit:index:Meeting
    properties:
      title: Errors
  team:
    type: realtimekit:index:Roster
    properties:
      meetingId: \${standup.meetingId}
      file: ${file}
      defaults:
        presetName: group_call_participant
outputs:
  participantIds: \${team.participantIds}
`;

const plugin = usePluginProject("examples/yaml", STACK, (project) => {
  fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), program("roster.yaml"));
});

/** The CLI on the stack, with `env` added (an empty CLOUDFLARE_API_TOKEN counts as unset). */
function cli(args: string[], env: Record<string, string> = { CLOUDFLARE_API_TOKEN: "" }): Promise<RunResult> {
  return plugin.project.run("pulumi", [...args, "--stack", STACK, "--non-interactive"], env);
}

function writeRoster(name: string, text: string): void {
  fs.writeFileSync(path.join(plugin.project.dir, name), text);
  fs.writeFileSync(path.join(plugin.project.dir, "Pulumi.yaml"), program(name));
}

/** Lines indented as the Diagnostics section indents a resource's messages. */
const block = (heading: string, lines: string[]): string =>
  [`  ${heading}`, ...lines.map((line, index) => (index === 0 ? `    error: ${line}` : `    ${line}`))].join(
    "\n",
  );

/** A failed run whose Diagnostics are exactly `expected` (one block per resource) and free of noise. */
function expectFailure(result: RunResult, ...expected: string[]): void {
  expect(result.status).not.toBe(0);
  expect(diagnosticBlocks(result, plugin.project.dir)).toEqual([...expected].sort());
  expect(noiseIn(result)).toEqual([]);
}

const STACK_HEADING = `pulumi:pulumi:Stack (realtimekit-yaml-${STACK}):`;

test("a roster file's problems, with a suggestion for the typo", async () => {
  writeRoster(
    "roster.yaml",
    "- customParticipantId: a\n  prest: group_call_host\n- customParticipantId: a\n  presetName: group_call_host\n",
  );
  const result = await cli(["preview"]);
  expectFailure(
    result,
    block(STACK_HEADING, [
      "realtimekit:index:Roster resource 'team' has a problem: Roster \"team\" (roster.yaml) is invalid (2 problems):",
      `  - roster.yaml:2: unknown key "prest" (did you mean presetName? ${KEYS})`,
      '  - roster.yaml:3: duplicate customParticipantId "a" (first declared at line 1)',
    ]),
  );
  expect(occurrences(result, 'roster.yaml:2: unknown key "prest"')).toBe(1);
});

test("a CSV file with a wrong header", async () => {
  writeRoster("roster.csv", "id,preset,name\nalice,group_call_host,Alice\n");
  expectFailure(
    await cli(["preview"]),
    block(STACK_HEADING, [
      "realtimekit:index:Roster resource 'team' has a problem: Roster \"team\" (roster.csv) is invalid (3 problems):",
      `  - roster.csv:1: unknown column "id" (did you mean customParticipantId? ${KEYS})`,
      `  - roster.csv:1: unknown column "preset" (did you mean presetName? ${KEYS})`,
      "  - roster.csv:2: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
    ]),
  );
});

test("no API token: the plugin's Configure fails once, in preview and up, naming every place looked", async () => {
  writeRoster("roster.yaml", "- customParticipantId: a\n  presetName: group_call_host\n");
  plugin.project.cli(["config", "rm", "realtimekit:apiToken"]);
  plugin.project.emulator.control.resetCounters();
  try {
    for (const args of [["preview"], ["up", "--yes", "--skip-preview"]]) {
      const result = await cli(args);
      expectFailure(result, block("realtimekit:index:Meeting (standup):", TOKEN_MISSING));
      expect(occurrences(result, TOKEN_MISSING[1])).toBe(1);
    }
    expect(plugin.project.emulator.control.counters().total).toBe(0);
  } finally {
    plugin.project.cli([
      "config",
      "set",
      "--secret",
      "realtimekit:apiToken",
      plugin.project.emulator.apiToken,
    ]);
  }
});

test("a preset the API does not know: the status once, and the roster file's line of the entry", async () => {
  writeRoster(
    "roster.yaml",
    "# the team\n- customParticipantId: a\n  presetName: group_call_host\n- customParticipantId: b\n  presetName: no_such_preset\n",
  );
  const result = await cli(["up", "--yes", "--skip-preview"]);
  expect(result.status).not.toBe(0);
  expect(noiseIn(result)).toEqual([]);
  expect(diagnosticBlocks(result, plugin.project.dir)).toContain(
    block("realtimekit:index:Participant (team/b):", [
      'roster.yaml:4: Could not create participant "b" in meeting <uuid>: RealtimeKit POST /meetings/<uuid>/participants failed: 400 No preset found with name no_such_preset (request id <ray>); known presets: group_call_host, group_call_participant, webinar_presenter, webinar_viewer',
    ]),
  );
});

test("destroy with config set since the last up says why it fails and what to do, which works", async () => {
  writeRoster("roster.yaml", "- customParticipantId: a\n  presetName: group_call_host\n");
  plugin.project.cli(["config", "rm", "realtimekit:apiToken"]);
  const up = await cli(["up", "--yes", "--skip-preview"], {
    CLOUDFLARE_API_TOKEN: plugin.project.emulator.apiToken,
  });
  expect(up.status).toBe(0);
  plugin.project.cli(["config", "set", "--secret", "realtimekit:apiToken", plugin.project.emulator.apiToken]);

  const result = await cli(["destroy", "--yes", "--skip-preview"]);
  expectFailure(
    result,
    block("realtimekit:index:Participant (team/a):", TOKEN_MISSING),
    block(STACK_HEADING, ["update failed"]),
  );
  expect((await cli(["destroy", "--yes", "--skip-preview", "--run-program"])).status).toBe(0);
});
