/**
 * The real Pulumi engine (CLI + Node language host + dynamic-provider host) driving Participants against
 * the emulator: preview diffs, in-place updates and token rotation, secrets in state, drift, idempotence.
 */
import * as fs from "fs";
import * as path from "path";
import { callApi, createMeeting } from "../helpers/emulator";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

interface Entry {
  resourceName: string;
  customParticipantId: string;
  presetName: string;
  name?: string;
  tokenRotation?: string | number;
}

const PARTICIPANTS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants";
const route = (method: string, suffix = "") => `${method} ${PARTICIPANTS}${suffix}`;

let project: E2eProject;
let rosterFile: string;
let meetingId: string;

function writeRoster(participants: Entry[]): void {
  fs.writeFileSync(rosterFile, JSON.stringify({ meetingId, participants }, null, 2));
}

/** Mutating request counts per participant route since the last reset. */
function participantCalls(): Record<string, number> {
  const byRoute = project.emulator.control.counters().byRoute;
  return Object.fromEntries(
    Object.entries(byRoute).filter(([key]) => key.includes("/participants") && !key.startsWith("GET ")),
  );
}

/** Reads since the last reset: creates look the meeting up once (shared list), never once per participant. */
function participantReads(): number {
  const byRoute = project.emulator.control.counters().byRoute;
  return Object.entries(byRoute)
    .filter(([key]) => key.includes("/participants") && key.startsWith("GET "))
    .reduce((sum, [, n]) => sum + n, 0);
}

async function tokensOutput(): Promise<Record<string, string>> {
  const outputs = await project.stack.outputs();
  expect(outputs.tokens.secret).toBe(true);
  return outputs.tokens.value as Record<string, string>;
}

async function idsOutput(): Promise<Record<string, string>> {
  return (await project.stack.outputs()).participantIds.value as Record<string, string>;
}

function emulatorParticipants() {
  return project.emulator.control.snapshot().participants.filter((p) => p.meeting_id === meetingId);
}

const initialRoster: Entry[] = [
  { resourceName: "alice", customParticipantId: "alice", presetName: "group_call_host", name: "Alice" },
  { resourceName: "bob", customParticipantId: "bob", presetName: "group_call_participant", name: "Bob" },
  { resourceName: "carol", customParticipantId: "carol", presetName: "webinar_viewer", name: "Carol" },
  { resourceName: "dave", customParticipantId: "dave", presetName: "group_call_participant", name: "Dave" },
  { resourceName: "erin", customParticipantId: "erin", presetName: "webinar_presenter" },
];

beforeAll(async () => {
  const scratch = fs.mkdtempSync(path.join(require("os").tmpdir(), "rtk-e2e-"));
  rosterFile = path.join(scratch, "roster.json");
  project = await createE2eProject("tests/e2e/programs/participants", { rosterFile });
  meetingId = await createMeeting(project.emulator, { title: "e2e" });
});

afterAll(async () => {
  await project?.close();
});

test("up creates every declared participant and the outputs match what the emulator holds", async () => {
  writeRoster(initialRoster);
  const result = await project.stack.up();
  expect(result.summary.resourceChanges).toMatchObject({ create: 6 }); // 5 participants + the stack

  const held = emulatorParticipants();
  expect(held.map((p) => p.custom_participant_id).sort()).toEqual(["alice", "bob", "carol", "dave", "erin"]);
  const ids = await idsOutput();
  for (const p of held) expect(ids[p.custom_participant_id]).toBe(p.id);
  expect(participantCalls()).toEqual({ [route("POST")]: 5 });
  expect(participantReads()).toBe(1);
});

test("a second up with no edits makes zero mutating API calls", async () => {
  project.emulator.control.resetCounters();
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 6 });
  const result = await project.stack.up();
  expect(result.summary.resourceChanges).toEqual({ same: 6 });
  expect(project.emulator.control.counters().mutating).toBe(0);
});

test("state on disk and the exported stack hold no participant token and no API token in plaintext", async () => {
  const tokens = await tokensOutput();
  expect(Object.keys(tokens).sort()).toEqual(["alice", "bob", "carol", "dave", "erin"]);
  const exported = project.cli(["stack", "export"]);
  const onDisk = project.stateFileText();
  for (const text of [exported, onDisk]) {
    expect(text).toContain('"ciphertext"');
    for (const token of Object.values(tokens)) {
      expect(token.split(".")).toHaveLength(3); // a JWT, revealed by --show-secrets
      expect(text.includes(token)).toBe(false); // (not toContain: a failure would print the state)
    }
    expect(text.includes(project.emulator.apiToken)).toBe(false);
  }
  const revealed = JSON.parse(project.cli(["stack", "output", "tokens", "--show-secrets", "--json"]));
  expect(revealed).toEqual(tokens);
});

