/**
 * What the fault and crash tests check after a run: the example roster program (a Meeting and a Roster
 * read from a YAML file) converged. Exactly the declared participants, each once, every token in the one
 * secret map and valid for its participant, and a preview with no changes.
 */
import * as fs from "fs";
import { decodeJwt } from "../helpers/emulator";
import type { E2eProject } from "./harness";

/** Writes a roster file of `count` entries (`u-000`, `u-001`, …) and returns their customParticipantIds. */
export function writeRoster(file: string, count: number): string[] {
  const ids = Array.from({ length: count }, (_, i) => `u-${String(i).padStart(3, "0")}`);
  fs.writeFileSync(file, ids.map((id, i) => `- customParticipantId: ${id}\n  name: User ${i}\n`).join(""));
  return ids;
}

/** Participants of the project's one meeting, as the emulator holds them. */
export function meetingParticipants(project: E2eProject) {
  const { meetings, participants } = project.emulator.control.snapshot();
  expect(meetings).toHaveLength(1);
  return participants.filter((participant) => participant.meeting_id === meetings[0].id);
}

/** Asserts the stack and the meeting hold exactly `declared`, once each, with a valid token each. */
export async function expectConverged(project: E2eProject, declared: string[]): Promise<void> {
  const held = meetingParticipants(project);
  const customIds = held.map((participant) => participant.custom_participant_id);
  expect(held).toHaveLength(declared.length);
  expect(new Set(customIds).size).toBe(customIds.length); // no customParticipantId twice
  expect([...customIds].sort()).toEqual([...declared].sort());

  const outputs = await project.stack.outputs();
  expect(outputs.tokens.secret).toBe(true);
  const tokens = outputs.tokens.value as Record<string, string>;
  const ids = outputs.participantIds.value as Record<string, string>;
  expect(Object.keys(tokens).sort()).toEqual([...declared].sort());
  for (const participant of held) {
    expect(ids[participant.custom_participant_id]).toBe(participant.id);
    const claims = decodeJwt(tokens[participant.custom_participant_id]);
    expect(claims.participantId).toBe(participant.id);
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  }

  const preview = await project.runCli(["preview", "--expect-no-changes"]);
  expect(preview.stderr).toBe("");
  expect(preview.status).toBe(0);
}
