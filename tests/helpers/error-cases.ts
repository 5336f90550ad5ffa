/**
 * The five errors a person reads once, as tests both paths run through the real CLI (a TypeScript program,
 * tests/e2e/error-messages.test.ts; YAML through the plugin, tests/plugin/yaml-errors.test.ts): a roster
 * file with a typo and a duplicate id, a CSV file with a wrong header, no API token (preview and up), a
 * preset the API does not know, and `pulumi destroy` with config set since the last `pulumi up`. Each
 * asserts the exact Diagnostics section (one block per resource), and that the whole output has no stack
 * trace, no escape code, no status said twice and no unhandled-exception dump.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { E2eProject, RunResult } from "../e2e/harness";
import { diagnosticBlocks, noiseIn, occurrences } from "./cli-output";

const KEYS = "expected one of customParticipantId, presetName, name, picture, tokenRotation";

/** What the provider adds where it runs with the config saved at the last `pulumi up`. */
export const SAVED_CONFIG =
  "`pulumi destroy` and `pulumi refresh` use the configuration saved by the last `pulumi up`, not the stack's current config: if you set it since, run `pulumi up` first (or add `--run-program` to `pulumi destroy` or `pulumi refresh`), or set the environment variable named above, which is read at every run.";

/** The missing-token message, naming `places`. */
export const tokenMissing = (places: string): string[] => [
  "RealtimeKit configuration is incomplete:",
  `  - apiToken: set ${places}`,
  "(Secrets belong in `pulumi config set --secret realtimekit:apiToken <token>`.)",
];

/** How one path names things: the stack, the roster's error, the resources that fail. */
export interface ErrorCasesTarget {
  project(): E2eProject;
  stack: string;
  /** The Diagnostics heading of the stack. */
  stackHeading: string;
  /** Points the program at a roster file in the project directory. */
  useRoster(file: string): void;
  /** The first line of a roster file's error, e.g. `Roster file <dir>/roster.yaml is invalid`. */
  rosterInvalid(file: string, count: number): string;
  /** The missing-token message where the program runs (preview, up), and the block it is under. */
  tokenMissingAtStart: { heading: string; lines: string[] };
  /** The missing-token message of a destroy, under the one participant's heading. */
  tokenMissingAtDestroy(): string[];
  /** The Diagnostics heading of a roster child. */
  participantHeading(id: string): string;
  /** Whether the stack's block after a failed child is `update failed` alone (see the plugin's test). */
  exactAfterChildFailure: boolean;
  /**
   * Whether a failed Configure (the plugin's) is shown the same by every tested CLI. It is not: 3.248.0 puts
   * the message under the first resource, 3.274.1 under the stack after "could not load provider ..." or
   * "Preview failed:". Where false, the message's lines are asserted, once, not the block around them.
   */
  exactConfigureFailure: boolean;
  /** The app's presets when the case runs (the program may declare its own). */
  knownPresets: string[];
}

/** Lines indented as the Diagnostics section indents a resource's messages. */
export const block = (heading: string, lines: string[]): string =>
  [`  ${heading}`, ...lines.map((line, index) => (index === 0 ? `    error: ${line}` : `    ${line}`))].join(
    "\n",
  );