test("preview of an edited roster shows exactly one update, create, delete and replace per change", async () => {
  writeRoster([
    { ...initialRoster[0], name: "Alice Liddell" }, // name: update in place
    { ...initialRoster[1], presetName: "group_call_host" }, // preset: update in place
    initialRoster[2],
    // dave removed: delete
    { ...initialRoster[4], customParticipantId: "erin-2" }, // new customParticipantId: replace
    { resourceName: "frank", customParticipantId: "frank", presetName: "webinar_viewer", name: "Frank" }, // create
  ]);
  const idsBefore = await idsOutput();
  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 2, update: 2, create: 1, delete: 1, replace: 1 });
  // alice's block of the --diff output: its header, then exactly one changed property.
  const aliceBlock = preview.stdout
    .split(/\n(?=\s+[-+~]*\s*pulumi-nodejs:dynamic)/)
    .find((block) => block.includes("::alice]"));
  expect(aliceBlock).toMatch(/~ name\s*: "Alice" => "Alice Liddell"/);
  expect(aliceBlock?.match(/^\s+~ /gm)).toHaveLength(2);

  project.emulator.control.resetCounters();
  const result = await project.stack.up();
  expect(result.summary.resourceChanges).toEqual({ same: 2, update: 2, create: 1, delete: 1, replace: 1 });
  // One call per change: two PATCHes, one add, one delete, and the replace's add + delete.
  expect(participantCalls()).toEqual({
    [route("PATCH", "/{participant_id}")]: 2,
    [route("POST")]: 2,
    [route("DELETE", "/{participant_id}")]: 2,
  });
  expect(participantReads()).toBe(1);

  const held = new Map(emulatorParticipants().map((p) => [p.custom_participant_id, p]));
  expect([...held.keys()].sort()).toEqual(["alice", "bob", "carol", "erin-2", "frank"]);
  expect(held.get("alice")?.name).toBe("Alice Liddell");
  const idsAfter = await idsOutput();
  expect(idsAfter.alice).toBe(idsBefore.alice);
  expect(idsAfter.bob).toBe(idsBefore.bob);
  expect(idsAfter["erin-2"]).not.toBe(idsBefore.erin);
});

test("changing tokenRotation is one in-place update: same participant id, new token", async () => {
  const before = { id: (await idsOutput()).carol, token: (await tokensOutput()).carol };
  writeRoster([
    { ...initialRoster[0], name: "Alice Liddell" },
    { ...initialRoster[1], presetName: "group_call_host" },
    { ...initialRoster[2], tokenRotation: "2026-11" },
    { ...initialRoster[4], customParticipantId: "erin-2" },
    { resourceName: "frank", customParticipantId: "frank", presetName: "webinar_viewer", name: "Frank" },
  ]);
  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 5, update: 1 });

  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(participantCalls()).toEqual({ [route("POST", "/{participant_id}/token")]: 1 });
  const after = { id: (await idsOutput()).carol, token: (await tokensOutput()).carol };
  expect(after.id).toBe(before.id);
  expect(after.token).not.toBe(before.token);
  expect(project.stateFileText().includes(after.token)).toBe(false);
});

test("refresh detects drift: a deleted participant leaves state, an edited one is recorded; up repairs both", async () => {
  const ids = await idsOutput();
  expect(
    (await callApi(project.emulator, "DELETE", `/meetings/${meetingId}/participants/${ids.frank}`)).status,
  ).toBe(200);
  const edited = await callApi(project.emulator, "PATCH", `/meetings/${meetingId}/participants/${ids.bob}`, {
    name: "Robert (edited in the dashboard)",
  });
  expect(edited.status).toBe(200);

  const refresh = await project.stack.refresh();
  expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1, update: 1 });
  const state = JSON.stringify(await project.stack.exportStack());
  expect(state).toContain("Robert (edited in the dashboard)");

  const preview = await project.stack.preview();
  expect(preview.changeSummary).toEqual({ same: 4, update: 1, create: 1 });
  await project.stack.up();
  const held = new Map(emulatorParticipants().map((p) => [p.custom_participant_id, p]));
  expect(held.get("bob")?.name).toBe("Bob");
  expect(held.has("frank")).toBe(true);
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 6 });
});

test("destroy removes every participant from the emulator", async () => {
  project.emulator.control.resetCounters();
  await project.stack.destroy();
  expect(emulatorParticipants()).toEqual([]);
  expect(participantCalls()).toEqual({ [route("DELETE", "/{participant_id}")]: 5 });
});
