/**
 * The same-id scenario of tests/e2e/claims.test.ts (TypeScript) and tests/plugin/yaml-claims.test.ts (YAML):
 * two resources of one program declaring one customParticipantId in one meeting, run through the real CLI.
 */
import type { E2eProject, RunResult } from "../e2e/harness";
import { addParticipant, createMeeting } from "./emulator";

/** A Participant or a Roster (entries take the roster's default preset) of the program under test. */
export type Declaration =
  | { kind: "participant"; name: string; customParticipantId: string; presetName: string }
  | { kind: "roster"; name: string; customParticipantIds: string[] };

/** The shape under test: every declaration, the same without the second claimant, and what the error names. */
export interface Contest {
  all: Declaration[];
  without: Declaration[];
  id: string;
  urns: string[];
}

/**
 * The three shapes of one id claimed twice, in one meeting; `urnOf` gives a Participant's URN in the program
 * under test (with the Roster it belongs to, if any).
 */
export function sameIdShapes(urnOf: (name: string, roster?: string) => string): {
  participants: Contest;
  rosterAndParticipant: Contest;
  rosters: Contest;
} {
  const host: Declaration = {
    kind: "participant",
    name: "host",
    customParticipantId: "host-1",
    presetName: "group_call_host",
  };
  const cohost: Declaration = { ...host, name: "cohost", presetName: "group_call_participant" };
  const team: Declaration = { kind: "roster", name: "team", customParticipantIds: ["host-1", "u2"] };
  const other: Declaration = { kind: "roster", name: "other", customParticipantIds: ["u2", "u3"] };
  return {
    participants: {
      all: [host, cohost],
      without: [host],
      id: "host-1",
      urns: [urnOf("host"), urnOf("cohost")],
    },
    rosterAndParticipant: {
      all: [team, host],
      without: [team],
      id: "host-1",
      urns: [urnOf("team/host-1", "team"), urnOf("host")],
    },
    rosters: {
      all: [team, other],
      without: [team],
      id: "u2",
      urns: [urnOf("team/u2", "team"), urnOf("other/u2", "other")],
    },
  };
}

/** Participant ids in the meeting, by customParticipantId (a list each, so a duplicate shows). */
export function participantsById(project: E2eProject, meetingId: string): Record<string, string[]> {
  const byId: Record<string, string[]> = {};
  for (const p of project.emulator.control.snapshot().participants) {
    if (p.meeting_id === meetingId) (byId[p.custom_participant_id] ??= []).push(p.id);
  }
  return byId;
}

function expectClaimError(run: RunResult, meetingId: string, contest: Contest): void {
  const output = run.stdout + run.stderr;
  expect(run.status).not.toBe(0);
  expect(output).toContain(`customParticipantId "${contest.id}" in meeting ${meetingId}`);
  for (const urn of contest.urns) expect(output).toContain(urn);
  expect(output).toContain("A participant has one owner in a deployment");
}

/** At most one participant per id; the contested one, once it exists, is always the same participant. */
function expectOneOwner(project: E2eProject, meetingId: string, contest: Contest, seen: string[]): string[] {
  const now = participantsById(project, meetingId);
  for (const ids of Object.values(now)) expect(ids).toHaveLength(1);
  const contested = now[contest.id] ?? [];
  if (seen.length > 0) expect(contested).toEqual(seen);
  return contested;
}

/** A run that must succeed, with its output in the failure message when it does not. */
function expectSuccess(run: RunResult): void {
  expect({ status: run.status, output: run.status === 0 ? "" : run.stdout + run.stderr }).toEqual({
    status: 0,
    output: "",
  });
}

/**
 * Both claimants new: `up` refuses the second (the engine stops at the refusal, so the first may or may not
 * have been created by then) and destroy cleans up. Then with the first claimant in state: `up` (its preview)
 * and preview refuse the second, and the first one's participant is never replaced, duplicated or taken over; without the
 * second claimant `up` succeeds and keeps it; destroy deletes what the stack owns and leaves a participant
 * added outside it.
 */
export async function runContest(
  project: E2eProject,
  writeProgram: (meetingId: string, declarations: Declaration[]) => void,
  contest: Contest,
): Promise<void> {
  const meetingId = await createMeeting(project.emulator, { title: "claims" });
  const outsider = await addParticipant(project.emulator, meetingId, { custom_participant_id: "outsider" });
  const up = (): Promise<RunResult> => project.runCli(["up", "--yes", "--skip-preview"]);
  const destroy = (): Promise<RunResult> => project.runCli(["destroy", "--yes", "--skip-preview"]);

  writeProgram(meetingId, contest.all);
  expectClaimError(await up(), meetingId, contest);
  expectOneOwner(project, meetingId, contest, []);
  expectSuccess(await destroy());
  expect(participantsById(project, meetingId)).toEqual({ outsider: [outsider.id] });

  writeProgram(meetingId, contest.without);
  expectSuccess(await up());
  const first = expectOneOwner(project, meetingId, contest, []);
  expect(first).toHaveLength(1);

  // With a preview first (`pulumi up`'s default), whichever of the two registers first: the preview sees both.
  writeProgram(meetingId, contest.all);
  expectClaimError(await project.runCli(["up", "--yes"]), meetingId, contest);
  expectOneOwner(project, meetingId, contest, first);
  expectClaimError(await project.runCli(["preview"]), meetingId, contest);

  writeProgram(meetingId, contest.without);
  expectSuccess(await up());
  expectOneOwner(project, meetingId, contest, first);

  expectSuccess(await destroy());
  expect(participantsById(project, meetingId)).toEqual({ outsider: [outsider.id] });
}
