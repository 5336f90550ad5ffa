/**
 * A `pulumi up` killed mid-apply (SIGKILL of the CLI and everything it started: a cancelled CI job, a
 * closed laptop) recovers with `pulumi cancel` (the backend is left locked) and `pulumi up`, with no
 * change to the program: the participants the killed run created are identical to their declarations, so
 * the next create records them (with a fresh token, the killed run's being lost) instead of failing.
 *
 * Pacing is set to 20 requests per second (burst 5) rather than lifted, so the kill lands mid-apply.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expectConverged, meetingParticipants, writeRoster } from "./convergence";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(15 * 60 * 1000);

let project: E2eProject;
let declared: string[];

beforeAll(async () => {
  const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rtk-crash-")), "roster.yaml");
  declared = writeRoster(rosterFile, 200);
  project = await createE2eProject("examples/roster", {
    rosterFile,
    "realtimekit:requestsPerSecond": "20",
    "realtimekit:burst": "5",
  });
});

afterAll(async () => {
  await project?.close();
});

/** Every `*.attrs` sidecar under the backend (none with `metadata=skip`, which the harness logs in with). */
function sidecars(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".attrs"));
}

/** Resolves once `condition` holds, polling every 20 ms; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test("pulumi up killed after about a third of 200 participants: cancel and up converge, no program edit", async () => {
  const program = fs.readFileSync(path.join(project.dir, "index.ts"), "utf8");
  const { child, output } = project.startCli(["up", "--yes", "--skip-preview"]);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  await waitFor(
    () => exitedEarly || project.emulator.control.snapshot().participants.length >= 66,
    5 * 60 * 1000,
    "a third of the participants",
  );
  if (exitedEarly) throw new Error(`pulumi up ended before the kill:\n${output()}`);
  process.kill(-(child.pid as number), "SIGKILL");
  await exited;
  const createdBeforeKill = meetingParticipants(project).length;
  expect(createdBeforeKill).toBeGreaterThanOrEqual(66);
  expect(createdBeforeKill).toBeLessThan(200);

  // What the user sees next, and does: the backend is locked, `pulumi cancel` clears it, `pulumi up` again.
  // No metadata sidecar to be caught half-written: the file backend's checkpoint itself is replaced atomically.
  expect(sidecars(project.backendDir)).toEqual([]);
  const locked = await project.runCli(["up", "--yes", "--skip-preview"]);
  expect(locked.status).not.toBe(0);
  expect(locked.stderr).toMatch(/the stack is currently locked.*pulumi cancel/s);
  const cancel = await project.runCli(["cancel", "--yes"]);
  expect(cancel.status).toBe(0);
  const recovery = await project.runCli(["up", "--yes", "--skip-preview"]);
  expect(recovery.stdout + recovery.stderr).not.toMatch(/error:/);
  expect(recovery.status).toBe(0);

  expect(fs.readFileSync(path.join(project.dir, "index.ts"), "utf8")).toBe(program);
  await expectConverged(project, declared);

  // The engine keeps the interrupted creates in the state (every `pulumi up` warns of them) until cleared;
  // with everything recorded, the documented tidy-up clears them and loses nothing.
  type Checkpoint = { checkpoint: { latest: { pending_operations?: unknown[] } } };
  const pending = () =>
    (JSON.parse(project.stateFileText()) as Checkpoint).checkpoint.latest.pending_operations ?? [];
  expect(recovery.stdout + recovery.stderr).toContain("pending operations from previous deployment");
  expect(pending().length).toBeGreaterThan(0);
  const tidy = await project.runCli(["refresh", "--clear-pending-creates", "--yes", "--skip-preview"]);
  expect(tidy.status).toBe(0);
  expect(pending()).toEqual([]);
  await expectConverged(project, declared);
});