/** Registers the five cases, run in order on one stack. */
export function errorCases(target: ErrorCasesTarget): void {
  const project = (): E2eProject => target.project();
  // An empty CLOUDFLARE_API_TOKEN counts as unset.
  const cli = (
    args: string[],
    env: Record<string, string> = { CLOUDFLARE_API_TOKEN: "" },
  ): Promise<RunResult> =>
    project().run("pulumi", [...args, "--stack", target.stack, "--non-interactive"], env);
  const writeRoster = (file: string, text: string): void => {
    fs.writeFileSync(path.join(project().dir, file), text);
    target.useRoster(file);
  };
  /** A failed Configure's message: exactly the blocks, or (see `exactConfigureFailure`) its lines, once. */
  const expectConfigureFailure = (result: RunResult, lines: string[], ...blocks: string[]): void => {
    if (target.exactConfigureFailure) return expectFailure(result, ...blocks);
    expect(result.status).not.toBe(0);
    expect(noiseIn(result)).toEqual([]);
    const shown = diagnosticBlocks(result, project().dir).join("\n");
    for (const line of lines) expect(shown).toContain(line);
    expect(occurrences(result, lines[1])).toBe(1);
  };
  const expectFailure = (result: RunResult, ...expected: string[]): void => {
    expect(result.status).not.toBe(0);
    expect(diagnosticBlocks(result, project().dir)).toEqual([...expected].sort());
    expect(noiseIn(result)).toEqual([]);
  };
  const good = "- customParticipantId: a\n  presetName: group_call_host\n";

  test("a roster file's problems, with a suggestion for the typo", async () => {
    writeRoster("roster.yaml", `- customParticipantId: a\n  prest: group_call_host\n${good}`);
    const result = await cli(["preview"]);
    expectFailure(
      result,
      block(target.stackHeading, [
        target.rosterInvalid("roster.yaml", 2),
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
      block(target.stackHeading, [
        target.rosterInvalid("roster.csv", 3),
        `  - roster.csv:1: unknown column "id" (did you mean customParticipantId? ${KEYS})`,
        `  - roster.csv:1: unknown column "preset" (did you mean presetName? ${KEYS})`,
        "  - roster.csv:2: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
      ]),
    );
  });

  test("no API token: preview and up fail once, before any API call, naming every place looked", async () => {
    writeRoster("roster.yaml", good);
    project().cli(["config", "rm", "realtimekit:apiToken"]);
    project().emulator.control.resetCounters();
    try {
      for (const args of [["preview"], ["up", "--yes", "--skip-preview"]]) {
        const result = await cli(args);
        const { heading, lines } = target.tokenMissingAtStart;
        expectConfigureFailure(result, lines, block(heading, lines));
        expect(occurrences(result, lines[1])).toBe(1);
      }
      expect(project().emulator.control.counters().total).toBe(0);
    } finally {
      project().cli(["config", "set", "--secret", "realtimekit:apiToken", project().emulator.apiToken]);
    }
  });

  test("a preset the API does not know: the status once, and the roster file's line of the entry", async () => {
    writeRoster("roster.yaml", `# the team\n${good}- customParticipantId: b\n  presetName: no_such_preset\n`);
    const result = await cli(["up", "--yes", "--skip-preview"]);
    const failed = block(target.participantHeading("b"), [
      `roster.yaml:4: Could not create participant "b" in meeting <uuid>: RealtimeKit POST /meetings/<uuid>/participants failed: 400 No preset found with name no_such_preset (request id <ray>); known presets: ${target.knownPresets.join(", ")}`,
    ]);
    if (target.exactAfterChildFailure) {
      expectFailure(result, block(target.stackHeading, ["update failed"]), failed);
    } else {
      expect(result.status).not.toBe(0);
      expect(noiseIn(result)).toEqual([]);
      expect(diagnosticBlocks(result, project().dir)).toContain(failed);
    }
  });

  test("destroy with config set since the last up says why it fails and what to do, which works", async () => {
    writeRoster("roster.yaml", good);
    // The last `up` had the token from the environment only; then it is moved into config.
    project().cli(["config", "rm", "realtimekit:apiToken"]);
    const up = await cli(["up", "--yes", "--skip-preview"], {
      CLOUDFLARE_API_TOKEN: project().emulator.apiToken,
    });
    expect(up.status).toBe(0);
    project().cli(["config", "set", "--secret", "realtimekit:apiToken", project().emulator.apiToken]);

    const result = await cli(["destroy", "--yes", "--skip-preview"]);
    expectConfigureFailure(
      result,
      target.tokenMissingAtDestroy(),
      block(target.participantHeading("a"), target.tokenMissingAtDestroy()),
      block(target.stackHeading, ["update failed"]),
    );
    expect(occurrences(result, SAVED_CONFIG)).toBe(1);
    // What the message says to do works.
    expect((await cli(["destroy", "--yes", "--skip-preview", "--run-program"])).status).toBe(0);
  });
}
