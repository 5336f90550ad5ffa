/**
 * One owner per participant in a deployment (provider/runtime/participant/claims.ts): the claims table on
 * its own, and the Participant runtime's check and create with claims, against the emulator. The three
 * shapes through the real CLI are in tests/e2e/claims.test.ts and tests/plugin/yaml-claims.test.ts.
 */
import { configure } from "../../provider/runtime";
import { setClientTuning } from "../../provider/runtime/context";
import { participantRuntime } from "../../provider/runtime/participant";
import { ParticipantClaims, participantClaims } from "../../provider/runtime/participant/claims";
import { sharedParticipantList } from "../../provider/runtime/shared-participant-list";
import { UNKNOWN } from "../../provider/runtime/values";
import { addParticipant, createMeeting, useEmulator } from "../helpers/emulator";
import { emulatorStackConfig } from "../helpers/runtime";

const emu = useEmulator();

const MEETING = "4f9c6a1e-8d2b-4c3a-9e7f-1a2b3c4d5e6f";
const URN_A = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/realtimekit:Participant::host";
const URN_B =
  "urn:pulumi:dev::p::realtimekit:index:Roster$pulumi-nodejs:dynamic/realtimekit:Participant::team/host-1";

function declared(customParticipantId: string, meetingId = MEETING): Record<string, unknown> {
  return { meetingId, customParticipantId, presetName: "group_call_host" };
}

