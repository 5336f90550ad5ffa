/**
 * The GitOps example through the real CLI: the roster lives in Pulumi.<stack>.yaml, so a pull request that
 * edits that file is reviewed as a `pulumi preview --diff` and applied by `pulumi up`. The workflow
 * (.github/workflows/roster.yml) runs those through pulumi/actions; the shell it keeps for the nightly job
 * (drift check, token renewal decision) is run here as written in the workflow, step by step.
 */
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { callApi } from "../helpers/emulator";
import { createE2eProject, type E2eProject, type RunResult } from "./harness";

jest.setTimeout(5 * 60 * 1000);

const WORKFLOW = path.resolve(__dirname, "../../examples/gitops/.github/workflows/roster.yml");

interface WorkflowStep {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

/** The `run:` script of the nightly job's step named `name`, checked to take the stack from the matrix. */
function nightlyScript(name: string): string {
  const workflow = YAML.parse(fs.readFileSync(WORKFLOW, "utf8")) as {
    jobs: Record<string, { steps: WorkflowStep[] }>;
  };
  const step = workflow.jobs.nightly.steps.find((s) => s.name === name);
  if (!step?.run) throw new Error(`the nightly job has no run step named "${name}"`);
  expect(step.env).toEqual({ STACK: "${{ matrix.stack }}" });
  return step.run;
}

/** Runs a workflow script the way GitHub's bash shell does, in the project, and returns what it wrote. */
async function runStep(
  project: E2eProject,
  name: string,
  stack: string,
): Promise<RunResult & { githubOutput: string }> {
  const githubOutput = path.join(project.dir, ".github-output");
  fs.writeFileSync(githubOutput, "");
  const result = await project.run(
    "bash",
    ["--noprofile", "--norc", "-eo", "pipefail", "-c", nightlyScript(name)],
    {
      STACK: stack,
      GITHUB_OUTPUT: githubOutput,
      RUNNER_TEMP: fs.mkdtempSync(path.join(project.dir, ".runner-temp-")),
    },
  );
  return { ...result, githubOutput: fs.readFileSync(githubOutput, "utf8") };
}

function heldParticipants(project: E2eProject) {
  return project.emulator.control
    .snapshot()
    .participants.sort((a, b) => a.custom_participant_id.localeCompare(b.custom_participant_id));
}

describe("the dev stack", () => {
  let project: E2eProject;

  beforeAll(async () => {
    project = await createE2eProject("examples/gitops", {}, "dev");
  });

  afterAll(async () => {
    await project?.close();
  });

  const heldIds = () => heldParticipants(project).map((p) => p.custom_participant_id);

  test("the dev stack's roster from Pulumi.dev.yaml deploys and a second preview is clean", async () => {
    await project.stack.up();
    expect(heldIds()).toEqual(["test-participant-1", "test-viewer-1", "u-1001"]);
    expect((await project.stack.preview()).changeSummary).toEqual({ same: 6 });
  });

  test("a pull request adding one person to Pulumi.dev.yaml previews as one create and applies as one add", async () => {
    const stackFile = path.join(project.dir, "Pulumi.dev.yaml");
    const edited = fs
      .readFileSync(stackFile, "utf8")
      .replace(
        "  realtimekit-gitops:participants:\n",
        "  realtimekit-gitops:participants:\n    - customParticipantId: u-2002\n      name: Grace Hopper\n      presetName: webinar_presenter\n",
      );
    fs.writeFileSync(stackFile, edited);

    const preview = await project.stack.preview({ diff: true });
    expect(preview.changeSummary).toEqual({ same: 6, create: 1 });
    expect(preview.stdout).toContain("u-2002");
    project.emulator.control.resetCounters();
    await project.stack.up();
    expect(project.emulator.control.counters().mutating).toBe(1);
    expect(heldIds()).toContain("u-2002");
  });

  test("nightly: dev sets no refreshBeforeExpiry, so the renewal step is skipped", async () => {
    const decision = await runStep(project, "Does the stack renew tokens?", "dev");
    expect(decision.status).toBe(0);
    expect(decision.githubOutput).toBe("renew=false\n");
    expect(decision.stdout).toBe("dev sets no realtimekit-gitops:refreshBeforeExpiry: nothing to renew\n");
  });

  test("nightly: the drift check passes while the meeting matches the state", async () => {
    const check = await runStep(project, "Drift check (changes nothing)", "dev");
    expect(check).toMatchObject({ status: 0, stdout: "drift check: dev matches its state\n" });
  });

  test("nightly: participants edited or deleted outside Pulumi fail the drift check, each named, and the state is untouched", async () => {
    const byId = Object.fromEntries(heldParticipants(project).map((p) => [p.custom_participant_id, p]));
    const participants = `/meetings/${byId["u-1001"].meeting_id}/participants`;
    expect(
      (await callApi(project.emulator, "PATCH", `${participants}/${byId["u-1001"].id}`, { name: "Ada L." }))
        .status,
    ).toBe(200);
    expect(
      (await callApi(project.emulator, "DELETE", `${participants}/${byId["test-viewer-1"].id}`)).status,
    ).toBe(200);
    const stateBefore = project.stateFileText();
    project.emulator.control.resetCounters();

    const check = await runStep(project, "Drift check (changes nothing)", "dev");
    expect(check.status).toBe(1);
    const lines = check.stdout.split("\n");
    expect(lines[0]).toBe("drift check: 2 change(s) in dev made outside Pulumi:");
    expect(lines.slice(1, 3).sort()).toEqual([
      expect.stringMatching(/^ {2}participant all-hands\/test-viewer-1 was deleted outside Pulumi$/),
      expect.stringMatching(/^ {2}participant all-hands\/u-1001 was changed outside Pulumi: name changed$/),
    ]);
    expect(project.stateFileText()).toBe(stateBefore);
    expect(project.emulator.control.counters().mutating).toBe(0);
  });
});

describe("the prod stack's nightly token renewal", () => {
  let project: E2eProject;

  beforeAll(async () => {
    project = await createE2eProject("examples/gitops", {}, "prod");
  });

  afterAll(async () => {
    await project?.close();
  });

  test("tokens that expire within refreshBeforeExpiry are renewed by the nightly up: same participants, new tokens", async () => {
    // Week-long tokens issued as if 6 days 23 hours ago: every one is within prod's 26 hours of expiry.
    project.emulator.control.setSettings({
      tokenTtlSeconds: 7 * 86_400,
      tokenIssuedSecondsAgo: 7 * 86_400 - 3600,
    });
    await project.stack.up();
    const before = heldParticipants(project);
    expect(before.map((p) => p.custom_participant_id)).toEqual([
      "u-1001",
      "u-1002",
      "u-1003",
      "u-1004",
      "u-1005",
    ]);
    project.emulator.control.setSettings({ tokenIssuedSecondsAgo: 0 });

    const decision = await runStep(project, "Does the stack renew tokens?", "prod");
    expect(decision.status).toBe(0);
    expect(decision.githubOutput).toBe("renew=true\n");
    expect(decision.stdout).toContain("prod renews every token that expires within 93600 seconds");
    // Before the renewal, due tokens are noted, not reported as drift.
    const early = await runStep(project, "Drift check (changes nothing)", "prod");
    expect(early.status).toBe(0);
    expect(early.stdout.split("\n").sort()).toEqual(
      [
        "",
        "drift check: prod matches its state",
        ...before.map(
          (p) =>
            `drift check: participant all-hands/${p.custom_participant_id} has a token due for renewal (run \`pulumi up\`)`,
        ),
      ].sort(),
    );

    // What the workflow's pulumi/actions step `command: up` runs.
    project.emulator.control.resetCounters();
    const renewal = await project.stack.up();
    expect(renewal.summary.resourceChanges).toMatchObject({ update: 5 });
    const after = heldParticipants(project);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after.map((p) => p.tokens_issued)).toEqual(before.map((p) => p.tokens_issued + 1));
    expect(project.emulator.control.counters().byMethod).not.toHaveProperty("DELETE");
    expect((await project.stack.preview()).changeSummary).toEqual({ same: 9 });
    // The drift check runs after the renewal, so it compares fresh tokens.
    const drift = await runStep(project, "Drift check (changes nothing)", "prod");
    expect(drift).toMatchObject({ status: 0, stdout: "drift check: prod matches its state\n" });
  });
});
