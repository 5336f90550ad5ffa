/**
 * The roster example (examples/roster, what `make demo` runs) through the real Pulumi CLI against the
 * emulator: a 50-entry roster file, reorders, edits, additions and removals, pruning, meeting changes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addParticipant } from "../helpers/emulator";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

interface Entry {
  customParticipantId: string;
  name: string;
  presetName?: string;
}

const PRESETS = ["group_call_host", "group_call_participant", "webinar_presenter", "webinar_viewer"];
const PARTICIPANTS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants";

let project: E2eProject;
let rosterFile: string;
let entries: Entry[];

/** Writes the roster as YAML, in the given order. */
function writeRoster(list: Entry[]): void {
  const yaml = list
    .map(
      (e) =>
        `- customParticipantId: ${e.customParticipantId}\n  name: ${e.name}\n` +
        (e.presetName ? `  presetName: ${e.presetName}\n` : ""),
    )
    .join("");
  fs.writeFileSync(rosterFile, yaml);
}

function snapshot() {
  return project.emulator.control.snapshot();
}

function meetingParticipants(): Map<string, ReturnType<typeof snapshot>["participants"][number]> {
  const { meetings, participants } = snapshot();
  expect(meetings).toHaveLength(1);
  return new Map(
    participants.filter((p) => p.meeting_id === meetings[0].id).map((p) => [p.custom_participant_id, p]),
  );
}

/** Mutating calls since the last counter reset, by route. */
function mutatingCalls(): Record<string, number> {
  return Object.fromEntries(
    Object.entries(project.emulator.control.counters().byRoute).filter(([key]) => !key.startsWith("GET ")),
  );
}

beforeAll(async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rtk-roster-"));
  rosterFile = path.join(scratch, "roster.yaml");
  entries = Array.from({ length: 50 }, (_, i) => ({
    customParticipantId: `member-${String(i).padStart(2, "0")}`,
    name: `Member ${i}`,
    presetName: PRESETS[i % PRESETS.length],
  }));
  writeRoster(entries);
  project = await createE2eProject("examples/roster", { rosterFile, meetingTitle: "All hands" });
});

afterAll(async () => {
  await project?.close();
});

test("up of a 50-entry roster file creates the meeting and all 50 participants", async () => {
  const result = await project.stack.up();
  expect(result.summary.resourceChanges?.create).toBe(53); // stack, meeting, roster component, 50 participants

  const held = meetingParticipants();
  expect(held.size).toBe(50);
  const outputs = await project.stack.outputs();
  expect(outputs.tokens.secret).toBe(true);
  const ids = outputs.participantIds.value as Record<string, string>;
  for (const entry of entries) {
    expect(ids[entry.customParticipantId]).toBe(held.get(entry.customParticipantId)?.id);
  }
  expect(snapshot().meetings[0].fields.title).toBe("All hands");
  expect(outputs.unmanagedCount.value).toBe(0);
});

test("the roster component keeps no copy of the ids and tokens, each token is encrypted, and the package keeps under 4 KB of state per participant", async () => {
  interface StateResource {
    type: string;
    outputs?: Record<string, unknown>;
    sourcePosition?: string;
    stackTrace?: unknown[];
  }
  const text = project.stateFileText();
  const { resources } = (JSON.parse(text) as { checkpoint: { latest: { resources: StateResource[] } } })
    .checkpoint.latest;
  const roster = resources.find((r) => r.type === "realtimekit:index:Roster");
  expect(Object.keys(roster?.outputs ?? {})).toEqual(["unmanagedCount"]);
  const participants = resources.filter((r) => r.type.endsWith("realtimekit:Participant"));
  expect(participants).toHaveLength(50);
  for (const participant of participants) {
    expect(participant.outputs?.token).toEqual(expect.objectContaining({ ciphertext: expect.any(String) }));
    // Registration skips the promise-leak stack stamps, not the resource's own source position.
    expect(participant.sourcePosition).toMatch(/participant\.(ts|js)#\d+/);
    expect(participant.stackTrace?.length).toBeGreaterThan(1);
    // As the file backend writes it (compact JSON), inputs, outputs and the engine's own fields included.
    expect(Buffer.byteLength(JSON.stringify(participant))).toBeLessThan(3584);
  }
  // Everything but the stack's own outputs (the program exports every token once more, as one secret).
  const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
  const rest = Buffer.byteLength(text) - Buffer.byteLength(JSON.stringify(stack));
  expect(rest / participants.length).toBeLessThan(4096);
});

test("reordering the roster file changes nothing", async () => {
  writeRoster([...entries].reverse());
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 53 });
});

