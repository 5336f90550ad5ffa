/**
 * What makes a Roster authoritative: the pruning provider's runtime, called directly against the emulator,
 * and `getMeetingParticipants`, the program-time listing that feeds it.
 */
import { randomUUID } from "node:crypto";
import { MissingConfigError } from "../../provider/runtime/config";
import { getMeetingParticipants } from "../../provider/meeting-participants";
import { useRuntimeAgainst } from "../helpers/runtime";
import {
  rosterPruneRuntime,
  type RosterPruneInputs,
  type RosterPruneOutputs,
} from "../../provider/runtime/roster-prune";
import { UNKNOWN } from "../../provider/runtime/values";
import { addParticipant, createMeeting, useEmulator, type AddedParticipant } from "../helpers/emulator";

const emu = useEmulator();
const CREDENTIAL_ENV = [
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_ACCOUNT_ID",
  "REALTIMEKIT_APP_ID",
  "REALTIMEKIT_BASE_URL",
];

useRuntimeAgainst(emu);

function customIdsIn(meetingId: string): string[] {
  return emu.control
    .snapshot()
    .participants.filter((p) => p.meeting_id === meetingId)
    .map((p) => p.custom_participant_id)
    .sort();
}

async function meetingWith(...customIds: string[]) {
  const meetingId = await createMeeting(emu);
  const added: AddedParticipant[] = [];
  for (const id of customIds) added.push(await addParticipant(emu, meetingId, { custom_participant_id: id }));
  const undeclared = (ids: string[]) =>
    added
      .filter((p) => ids.includes(p.custom_participant_id))
      .map((p) => ({ customParticipantId: p.custom_participant_id, participantId: p.id }));
  return { meetingId, undeclared };
}

