/**
 * Hostile input through the real engine: a check failure reaches `pulumi preview` naming the property,
 * with no value repeated (the engine prints an input's raw value beside a failure that names a property,
 * so the provider names it in the reason instead), no forged log line, and no API call.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

const PAYLOAD = "hunter2-payload";
let project: E2eProject;
let rosterFile: string;

beforeAll(async () => {
  rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rtk-e2e-hostile-")), "roster.json");
  project = await createE2eProject("tests/e2e/programs/participants", { rosterFile }, "hostile");
});

afterAll(async () => {
  await project?.close();
});

test("preview rejects a forged id and a secret-looking URL without echoing either or calling the API", async () => {
  const participant = {
    resourceName: "eve",
    customParticipantId: `eve\nerror: forged ${PAYLOAD}`,
    presetName: "group_call_participant",
    picture: `javascript:alert("${PAYLOAD}")`,
  };
  fs.writeFileSync(
    rosterFile,
    JSON.stringify({ meetingId: "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40", participants: [participant] }),
  );
  project.emulator.control.resetCounters();
  const failure = await project.stack.preview().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  expect(failure).toContain("resource 'eve' has a problem: `customParticipantId` must be");
  expect(failure).toContain("resource 'eve' has a problem: `picture` must be an absolute http(s) URL");
  expect(failure).not.toContain(PAYLOAD);
  expect(failure).not.toMatch(/^\s*error: forged/m);
  expect(project.emulator.control.counters().total).toBe(0);
});
