/**
 * A bad hour of the API, through the real CLI: the example program (a Meeting and a Roster of 200) under
 * random faults on every participant route (8% 500, 4% 503, 4% 429 with Retry-After, 3% dropped
 * connections, 5% "created but answered 500" on add, 20% 40 ms latency). One `pulumi up` converges:
 * ambiguous adds are settled by relisting and sent again when absent, everything else is retried.
 *
 * The meeting create gets only the faults a non-idempotent create survives (429, latency): a meeting has no
 * natural key, so a lost answer to its create cannot be told from a create that never happened (docs/troubleshooting.md).
 * Pacing is lifted (`realtimekit:requestsPerSecond: 0`): this test is about faults, not the rate limit.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { FaultSpec } from "../../emulator";
import { expectConverged, writeRoster } from "./convergence";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(15 * 60 * 1000);

/** The fault mix of issue 9, on every route `path` matches; the emulator applies the first that fires. */
function faultMix(path: string): FaultSpec[] {
  return [
    { path, kind: "status", status: 500, probability: 0.08 },
    { path, kind: "status", status: 503, probability: 0.04 },
    { path, kind: "status", status: 429, retryAfterSeconds: 1, probability: 0.04 },
    { path, kind: "drop", probability: 0.03 },
    { path, method: "POST", kind: "persist-then-500", probability: 0.05 },
    { path, kind: "latency", latencyMs: 40, probability: 0.2 },
  ];
}

let project: E2eProject;
let declared: string[];

beforeAll(async () => {
  const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rtk-faults-")), "roster.yaml");
  declared = writeRoster(rosterFile, 200);
  project = await createE2eProject("examples/roster", {
    rosterFile,
    "realtimekit:requestsPerSecond": "0",
  });
});

afterAll(async () => {
  await project?.close();
});

test("one pulumi up of a 200-entry roster under random faults converges", async () => {
  const { control } = project.emulator;
  for (const fault of faultMix("/**/participants/**")) control.injectFault(fault);
  control.injectFault({
    path: "/**/meetings",
    kind: "status",
    status: 429,
    retryAfterSeconds: 1,
    probability: 0.04,
  });
  control.injectFault({ path: "/**/meetings", kind: "latency", latencyMs: 40, probability: 0.2 });

  const up = await project.runCli(["up", "--yes", "--skip-preview"]);
  const counters = control.counters();
  control.clearFaults();
  expect(up.stdout + up.stderr).not.toMatch(/error:/);
  expect(up.status).toBe(0);
  // The faults really fired: many more requests than one add per participant.
  expect(counters.total).toBeGreaterThan(240);

  await expectConverged(project, declared);
});