describe("pruning undeclared participants", () => {
  it("deletes exactly the listed participants on create and records that none are left", async () => {
    const { meetingId, undeclared } = await meetingWith("alice", "mallory", "trent");
    const inputs: RosterPruneInputs = { meetingId, undeclared: undeclared(["mallory", "trent"]) };

    const { outs } = await rosterPruneRuntime.create(inputs);

    expect(customIdsIn(meetingId)).toEqual(["alice"]);
    expect(outs).toMatchObject({
      meetingId,
      undeclared: [],
      pruned: inputs.undeclared,
      accountId: emu.accountId,
    });
  });

  it("treats a participant that is already gone as deleted", async () => {
    const { meetingId, undeclared } = await meetingWith("mallory");
    const gone = { customParticipantId: "ghost", participantId: randomUUID() };
    await rosterPruneRuntime.create({ meetingId, undeclared: [gone, ...undeclared(["mallory"])] });
    expect(customIdsIn(meetingId)).toEqual([]);
  });

  it("deletes newly listed participants on update", async () => {
    const { meetingId, undeclared } = await meetingWith("alice", "eve");
    const { outs } = await rosterPruneRuntime.create({ meetingId, undeclared: [] });
    await rosterPruneRuntime.update("prune", outs as RosterPruneOutputs, {
      meetingId,
      undeclared: undeclared(["eve"]),
    });
    expect(customIdsIn(meetingId)).toEqual(["alice"]);
  });

  it("tries every deletion, then reports each failure at once", async () => {
    const { meetingId, undeclared } = await meetingWith("eve", "mallory");
    const [eve] = undeclared(["eve"]);
    emu.control.injectFault({
      method: "DELETE",
      path: eve.participantId,
      kind: "status",
      status: 403,
      times: 1,
    });

    const inputs = { meetingId, undeclared: undeclared(["eve", "mallory"]), __provider: "shim" };
    const failure = (await rosterPruneRuntime.create(inputs).catch((e: unknown) => e)) as Error & {
      id?: string;
      properties?: Record<string, unknown>;
    };
    expect(failure.message).toMatch(
      /Could not prune meeting .*: 1 of 2 undeclared participants were not deleted:\n {2}"eve" \(/,
    );
    expect(customIdsIn(meetingId)).toEqual(["eve"]);
    // A partial failure: the engine records what is left to prune, with the provider it loads on refresh.
    expect(failure.id).toBe(`prune-${meetingId}`);
    expect(failure.properties).toMatchObject({
      undeclared: undeclared(["eve"]),
      pruned: undeclared(["mallory"]),
      __provider: "shim",
    });
  });

  it("changes nothing when the roster stops pruning", async () => {
    const { meetingId } = await meetingWith("alice");
    const outs: RosterPruneOutputs = {
      meetingId,
      undeclared: [],
      pruned: [],
      accountId: emu.accountId,
      appId: emu.appId,
    };
    emu.control.resetCounters();
    await rosterPruneRuntime.delete("prune", outs);
    expect(emu.control.counters().total).toBe(0);
  });
});

describe("pruning preview", () => {
  const m = "0b9f3c1e-5d2a-4e8b-9c7d-1a2b3c4d5e6f";
  const olds: RosterPruneOutputs = { meetingId: m, undeclared: [], pruned: [], accountId: "a", appId: "b" };

  it("shows a change exactly when someone is listed for deletion, without any API call", async () => {
    emu.control.resetCounters();
    const nobody = await rosterPruneRuntime.diff("prune", olds, { meetingId: m, undeclared: [] });
    const someone = await rosterPruneRuntime.diff("prune", olds, {
      meetingId: m,
      undeclared: [{ customParticipantId: "eve", participantId: "p" }],
    });
    expect(nobody.changes).toBe(false);
    expect(someone).toEqual({ changes: true, replaces: [] });
    expect(emu.control.counters().total).toBe(0);
  });

  it("shows a change while the list is not known yet", async () => {
    const result = await rosterPruneRuntime.diff("prune", olds, {
      meetingId: m,
      undeclared: UNKNOWN,
    } as unknown as RosterPruneInputs);
    expect(result.changes).toBe(true);
  });

  it("rejects a malformed list in check", async () => {
    const result = await rosterPruneRuntime.check(
      {} as RosterPruneInputs,
      {
        meetingId: m,
        undeclared: [{ customParticipantId: "eve" }],
      } as unknown as RosterPruneInputs,
    );
    expect(result.failures).toEqual([
      { property: "", reason: "`undeclared[0].participantId` is required: a non-empty string" },
    ]);
  });

  it("leaves out participants the roster managed last time, whose own deletion the engine already shows", async () => {
    const previous = { meetingId: m, undeclared: [], managed: { alice: "p-alice", bob: "p-bob" } };
    const result = await rosterPruneRuntime.check(previous, {
      meetingId: m,
      undeclared: [
        { customParticipantId: "bob", participantId: "p-bob" },
        { customParticipantId: "eve", participantId: "p-eve" },
      ],
      managed: { alice: "p-alice" },
    });
    expect(result.failures).toEqual([]);
    expect(result.inputs?.undeclared).toEqual([{ customParticipantId: "eve", participantId: "p-eve" }]);
  });

  it("keeps the recorded state on refresh", async () => {
    const read = await rosterPruneRuntime.read("prune", olds);
    expect(read.props).toEqual(olds);
    expect(read.inputs).toEqual({ meetingId: m, undeclared: [], accountId: "a", appId: "b" });
  });
});

describe("getMeetingParticipants", () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    // Program-time code reads the stack config (none under jest) and then the environment.
    for (const name of CREDENTIAL_ENV) saved[name] = process.env[name];
    Object.assign(process.env, {
      CLOUDFLARE_API_TOKEN: emu.apiToken,
      CLOUDFLARE_ACCOUNT_ID: emu.accountId,
      REALTIMEKIT_APP_ID: emu.appId,
      REALTIMEKIT_BASE_URL: emu.baseUrl,
    });
  });
  afterEach(() => {
    for (const name of CREDENTIAL_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("returns every participant across pages, sorted by customParticipantId, without tokens", async () => {
    const meetingId = await createMeeting(emu);
    const ids = Array.from({ length: 130 }, (_, i) => `member-${String(129 - i).padStart(3, "0")}`);
    for (const id of ids) await addParticipant(emu, meetingId, { custom_participant_id: id });
    emu.control.resetCounters();

    const result = await getMeetingParticipants({ meetingId });

    expect(result.meetingId).toBe(meetingId);
    expect(result.participants.map((p) => p.customParticipantId)).toEqual([...ids].sort());
    expect(result.participants.every((p) => !("token" in p))).toBe(true);
    expect(emu.control.counters().byMethod).toEqual({ GET: 2 });
  }, 30_000);

  it("uses accountId and appId given as arguments over the environment", async () => {
    const meetingId = await createMeeting(emu);
    process.env.REALTIMEKIT_APP_ID = "not-this-app";
    const result = await getMeetingParticipants({ meetingId, appId: emu.appId, accountId: emu.accountId });
    expect(result.participants).toEqual([]);
  });

  it("names every missing setting and where it could come from", async () => {
    delete process.env.CLOUDFLARE_API_TOKEN;
    const failure = getMeetingParticipants({ meetingId: randomUUID() });
    await expect(failure).rejects.toBeInstanceOf(MissingConfigError);
    await expect(failure).rejects.toThrow(/apiToken: set Pulumi config `realtimekit:apiToken`/);
  });

  it("says which meeting it could not list", async () => {
    const meetingId = randomUUID();
    await expect(getMeetingParticipants({ meetingId })).rejects.toThrow(
      new RegExp(`^Could not list the participants of meeting ${meetingId}: .*404`),
    );
  });
});
