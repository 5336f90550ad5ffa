/**
 * One owner per participant, through the real CLI and the dynamic-provider host: two resources of one
 * program declaring the same customParticipantId in one meeting (two Participants; a Roster and a
 * Participant; two Rosters with overlapping lists). The second claimant fails naming both resources and the
 * meeting, the API holds exactly one participant per id, and removing the failed claimant deletes nothing it
 * does not own (the scenario: tests/helpers/claims.ts). The YAML version is tests/plugin/yaml-claims.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { runContest, sameIdShapes, type Declaration } from "../helpers/claims";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

const PARTICIPANT = "pulumi-nodejs:dynamic/realtimekit:Participant";
const urnOf = (name: string, roster?: string): string =>
  `urn:pulumi:e2e::e2e-claims::${roster ? "realtimekit:index:Roster$" : ""}${PARTICIPANT}::${name}`;

let project: E2eProject;
let planFile: string;

beforeAll(async () => {
  project = await createE2eProject("tests/e2e/programs/claims");
  planFile = path.join(project.dir, "plan.json");
  await project.stack.setConfig("planFile", { value: planFile });
});

afterAll(async () => {
  await project?.close();
});

function writePlan(meeting: string, resources: Declaration[]): void {
  fs.writeFileSync(planFile, JSON.stringify({ meeting, resources }));
}

const shapes = sameIdShapes(urnOf);

test("two Participants with one id: one participant, the second refused naming both", async () => {
  await runContest(project, writePlan, shapes.participants);
});

test("a Roster and a Participant with one id: one participant, the second refused naming both", async () => {
  await runContest(project, writePlan, shapes.rosterAndParticipant);
});

test("two Rosters with overlapping lists: one participant per id, the second refused naming both", async () => {
  await runContest(project, writePlan, shapes.rosters);
});

test("the program refuses two declarations on one meeting output before anything runs", async () => {
  writePlan("shared", shapes.rosterAndParticipant.all);
  const before = project.emulator.control.counters().mutating;
  const preview = await project.runCli(["preview"]);
  expect(preview.status).not.toBe(0);
  expect(preview.stdout + preview.stderr).toContain(
    'Participant "host" declares customParticipantId "host-1" in the same meeting as Participant "team/host-1"',
  );
  expect(project.emulator.control.counters().mutating).toBe(before);
});
