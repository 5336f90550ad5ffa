/**
 * One owner per participant, through the real CLI and the dynamic-provider host: two resources of one
 * program declaring the same customParticipantId in one meeting (two Participants; a Roster and a
 * Participant; two Rosters with overlapping lists). The second claimant fails naming both resources and the
 * meeting, the API holds exactly one participant per id, and removing the failed claimant deletes nothing it
 * does not own. The YAML (plugin) version is tests/plugin/yaml-claims.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { addParticipant, createMeeting } from "../helpers/emulator";
import { createE2eProject, type E2eProject, type RunResult } from "./harness";

jest.setTimeout(10 * 60 * 1000);

type Declaration =
  | { kind: "participant"; name: string; customParticipantId: string; presetName: string }
  | { kind: "roster"; name: string; customParticipantIds: string[] };

const PARTICIPANT = "pulumi-nodejs:dynamic/realtimekit:Participant";
const urnOf = (name: string, roster?: string): string =>
  `urn:pulumi:e2e::e2e-claims::${roster ? `realtimekit:index:Roster$` : ""}${PARTICIPANT}::${name}`;

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

/** Participant ids in the meeting, by customParticipantId (a list each, so a duplicate shows). */
function held(meetingId: string): Record<string, string[]> {
  const byId: Record<string, string[]> = {};
  for (const p of project.emulator.control.snapshot().participants) {
    if (p.meeting_id !== meetingId) continue;
    (byId[p.custom_participant_id] ??= []).push(p.id);
  }
  return byId;
}

function expectClaimError(run: RunResult, meetingId: string, id: string, urns: string[]): void {
  const output = run.stdout + run.stderr;
  expect(run.status).not.toBe(0);
  expect(output).toContain(`customParticipantId "${id}" in meeting ${meetingId}`);
  for (const urn of urns) expect(output).toContain(urn);
  expect(output).toContain("A participant has one owner in a deployment");
}

/**
 * The scenario every shape goes through: `up` (no preview) creates the first claimant and refuses the
 * second; preview and `up` refuse it again with the first one in state; without the second claimant `up`
 * succeeds and keeps the first one's participant; destroy deletes what the stack owns and nothing else.
 */
async function contest(
  declarations: (meetingId: string) => { all: Declaration[]; without: Declaration[] },
  contested: { id: string; urns: string[] },
): Promise<void> {
  const meetingId = await createMeeting(project.emulator, { title: "claims" });
  const outsider = await addParticipant(project.emulator, meetingId, { custom_participant_id: "outsider" });
  const { all, without } = declarations(meetingId);
  writePlan(meetingId, all);

  expectClaimError(
    await project.runCli(["up", "--yes", "--skip-preview"]),
    meetingId,
    contested.id,
    contested.urns,
  );
  const first = held(meetingId);
  for (const ids of Object.values(first)) expect(ids).toHaveLength(1);
  expect(first[contested.id]).toHaveLength(1);

  expectClaimError(await project.runCli(["preview"]), meetingId, contested.id, contested.urns);
  expectClaimError(
    await project.runCli(["up", "--yes", "--skip-preview"]),
    meetingId,
    contested.id,
    contested.urns,
  );
  expect(held(meetingId)).toEqual(first);

  writePlan(meetingId, without);
  const up = await project.runCli(["up", "--yes", "--skip-preview"]);
  expect(up.status).toBe(0);
  expect(held(meetingId)[contested.id]).toEqual(first[contested.id]);

  const destroy = await project.runCli(["destroy", "--yes", "--skip-preview"]);
  expect(destroy.status).toBe(0);
  expect(held(meetingId)).toEqual({ outsider: [outsider.id] });
}

test("two Participants with one id: one participant, the second refused naming both", async () => {
  const a: Declaration = {
    kind: "participant",
    name: "host",
    customParticipantId: "p-9",
    presetName: "group_call_host",
  };
  const b: Declaration = {
    kind: "participant",
    name: "cohost",
    customParticipantId: "p-9",
    presetName: "group_call_participant",
  };
  await contest(() => ({ all: [a, b], without: [a] }), { id: "p-9", urns: [urnOf("host"), urnOf("cohost")] });
});

test("a Roster and a Participant with one id: one participant, the second refused naming both", async () => {
  const team: Declaration = { kind: "roster", name: "team", customParticipantIds: ["host-1", "u2"] };
  const host: Declaration = {
    kind: "participant",
    name: "host",
    customParticipantId: "host-1",
    presetName: "group_call_host",
  };
  await contest(() => ({ all: [team, host], without: [team] }), {
    id: "host-1",
    urns: [urnOf("team/host-1", "team"), urnOf("host")],
  });
});

test("two Rosters with overlapping lists: one participant per id, the second refused naming both", async () => {
  const team: Declaration = { kind: "roster", name: "team", customParticipantIds: ["host-1", "u2"] };
  const other: Declaration = { kind: "roster", name: "other", customParticipantIds: ["u2", "u3"] };
  await contest(() => ({ all: [team, other], without: [team] }), {
    id: "u2",
    urns: [urnOf("team/u2", "team"), urnOf("other/u2", "other")],
  });
});

test("the program refuses two declarations on one meeting output before anything runs", async () => {
  writePlan("shared", [
    { kind: "roster", name: "team", customParticipantIds: ["host-1"] },
    { kind: "participant", name: "host", customParticipantId: "host-1", presetName: "group_call_host" },
  ]);
  const before = project.emulator.control.counters().mutating;
  const preview = await project.runCli(["preview"]);
  expect(preview.status).not.toBe(0);
  const output = preview.stdout + preview.stderr;
  expect(output).toContain(
    'Participant "host" declares customParticipantId "host-1" in the same meeting as Participant "team/host-1"',
  );
  expect(project.emulator.control.counters().mutating).toBe(before);
});
