/**
 * The Roster component's wiring, run under Pulumi's mocks in a child process (fixtures/roster-mocks.ts;
 * jest breaks Pulumi's closure serialization), with the program-time meeting listing answered by the
 * emulator. Needs `npm run build` first: the fixture loads the package by name, as programs do.
 */
import * as path from "node:path";
import { addParticipant, createMeeting, useEmulator, type AddedParticipant } from "../helpers/emulator";
import { runMocksProgram } from "../helpers/mocks-program";

const FIXTURE = path.join(__dirname, "fixtures/roster-mocks.ts");
const ROSTER_FILES = path.join(__dirname, "fixtures/roster");

const emu = useEmulator({ resetBeforeEach: false });

interface RosterReport {
  name: string;
  error?: string;
  urn?: string;
  childUrns?: Record<string, string>;
  participantIds?: Record<string, string>;
  tokens?: Record<string, string>;
  tokensSecret?: boolean;
  unmanagedCount?: number | null;
  pruneInputs?: {
    undeclared: { customParticipantId: string; participantId: string }[];
    managed: Record<string, string>;
  } | null;
}

interface ProgramResult {
  registrations: { type: string; name: string; inputs: Record<string, unknown> }[];
  reports: RosterReport[];
}

/** Runs the fixture program with these rosters; the emulator answers its meeting listings. */
const runProgram = (plan: { name: string; args: Record<string, unknown> }[]): Promise<ProgramResult> =>
  runMocksProgram<ProgramResult>(FIXTURE, emu, { ROSTER_PLAN: JSON.stringify(plan) });

const team = [
  { customParticipantId: "alice", presetName: "group_call_host", name: "Alice" },
  {
    customParticipantId: "bob",
    presetName: "group_call_participant",
    picture: "https://example.com/bob.png",
  },
  { customParticipantId: "carol", name: "Carol", tokenRotation: 3 },
];

describe("a Roster under Pulumi's mocks", () => {
  let meetingId: string;
  let emptyMeetingId: string;
  let outsiders: AddedParticipant[];
  let result: ProgramResult;
  const report = (name: string): RosterReport => {
    const found = result.reports.find((r) => r.name === name);
    if (!found) throw new Error(`no report for ${name}`);
    return found;
  };
  const childInputs = (roster: string): Record<string, Record<string, unknown>> =>
    Object.fromEntries(
      result.registrations
        .filter(
          (r) =>
            r.type === "pulumi-nodejs:dynamic/realtimekit:Participant" && r.name.startsWith(`${roster}/`),
        )
        .map((r) => [r.name.slice(roster.length + 1), r.inputs]),
    );

  beforeAll(async () => {
    meetingId = await createMeeting(emu, { title: "Team" });
    emptyMeetingId = await createMeeting(emu, { title: "Empty" });
    // Declared by the rosters, but already in the meeting: not "unmanaged".
    await addParticipant(emu, meetingId, { custom_participant_id: "alice", preset_name: "group_call_host" });
    // Added behind Pulumi's back (in an order unlike the sorted one).
    outsiders = [
      await addParticipant(emu, meetingId, { custom_participant_id: "zed" }),
      await addParticipant(emu, meetingId, { custom_participant_id: "yan" }),
    ];
    result = await runProgram([
      { name: "team", args: { meetingId, participants: team, defaults: { presetName: "webinar_viewer" } } },
      {
        name: "reordered",
        args: { meetingId, participants: [...team].reverse(), defaults: { presetName: "webinar_viewer" } },
      },
      {
        name: "strict",
        args: { meetingId, participants: team, defaults: { presetName: "webinar_viewer" }, prune: true },
      },
      {
        name: "fromfile",
        args: {
          meetingId: emptyMeetingId,
          file: path.join(ROSTER_FILES, "good.csv"),
          defaults: { presetName: "webinar_viewer" },
          adopt: true,
          refreshBeforeExpiry: 7200,
        },
      },
    ]);
  }, 60_000);

  it("names each child Participant <roster>/<customParticipantId> and parents it to the roster", () => {
    const { urn, childUrns } = report("team");
    expect(urn).toMatch(/::realtimekit:index:Roster::team$/);
    expect(Object.keys(childUrns ?? {}).sort()).toEqual(["alice", "bob", "carol"]);
    expect(childUrns?.alice).toMatch(
      /::realtimekit:index:Roster\$pulumi-nodejs:dynamic\/realtimekit:Participant::team\/alice$/,
    );
  });

  it("passes each entry's fields to its Participant and fills a missing preset from the defaults", () => {
    const inputs = childInputs("team");
    expect(inputs.alice).toMatchObject({
      meetingId,
      customParticipantId: "alice",
      presetName: "group_call_host",
      name: "Alice",
    });
    expect(inputs.bob).toMatchObject({
      presetName: "group_call_participant",
      picture: "https://example.com/bob.png",
    });
    expect(inputs.carol).toMatchObject({ presetName: "webinar_viewer", name: "Carol", tokenRotation: 3 });
  });

  it("registers the same children with the same inputs when the list is reordered", () => {
    expect(childInputs("reordered")).toEqual(childInputs("team"));
  });

  it("outputs participant ids by customParticipantId, and the tokens as one secret map", () => {
    const { participantIds, tokens, tokensSecret } = report("team");
    expect(participantIds).toEqual({ alice: "pid-alice", bob: "pid-bob", carol: "pid-carol" });
    expect(tokens).toEqual({ alice: "token-alice", bob: "token-bob", carol: "token-carol" });
    expect(tokensSecret).toBe(true);
  });

  it("leaves undeclared participants alone by default and counts them", () => {
    expect(report("team").unmanagedCount).toBe(2);
    expect(result.registrations.filter((r) => r.name === "team/prune")).toEqual([]);
  });

  it("with prune, hands the undeclared participants, sorted, to the pruning resource", () => {
    const sorted = [...outsiders].sort((a, b) =>
      a.custom_participant_id.localeCompare(b.custom_participant_id),
    );
    expect(report("strict").pruneInputs?.undeclared).toEqual(
      sorted.map((p) => ({ customParticipantId: p.custom_participant_id, participantId: p.id })),
    );
    // The roster's own participants, so the next run can tell one just removed from a stranger.
    expect(report("strict").pruneInputs?.managed).toEqual({
      alice: "pid-alice",
      bob: "pid-bob",
      carol: "pid-carol",
    });
    // What remains after pruning, as the pruning resource reports it.
    expect(report("strict").unmanagedCount).toBe(0);
  });

  it("reads entries from a roster file, and passes adopt and refreshBeforeExpiry to every child", () => {
    const inputs = childInputs("fromfile");
    expect(Object.keys(inputs).sort()).toEqual(["alice", "bob", "carol"]);
    for (const child of Object.values(inputs)) {
      expect(child).toMatchObject({ adopt: true, refreshBeforeExpiry: 7200 });
    }
    expect(inputs.carol).toMatchObject({ presetName: "webinar_viewer" });
    expect(childInputs("team").alice).not.toHaveProperty("refreshBeforeExpiry");
    expect(report("fromfile").unmanagedCount).toBe(0);
  });
});

