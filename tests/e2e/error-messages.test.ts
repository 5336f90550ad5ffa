/**
 * The errors a person reads once, as the real CLI prints them for a TypeScript program (examples/roster):
 * a roster file with a typo and a duplicate id, a CSV file with a wrong header, no API token (preview and
 * up), a preset the API does not know, and `pulumi destroy` with config set since the last `pulumi up`.
 * Each asserts the exact Diagnostics section, and that the whole output has no stack trace, no escape
 * code, no status said twice and no unhandled-exception dump.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { diagnosticBlocks, noiseIn, occurrences } from "../helpers/cli-output";
import { createE2eProject, type E2eProject, type RunResult } from "./harness";

jest.setTimeout(10 * 60 * 1000);

const STACK = "errors";
const KEYS = "expected one of customParticipantId, presetName, name, picture, tokenRotation";
const TOKEN_MISSING = [
  "RealtimeKit configuration is incomplete:",
  "  - apiToken: set Pulumi config `realtimekit:apiToken`, Pulumi config `cloudflare:apiToken` or the environment variable CLOUDFLARE_API_TOKEN",
  "(Secrets belong in `pulumi config set --secret realtimekit:apiToken <token>`.)",
];
/** What the provider adds where it runs with the config saved at the last `pulumi up`. */
const SAVED_CONFIG =
  "`pulumi destroy` and `pulumi refresh` use the configuration saved by the last `pulumi up`, not the stack's current config: if you set it since, run `pulumi up` first (or add `--run-program` to `pulumi destroy` or `pulumi refresh`), or set the environment variable named above, which is read at every run.";

let project: E2eProject;

beforeAll(async () => {
  project = await createE2eProject("examples/roster", {}, STACK);
});

afterAll(async () => {
  await project?.close();
});

/** The CLI on the stack, with `env` added (an empty CLOUDFLARE_API_TOKEN counts as unset). */
function cli(args: string[], env: Record<string, string> = { CLOUDFLARE_API_TOKEN: "" }): Promise<RunResult> {
  return project.run("pulumi", [...args, "--stack", STACK, "--non-interactive"], env);
}

function writeRoster(name: string, text: string): void {
  fs.writeFileSync(path.join(project.dir, name), text);
  project.cli(["config", "set", "rosterFile", path.join(project.dir, name)]);
}

/** Lines indented as the Diagnostics section indents a resource's messages. */
const block = (heading: string, lines: string[]): string =>
  [`  ${heading}`, ...lines.map((line, index) => (index === 0 ? `    error: ${line}` : `    ${line}`))].join(
    "\n",
  );

/** A failed run whose Diagnostics are exactly `expected` (one block per resource) and free of noise. */
function expectFailure(result: RunResult, ...expected: string[]): void {
  expect(result.status).not.toBe(0);
  expect(diagnosticBlocks(result, project.dir)).toEqual([...expected].sort());
  expect(noiseIn(result)).toEqual([]);
}

test("a roster file's problems, as the plugin prints them, with a suggestion for the typo", async () => {
  writeRoster(
    "roster.yaml",
    "- customParticipantId: a\n  prest: group_call_host\n- customParticipantId: a\n  presetName: group_call_host\n",
  );
  const result = await cli(["preview"]);
  expectFailure(
    result,
    block(`pulumi:pulumi:Stack (e2e-roster-${STACK}):`, [
      "Roster file <dir>/roster.yaml is invalid (2 problems):",
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
    block(`pulumi:pulumi:Stack (e2e-roster-${STACK}):`, [
      "Roster file <dir>/roster.csv is invalid (3 problems):",
      `  - roster.csv:1: unknown column "id" (did you mean customParticipantId? ${KEYS})`,
      `  - roster.csv:1: unknown column "preset" (did you mean presetName? ${KEYS})`,
      "  - roster.csv:2: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
    ]),
  );
});

test("no API token: preview and up fail once, at the program's first resource, naming every place looked", async () => {
  writeRoster("roster.yaml", "- customParticipantId: a\n  presetName: group_call_host\n");
  project.cli(["config", "rm", "realtimekit:apiToken"]);
  project.emulator.control.resetCounters();
  try {
    for (const args of [["preview"], ["up", "--yes", "--skip-preview"]]) {
      const result = await cli(args);
      expectFailure(result, block(`pulumi:pulumi:Stack (e2e-roster-${STACK}):`, TOKEN_MISSING));
      expect(occurrences(result, TOKEN_MISSING[1])).toBe(1);
    }
    expect(project.emulator.control.counters().total).toBe(0);
  } finally {
    project.cli(["config", "set", "--secret", "realtimekit:apiToken", project.emulator.apiToken]);
  }
});

test("a preset the API does not know: the status once, and the roster file's line of the entry", async () => {
  writeRoster(
    "roster.yaml",
    "# the team\n- customParticipantId: a\n  presetName: group_call_host\n- customParticipantId: b\n  presetName: no_such_preset\n",
  );
  const result = await cli(["up", "--yes", "--skip-preview"]);
  expectFailure(
    result,
    block(`pulumi:pulumi:Stack (e2e-roster-${STACK}):`, ["update failed"]),
    block("pulumi-nodejs:dynamic/realtimekit:Participant (standup/b):", [
      'roster.yaml:4: Could not create participant "b" in meeting <uuid>: RealtimeKit POST /meetings/<uuid>/participants failed: 400 No preset found with name no_such_preset (request id <ray>); known presets: group_call_host, group_call_participant, webinar_presenter, webinar_viewer',
    ]),
  );
});

test("destroy with config set since the last up says why it fails and what to do, which works", async () => {
  writeRoster("roster.yaml", "- customParticipantId: a\n  presetName: group_call_host\n");
  // The last `up` had the token from the environment only; then it is moved into config.
  project.cli(["config", "rm", "realtimekit:apiToken"]);
  expect(
    (await cli(["up", "--yes", "--skip-preview"], { CLOUDFLARE_API_TOKEN: project.emulator.apiToken }))
      .status,
  ).toBe(0);
  project.cli(["config", "set", "--secret", "realtimekit:apiToken", project.emulator.apiToken]);

  const result = await cli(["destroy", "--yes", "--skip-preview"]);
  expectFailure(
    result,
    block("pulumi-nodejs:dynamic/realtimekit:Participant (standup/a):", [
      `Could not delete participant "a" in meeting <uuid>: ${TOKEN_MISSING[0]}`,
      ...TOKEN_MISSING.slice(1),
      SAVED_CONFIG,
    ]),
    block(`pulumi:pulumi:Stack (e2e-roster-${STACK}):`, ["update failed"]),
  );
  expect(occurrences(result, SAVED_CONFIG)).toBe(1);

  // What the message says to do works.
  expect((await cli(["destroy", "--yes", "--skip-preview", "--run-program"])).status).toBe(0);
});
