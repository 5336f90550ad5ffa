/**
 * Hostile input through the real engine: a check failure reaches `pulumi preview` naming the property,
 * with no value repeated (the engine prints an input's raw value beside a failure that names a property,
 * so the provider names it in the reason instead), no forged log line, and no API call.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createMeeting } from "../helpers/emulator";
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

test("a base URL that would send the token in cleartext fails before any request, naming the config key", async () => {
  const meetingId = await createMeeting(project.emulator, { title: "hostile base URL" });
  const participant = { resourceName: "ann", customParticipantId: "ann", presetName: "group_call_host" };
  fs.writeFileSync(rosterFile, JSON.stringify({ meetingId, participants: [participant] }));
  await project.stack.setConfig("realtimekit:baseUrl", { value: "http://example.com/client/v4" });
  try {
    const result = await project.runCli(["up", "--yes", "--skip-preview"]);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain(
      "RealtimeKit configuration: Pulumi config `realtimekit:baseUrl` must be an absolute https URL",
    );
    expect(output).toContain("plain http would send the API token in cleartext");
    expect(output).not.toMatch(/^\s+at /m);
  } finally {
    await project.stack.setConfig("realtimekit:baseUrl", { value: project.emulator.baseUrl });
  }
  // The emulator's own loopback http URL works (every other e2e test uses it too).
  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(project.emulator.control.counters().total).toBeGreaterThan(0);
});