describe("the claims table", () => {
  it("lets the first resource claim a participant and names both when a second one declares it", () => {
    const claims = new ParticipantClaims();
    expect(claims.record(URN_A, {}, declared("host-1"))).toBeUndefined();
    const reason = claims.record(URN_B, {}, declared("host-1"));
    expect(reason).toContain(URN_A);
    expect(reason).toContain(URN_B);
    expect(reason).toContain(`customParticipantId "host-1" in meeting ${MEETING}`);
    expect(reason).toContain("Nothing was created or taken over");
    // The refused one is not recorded: the first claimant's create goes ahead.
    expect(claims.conflict(MEETING, "host-1")).toBeUndefined();
  });

  it("lets one resource check again, and be replaced (old and new keys are both its own)", () => {
    const claims = new ParticipantClaims();
    expect(claims.record(URN_A, {}, declared("host-1"))).toBeUndefined();
    expect(claims.record(URN_A, {}, declared("host-1"))).toBeUndefined();
    expect(claims.record(URN_A, declared("host-1"), declared("host-2"))).toBeUndefined();
    expect(claims.conflict(MEETING, "host-1")).toBeUndefined();
    expect(claims.conflict(MEETING, "host-2")).toBeUndefined();
  });

  it("keeps a holder in state even when a newcomer checked first, so the newcomer's create is refused", () => {
    const claims = new ParticipantClaims();
    expect(claims.record(URN_B, {}, declared("host-1"))).toBeUndefined();
    expect(claims.record(URN_A, declared("host-1"), declared("host-1"))).toContain("(in the stack's state)");
    const conflict = claims.conflict(MEETING, "host-1");
    expect(conflict).toContain(URN_A);
    expect(conflict).toContain(URN_B);
    expect(conflict).toContain("it is declared by 2 resources of this deployment");
  });

  it("tells two holders in state to forget one with pulumi state delete, never to delete it from the program", () => {
    const claims = new ParticipantClaims();
    expect(claims.record(URN_A, declared("host-1"), declared("host-1"))).toBeUndefined();
    const reason = claims.record(URN_B, declared("host-1"), declared("host-1"));
    expect(reason).toContain(`is held by two resources in the stack's state: "${URN_A}" and "${URN_B}"`);
    expect(reason).toContain("`pulumi state delete '<urn>'`");
  });

  it("tells ids apart by meeting and by customParticipantId, trims them, and skips unknown values", () => {
    const claims = new ParticipantClaims();
    expect(claims.record(URN_A, {}, declared("u2"))).toBeUndefined();
    expect(claims.record(URN_B, {}, declared("u3"))).toBeUndefined();
    expect(claims.record(URN_B, {}, declared("u2", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))).toBeUndefined();
    expect(claims.record(URN_B, {}, declared(" u2 "))).toContain(URN_A);
    expect(claims.record(URN_B, {}, declared("u2", UNKNOWN))).toBeUndefined();
    expect(claims.record(URN_B, {}, { meetingId: MEETING })).toBeUndefined();
  });

  it("runs the creates of one participant one at a time and others alongside", async () => {
    const claims = new ParticipantClaims();
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = claims.exclusive(MEETING, "u1", async () => {
      order.push("first started");
      await firstHeld;
      order.push("first done");
    });
    const second = claims.exclusive(MEETING, "u1", async () => {
      order.push("second started");
    });
    const other = claims.exclusive(MEETING, "u9", async () => {
      order.push("other started");
    });
    await other;
    expect(order).toEqual(["first started", "other started"]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first started", "other started", "first done", "second started"]);
  });

  it("runs the next create after one that failed", async () => {
    const claims = new ParticipantClaims();
    const failed = claims.exclusive(MEETING, "u1", async () => {
      throw new Error("add failed");
    });
    await expect(failed).rejects.toThrow("add failed");
    await expect(claims.exclusive(MEETING, "u1", async () => "next")).resolves.toBe("next");
  });
});

describe("the Participant runtime with claims", () => {
  let meetingId: string;

  beforeAll(() => setClientTuning({ rateLimit: false, retry: { baseDelayMs: 1, maxDelayMs: 5 } }));

  beforeEach(async () => {
    configure({
      get: (key) => emulatorStackConfig(emu)[key],
      require: (key) => emulatorStackConfig(emu)[key],
    });
    sharedParticipantList.clear();
    participantClaims.clear();
    meetingId = await createMeeting(emu, { title: "claims" });
  });

  function inMeeting(customParticipantId: string): number {
    return emu.control
      .snapshot()
      .participants.filter(
        (p) => p.meeting_id === meetingId && p.custom_participant_id === customParticipantId,
      ).length;
  }

  it("drops the owner from the checked inputs and fails the second claimant's check, naming both", async () => {
    const first = await participantRuntime.check({}, { ...declared("host-1", meetingId), __owner: URN_A });
    expect(first.failures).toEqual([]);
    expect(first.inputs).not.toHaveProperty("__owner");
    const second = await participantRuntime.check({}, { ...declared("host-1", meetingId), __owner: URN_B });
    expect(second.failures).toHaveLength(1);
    expect(second.failures?.[0].reason).toContain(URN_A);
    expect(second.failures?.[0].reason).toContain(URN_B);
  });

  it("refuses a create claimed by two resources before any API call, taking nothing over", async () => {
    const existing = await addParticipant(emu, meetingId, {
      custom_participant_id: "host-1",
      preset_name: "group_call_host",
    });
    // The newcomer checks first; the resource holding the participant in state checks after it, and fails.
    const newcomer = await participantRuntime.check({}, { ...declared("host-1", meetingId), __owner: URN_B });
    const holder = await participantRuntime.check(declared("host-1", meetingId), {
      ...declared("host-1", meetingId),
      __owner: URN_A,
    });
    expect(holder.failures?.[0].reason).toContain(
      `is held by "${URN_A}" (in the stack's state) and declared by "${URN_B}" too.`,
    );
    const before = emu.control.counters().total;
    await expect(participantRuntime.create(newcomer.inputs ?? {})).rejects.toThrow(
      /Could not create the participant with customParticipantId "host-1" in meeting .*: it is declared by 2 resources.*team\/host-1" and ".*::host"\./,
    );
    expect(emu.control.counters().total).toBe(before);
    expect(inMeeting("host-1")).toBe(1);
    expect(existing.id).toEqual(expect.any(String));
  });

  it("still takes over what no resource of the deployment holds (crash recovery)", async () => {
    await addParticipant(emu, meetingId, { custom_participant_id: "host-1", preset_name: "group_call_host" });
    const checked = await participantRuntime.check({}, { ...declared("host-1", meetingId), __owner: URN_A });
    const created = await participantRuntime.create(checked.inputs ?? {});
    expect(created.id).toEqual(expect.any(String));
    expect(inMeeting("host-1")).toBe(1);
  });

  it("adds one participant when two creates of one id without owners race (one at a time)", async () => {
    const inputs = (await participantRuntime.check({}, declared("u1", meetingId))).inputs ?? {};
    const results = await Promise.all([participantRuntime.create(inputs), participantRuntime.create(inputs)]);
    expect(results[0].id).toBe(results[1].id);
    expect(inMeeting("u1")).toBe(1);
  });
});