test("changing one preset is one in-place update and one PATCH", async () => {
  expect(entries[7].presetName).toBe("webinar_viewer");
  entries[7] = { ...entries[7], presetName: "group_call_host" };
  writeRoster(entries);
  const before = meetingParticipants().get("member-07")?.id;
  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 52, update: 1 });
  expect(preview.stdout).toContain("member-07");

  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(mutatingCalls()).toEqual({ [`PATCH ${PARTICIPANTS}/{participant_id}`]: 1 });
  expect(meetingParticipants().get("member-07")?.id).toBe(before);
});

test("adding two entries and removing one is two creates and one delete", async () => {
  entries = [
    ...entries.filter((e) => e.customParticipantId !== "member-30"),
    { customParticipantId: "guest-a", name: "Guest A", presetName: "webinar_viewer" },
    { customParticipantId: "guest-b", name: "Guest B" }, // no preset: the roster default applies
  ];
  writeRoster(entries);
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 52, create: 2, delete: 1 });

  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(mutatingCalls()).toEqual({
    [`POST ${PARTICIPANTS}`]: 2,
    [`DELETE ${PARTICIPANTS}/{participant_id}`]: 1,
  });
  const held = meetingParticipants();
  expect(held.size).toBe(51);
  expect(held.has("member-30")).toBe(false);
  expect(held.has("guest-b")).toBe(true);
});

test("prune: participants added behind Pulumi's back are listed in the preview and deleted by up", async () => {
  const meetingId = snapshot().meetings[0].id;
  await addParticipant(project.emulator, meetingId, { custom_participant_id: "intruder-1" });
  await addParticipant(project.emulator, meetingId, { custom_participant_id: "intruder-2" });

  const nonAuthoritative = await project.stack.up();
  expect(nonAuthoritative.summary.resourceChanges).toEqual({ same: 54 }); // 51 participants now
  expect((await project.stack.outputs()).unmanagedCount.value).toBe(2);
  expect(meetingParticipants().has("intruder-1")).toBe(true); // left alone without prune

  await project.stack.setConfig("prune", { value: "true" });
  // The brake: more to delete than maxDeletes fails the preview, and up deletes nothing.
  await project.stack.setConfig("maxDeletes", { value: "1" });
  const braked = await project.runCli(["preview"]);
  expect(braked.status).not.toBe(0);
  expect(braked.stdout + braked.stderr).toContain(
    "would delete 2 undeclared participants of meeting " +
      `${meetingId}, more than \`maxDeletes\` (1); nothing was deleted.`,
  );
  project.emulator.control.resetCounters();
  expect((await project.runCli(["up", "--yes", "--skip-preview"])).status).not.toBe(0);
  expect(mutatingCalls()).toEqual({});
  await project.stack.setConfig("maxDeletes", { value: "2" });

  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 54, create: 1 }); // the roster's pruner
  expect(preview.stdout).toContain("intruder-1");
  expect(preview.stdout).toContain("intruder-2");
  // One line says how many go, and names them.
  expect((await project.runCli(["preview"])).stdout).toContain(
    `Roster "standup" (prune: true) will delete 2 participants of meeting ${meetingId} that it does not ` +
      'declare: "intruder-1", "intruder-2"',
  );

  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(mutatingCalls()).toEqual({ [`DELETE ${PARTICIPANTS}/{participant_id}`]: 2 });
  const held = meetingParticipants();
  expect(held.has("intruder-1") || held.has("intruder-2")).toBe(false);
  expect(held.size).toBe(51);
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 55 });
});

test("with prune on, removing an entry is that participant's own delete, not listed again by the pruner", async () => {
  entries = entries.filter((e) => e.customParticipantId !== "member-31");
  writeRoster(entries);
  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 54, delete: 1 });

  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(mutatingCalls()).toEqual({ [`DELETE ${PARTICIPANTS}/{participant_id}`]: 1 });
  expect(meetingParticipants().has("member-31")).toBe(false);
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 54 });
});

test("a meeting title change is one update of the meeting only", async () => {
  await project.stack.setConfig("meetingTitle", { value: "All hands (moved)" });
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 53, update: 1 });

  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(mutatingCalls()).toEqual({
    ["PATCH /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}"]: 1,
  });
  expect(snapshot().meetings[0].fields.title).toBe("All hands (moved)");
});

test("destroy deletes the participants and marks the meeting INACTIVE (the API has no meeting delete)", async () => {
  await project.stack.destroy();
  expect(meetingParticipants().size).toBe(0);
  expect(snapshot().meetings[0].status).toBe("INACTIVE");
});