describe("an invalid Roster", () => {
  let result: ProgramResult;
  let meetingId: string;

  beforeAll(async () => {
    meetingId = await createMeeting(emu, { title: "Invalid" });
    emu.control.resetCounters();
    result = await runProgram([
      { name: "bad", args: { meetingId, file: path.join(ROSTER_FILES, "bad.yaml") } },
      { name: "nopreset", args: { meetingId, file: path.join(ROSTER_FILES, "no-preset.yaml") } },
      {
        name: "inline",
        args: {
          meetingId,
          participants: [{ customParticipantId: "a" }, { customParticipantId: "a", presetName: "x" }],
        },
      },
      { name: "both", args: { meetingId, participants: [], file: path.join(ROSTER_FILES, "good.yaml") } },
      { name: "neither", args: { meetingId } },
    ]);
  }, 60_000);

  it("reports every problem of the file at once, with line numbers", () => {
    const { error } = result.reports.find((r) => r.name === "bad") ?? {};
    expect(error).toMatch(/^Roster "bad" \(.*bad\.yaml\) is invalid \(5 problems\):/);
    for (const line of [
      'bad.yaml:5: unknown key "prest"',
      "bad.yaml:6: `customParticipantId` is required",
      'bad.yaml:8: duplicate customParticipantId "alice" (first declared at line 1)',
      "bad.yaml:12: `picture` must be an absolute http(s) URL",
      "bad.yaml:13: `customParticipantId` must be a non-empty string",
    ]) {
      expect(error).toContain(line);
    }
  });

  it("names the entry without a preset when there is no default", () => {
    const { error } = result.reports.find((r) => r.name === "nopreset") ?? {};
    expect(error).toContain("no-preset.yaml:3: `presetName` is required");
  });

  it("names entries declared in code by position", () => {
    const { error } = result.reports.find((r) => r.name === "inline") ?? {};
    expect(error).toContain("participants[0]: `presetName` is required");
    expect(error).toContain(
      'participants[1]: duplicate customParticipantId "a" (first declared at participants[0])',
    );
  });

  it("needs exactly one of participants and file", () => {
    expect(result.reports.find((r) => r.name === "both")?.error).toContain(
      "set either participants or file, not both",
    );
    expect(result.reports.find((r) => r.name === "neither")?.error).toContain("participants is required");
  });

  it("fails before registering anything or calling the API", () => {
    expect(result.registrations).toEqual([]);
    expect(emu.control.counters().total).toBe(0);
  });
});
