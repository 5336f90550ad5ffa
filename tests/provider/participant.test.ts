/**
 * The Participant provider's methods, called directly against the emulator (no Pulumi engine): lifecycle,
 * replacement keys, adoption, ambiguous creates, drift, expiry-driven token refresh, validation, the shared
 * read list, and the error format. Serialization and the real provider host are covered in
 * serialization.test.ts and grpc-host.test.ts, outside jest's module system.
 */
import type * as pulumi from "@pulumi/pulumi";
import { participantProvider } from "../../provider";
import { configure } from "../../provider/runtime";
import { setClientTuning } from "../../provider/runtime/context";
import { emulatorStackConfig } from "../helpers/runtime";
import {
  MEETING_VIEW_TTL_MS,
  SharedParticipantList,
  sharedParticipantList,
} from "../../provider/runtime/shared-participant-list";
import { UNKNOWN } from "../../provider/runtime/values";
import { DEFAULT_RETRY, RealtimeKitClient } from "../../sdk";
import { checkInputs, participantDescription } from "../../provider/runtime/inputs";
import { diffParticipant, type ParticipantOutputs } from "../../provider/runtime/participant";
import {
  createParticipant,
  deleteParticipant,
  readParticipant,
  updateParticipant,
} from "../../provider/runtime/participant/lifecycle";
import {
  addParticipant,
  type AddedParticipant,
  callApi,
  createMeeting,
  decodeJwt,
  useEmulator,
  type EmulatorTarget,
} from "../helpers/emulator";

const emu = useEmulator();

/** The Participant's check with the failures' property names (the runtime's `check` words them for the engine). */
const checkParticipant = (bag: Record<string, unknown>) => checkInputs(participantDescription, bag);

const PARTICIPANTS = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/participants";
const ROUTES = {
  add: `POST ${PARTICIPANTS}`,
  list: `GET ${PARTICIPANTS}`,
  get: `GET ${PARTICIPANTS}/{participant_id}`,
  edit: `PATCH ${PARTICIPANTS}/{participant_id}`,
  remove: `DELETE ${PARTICIPANTS}/{participant_id}`,
  refreshToken: `POST ${PARTICIPANTS}/{participant_id}/token`,
};

/** A `configure` config as the host builds it: namespaced keys, plain strings. */
function stackConfig(values: Record<string, string>): pulumi.dynamic.Config {
  return {
    get: (key) => values[key],
    require: (key) => {
      const value = values[key];
      if (value === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return value;
    },
  };
}

function emulatorConfig(target: EmulatorTarget): pulumi.dynamic.Config {
  return stackConfig(emulatorStackConfig(target));
}

function calls(route: keyof typeof ROUTES): number {
  return emu.control.counters().byRoute[ROUTES[route]] ?? 0;
}

function participantsInEmulator(meetingId: string) {
  return emu.control.snapshot().participants.filter((participant) => participant.meeting_id === meetingId);
}

/** `check`, failing the test on any failure, as the engine would stop there. */
function checked(news: Record<string, unknown>): Record<string, unknown> {
  const { inputs, failures } = checkParticipant(news);
  expect(failures).toEqual([]);
  return inputs;
}

async function expectValidToken(token: string | undefined, participantId: string): Promise<void> {
  expect(token).toEqual(expect.any(String));
  const claims = decodeJwt(token as string);
  expect(claims.participantId).toBe(participantId);
}

/** Runs `body` with exactly these of the provider's environment variables set, restoring them afterwards. */
async function withEnvironment(values: Record<string, string>, body: () => Promise<void>): Promise<void> {
  const names = [
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_ACCOUNT_ID",
    "REALTIMEKIT_APP_ID",
    "REALTIMEKIT_BASE_URL",
  ];
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  Object.assign(process.env, values);
  try {
    await body();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

let meetingId: string;

beforeAll(() => {
  // Pacing and backoff are the SDK's business and tested there; here they would only slow the suite.
  setClientTuning({ rateLimit: false, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
});

beforeEach(async () => {
  configure(emulatorConfig(emu));
  // Each test is a fresh provider process as far as the shared meeting view is concerned.
  sharedParticipantList.clear();
  meetingId = await createMeeting(emu, { title: "standup" });
});

describe("lifecycle", () => {
  it("goes through check, create, read, diff, update, token rotation and delete with one participant id", async () => {
    const declared = {
      meetingId,
      customParticipantId: "alice",
      presetName: "group_call_participant",
      name: "Alice",
    };
    const inputs = checked({ ...declared, __provider: "serialized shim" });

    const created = await createParticipant(inputs);
    const id = created.id;
    expect(created.outs).toMatchObject({
      participantId: id,
      meetingId,
      customParticipantId: "alice",
      presetName: "group_call_participant",
      name: "Alice",
      accountId: emu.accountId,
      appId: emu.appId,
    });
    await expectValidToken(created.outs.token, id);
    const exp = decodeJwt(created.outs.token as string).exp as number;
    expect(created.outs.tokenExpiresAt).toBe(new Date(exp * 1000).toISOString());
    expect(calls("add")).toBe(1);

    const read = await readParticipant(id, created.outs);
    expect(read.id).toBe(id);
    expect(read.props).toEqual(created.outs);
    expect(diffParticipant(read.props as ParticipantOutputs, inputs)).toEqual({
      changes: false,
      replaces: [],
    });
    expect(diffParticipant(read.props as ParticipantOutputs, read.inputs as Record<string, unknown>)).toEqual(
      {
        changes: false,
        replaces: [],
      },
    );

    const renamed = checked({ ...declared, name: "Alice Liddell", presetName: "group_call_host" });
    expect(diffParticipant(created.outs, renamed)).toEqual({ changes: true, replaces: [] });
    emu.control.resetCounters();
    const updated = await updateParticipant(id, created.outs, renamed);
    expect(updated.outs).toMatchObject({
      participantId: id,
      name: "Alice Liddell",
      presetName: "group_call_host",
    });
    expect(calls("edit")).toBe(1);
    expect(calls("refreshToken")).toBe(0);
    expect(updated.outs.token).not.toBe(created.outs.token);
    await expectValidToken(updated.outs.token, id);

    const rotated = { ...renamed, tokenRotation: 2 };
    expect(diffParticipant(updated.outs, rotated)).toEqual({ changes: true, replaces: [] });
    emu.control.resetCounters();
    const afterRotation = await updateParticipant(id, updated.outs, rotated);
    expect(calls("edit")).toBe(0);
    expect(calls("refreshToken")).toBe(1);
    expect(afterRotation.outs).toMatchObject({ participantId: id, tokenRotation: 2, name: "Alice Liddell" });
    expect(afterRotation.outs.token).not.toBe(updated.outs.token);
    await expectValidToken(afterRotation.outs.token, id);
    expect(diffParticipant(afterRotation.outs, rotated)).toEqual({ changes: false, replaces: [] });

    const reread = await readParticipant(id, afterRotation.outs);
    expect(reread.props).toMatchObject({ presetName: "group_call_host", token: afterRotation.outs.token });

    await deleteParticipant(id, afterRotation.outs);
    expect(participantsInEmulator(meetingId)).toEqual([]);
    expect(await readParticipant(id, afterRotation.outs)).toEqual({});
  });

  it("sends an empty name when none is declared and clears the picture when it is removed", async () => {
    const withPicture = checked({
      meetingId,
      customParticipantId: "bob",
      presetName: "group_call_participant",
      picture: "https://example.com/bob.png",
    });
    const created = await createParticipant(withPicture);
    expect(created.outs.name).toBe("");
    expect(created.outs.picture).toBe("https://example.com/bob.png");

    const withoutPicture = checked({
      meetingId,
      customParticipantId: "bob",
      presetName: "group_call_participant",
    });
    expect(diffParticipant(created.outs, withoutPicture).changes).toBe(true);
    const updated = await updateParticipant(created.id, created.outs, withoutPicture);
    expect(updated.outs.picture).toBeUndefined();
    expect(participantsInEmulator(meetingId)[0]).toMatchObject({ name: "", picture: null });
  });

  it("updates only provider settings without calling the API", async () => {
    const inputs = checked({ meetingId, customParticipantId: "carol", presetName: "group_call_participant" });
    const created = await createParticipant(inputs);
    const withSetting = { ...inputs, refreshBeforeExpiry: 60 };
    expect(diffParticipant(created.outs, withSetting).changes).toBe(true);
    emu.control.resetCounters();
    const updated = await updateParticipant(created.id, created.outs, withSetting);
    expect(emu.control.counters().total).toBe(0);
    expect(updated.outs).toEqual({ ...created.outs, refreshBeforeExpiry: 60 });
  });

  it("still runs through the 0.1.0 closure shim (participantProvider), which loads the built runtime by package name", async () => {
    await participantProvider.configure?.({ config: emulatorConfig(emu) });
    const news = { meetingId, customParticipantId: "dave", presetName: "group_call_participant" };
    const checkResult = await participantProvider.check?.(news, news);
    expect(checkResult?.failures).toEqual([]);
    const created = await participantProvider.create(news);
    expect(participantsInEmulator(meetingId).map((participant) => participant.id)).toEqual([created.id]);
    await participantProvider.delete?.(created.id, created.outs as ParticipantOutputs);
    expect(participantsInEmulator(meetingId)).toEqual([]);
  });
});

describe("diff", () => {
  const stored: ParticipantOutputs = {
    participantId: "p1",
    token: "not-a-jwt",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    meetingId: "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40",
    customParticipantId: "alice",
    presetName: "group_call_participant",
    name: "Alice",
    accountId: "acct",
    appId: "app",
  };
  const same = {
    meetingId: stored.meetingId,
    customParticipantId: "alice",
    presetName: "group_call_participant",
    name: "Alice",
    __provider: "a newer serialized provider",
  };

  it("reports no change when only __provider differs or accountId/appId are left to config", () => {
    expect(diffParticipant(stored, same)).toEqual({ changes: false, replaces: [] });
    expect(diffParticipant(stored, { ...same, accountId: "acct", appId: "app" })).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it.each([
    ["meetingId", "0b7d5a0e-58a4-4c7e-a0a5-3a0d1b2c3d4e"],
    ["customParticipantId", "alice2"],
    ["accountId", "other-account"],
    ["appId", "other-app"],
  ])("replaces the participant when %s changes", (key, value) => {
    expect(diffParticipant(stored, { ...same, [key]: value })).toEqual({ changes: true, replaces: [key] });
  });

  it.each([
    ["name", "Al"],
    ["presetName", "group_call_host"],
    ["picture", "https://example.com/a.png"],
    ["tokenRotation", "r1"],
  ])("updates in place when %s changes", (key, value) => {
    expect(diffParticipant(stored, { ...same, [key]: value })).toEqual({ changes: true, replaces: [] });
  });

  it("treats unknown values as changed, replacing for replacement keys", () => {
    expect(diffParticipant(stored, { ...same, meetingId: UNKNOWN })).toEqual({
      changes: true,
      replaces: ["meetingId"],
    });
    expect(diffParticipant(stored, { ...same, appId: UNKNOWN })).toEqual({
      changes: true,
      replaces: ["appId"],
    });
    expect(diffParticipant(stored, { ...same, name: UNKNOWN })).toEqual({ changes: true, replaces: [] });
  });

  it("reports an update when the stored token expires within refreshBeforeExpiry", () => {
    const exp = 1_800_000_000;
    const jwt = ["e30", Buffer.from(JSON.stringify({ exp })).toString("base64url"), "sig"].join(".");
    const now = exp * 1000 - 600_000; // ten minutes before expiry
    const stateWith = (refreshBeforeExpiry: number) => ({ ...stored, token: jwt, refreshBeforeExpiry });
    const inputsWith = (refreshBeforeExpiry: number) => ({ ...same, refreshBeforeExpiry });
    expect(diffParticipant(stateWith(300), inputsWith(300), now)).toEqual({ changes: false, replaces: [] });
    expect(diffParticipant(stateWith(900), inputsWith(900), now)).toEqual({ changes: true, replaces: [] });
    expect(diffParticipant(stateWith(900), inputsWith(900), exp * 1000 + 1)).toEqual({
      changes: true,
      replaces: [],
    });
  });
});

describe("adoption", () => {
  it("refuses an existing customParticipantId that differs, without adopt, saying what differs and how to adopt it", async () => {
    const existing = await addParticipant(emu, meetingId, {
      custom_participant_id: "erin",
      name: "E.",
      preset_name: "group_call_host",
    });
    const inputs = checked({ meetingId, customParticipantId: "erin", presetName: "group_call_participant" });
    await expect(createParticipant(inputs)).rejects.toThrow(
      new RegExp(
        `participant "erin" in meeting ${meetingId}: .*already exists \\(id ${existing.id}\\), and it differs ` +
          'from this Participant: presetName is "group_call_host", declared "group_call_participant"; name is ' +
          '"E.", declared "".*adopt: true',
      ),
    );
    // A rename (new URN) is not a replacement: the message names the option that fits it too.
    await expect(createParticipant(inputs)).rejects.toThrow(
      /`deleteBeforeReplace: true` resource option; if the Participant \(or its Roster\) was renamed, add the `aliases` resource option with its old name/,
    );
    expect(calls("add")).toBe(1); // only the setup call
    expect(participantsInEmulator(meetingId)).toHaveLength(1);
  });

  it("takes over an identical participant without adopt (what a killed run leaves): same id, a fresh token", async () => {
    const existing = await addParticipant(emu, meetingId, {
      custom_participant_id: "eve",
      name: "Eve",
      preset_name: "group_call_participant",
    });
    emu.control.resetCounters();
    const inputs = checked({
      meetingId,
      customParticipantId: "eve",
      presetName: "group_call_participant",
      name: "Eve",
    });
    const taken = await createParticipant(inputs);
    expect(taken.id).toBe(existing.id);
    await expectValidToken(taken.outs.token, existing.id);
    expect(taken.outs.token).not.toBe(existing.token);
    expect(calls("add")).toBe(0);
    expect(calls("edit")).toBe(0);
    expect(calls("refreshToken")).toBe(1);
    expect(participantsInEmulator(meetingId)).toHaveLength(1);
  });

  it("refuses several participants with the customParticipantId, naming every id", async () => {
    const first = await addParticipant(emu, meetingId, { custom_participant_id: "twin" });
    const second = await addParticipant(emu, meetingId, { custom_participant_id: "twin" });
    const inputs = checked({ meetingId, customParticipantId: "twin", presetName: "group_call_participant" });
    await expect(createParticipant(inputs)).rejects.toThrow(
      `already exists (id ${first.id}, ${second.id}), and 2 participants have it; delete the extra ones first`,
    );
  });

  it("leaves a participant taken over in this process alone when the resource it came from is deleted", async () => {
    const old = await createParticipant(
      checked({ meetingId, customParticipantId: "ren", presetName: "group_call_participant" }),
    );
    // A rename without aliases: the new resource's create comes first and takes the participant over...
    const renamed = await createParticipant(
      checked({ meetingId, customParticipantId: "ren", presetName: "group_call_participant" }),
    );
    expect(renamed.id).toBe(old.id);
    // ...then the engine deletes the old resource, which must not delete the participant under the new one.
    await deleteParticipant(old.id, old.outs);
    expect(participantsInEmulator(meetingId).map((participant) => participant.id)).toEqual([old.id]);
  });

  it("adopts an existing participant on purpose: same id, declared fields, a fresh token", async () => {
    const existing = await addParticipant(emu, meetingId, {
      custom_participant_id: "frank",
      name: "F.",
      preset_name: "group_call_participant",
    });
    emu.control.resetCounters();
    const inputs = checked({
      meetingId,
      customParticipantId: "frank",
      presetName: "group_call_host",
      name: "Frank",
      adopt: true,
    });
    const adopted = await createParticipant(inputs);
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs).toMatchObject({ name: "Frank", presetName: "group_call_host", adopt: true });
    await expectValidToken(adopted.outs.token, existing.id);
    expect(calls("add")).toBe(0);
    expect(calls("edit")).toBe(1);
    expect(calls("refreshToken")).toBe(1);
    expect(participantsInEmulator(meetingId)).toEqual([
      expect.objectContaining({ id: existing.id, name: "Frank" }),
    ]);
  });

  it("adds normally with adopt when nothing exists yet", async () => {
    const inputs = checked({
      meetingId,
      customParticipantId: "gina",
      presetName: "group_call_participant",
      adopt: true,
    });
    const created = await createParticipant(inputs);
    expect(calls("add")).toBe(1);
    expect(participantsInEmulator(meetingId).map((participant) => participant.id)).toEqual([created.id]);
  });

  it("turns a 409 from an API that rejects duplicates into the adopt hint, or adopts with adopt", async () => {
    emu.control.setSettings({ duplicateCustomParticipantId: "reject" });
    // Prime this process's view of the meeting, then add behind its back so only the API can tell.
    await createParticipant(
      checked({ meetingId, customParticipantId: "henry", presetName: "group_call_participant" }),
    );
    const existing = await addParticipant(emu, meetingId, { custom_participant_id: "iris", name: "I." });
    const inputs = checked({ meetingId, customParticipantId: "iris", presetName: "group_call_participant" });

    await expect(createParticipant(inputs)).rejects.toThrow(/already exists.*409.*differs.*adopt: true/s);
    const adopted = await createParticipant({ ...inputs, adopt: true });
    expect(adopted.id).toBe(existing.id);
    expect(participantsInEmulator(meetingId).filter((p) => p.custom_participant_id === "iris")).toHaveLength(
      1,
    );
  });
});

describe("ambiguous create", () => {
  const inputsFor = (customParticipantId: string) =>
    checked({ meetingId, customParticipantId, presetName: "group_call_participant", name: "Jo" });

  it("adopts the participant its add created when the add answered 500 after creating it", async () => {
    emu.control.injectFault({ method: "POST", path: "/participants", times: 1, kind: "persist-then-500" });
    const created = await createParticipant(inputsFor("jo"));
    expect(calls("add")).toBe(1);
    const inEmulator = participantsInEmulator(meetingId);
    expect(inEmulator.map((participant) => participant.id)).toEqual([created.id]);
    await expectValidToken(created.outs.token, created.id);
    expect(created.outs).toMatchObject({ name: "Jo", customParticipantId: "jo" });
  });

  it.each([
    ["an injected 503", { kind: "status" as const, status: 503 }],
    ["a dropped connection", { kind: "drop" as const }],
  ])(
    "adds again, once, when a relist proves an ambiguous add was not processed (%s)",
    async (_label, fault) => {
      emu.control.injectFault({ method: "POST", path: "/participants", times: 2, ...fault });
      const created = await createParticipant(inputsFor("kim"));
      expect(calls("add")).toBe(3);
      expect(calls("list")).toBeGreaterThanOrEqual(2);
      expect(participantsInEmulator(meetingId).map((participant) => participant.id)).toEqual([created.id]);
      await expectValidToken(created.outs.token, created.id);
    },
  );

  it("gives up after the retry policy's attempts, creating nothing, and says what to do", async () => {
    emu.control.injectFault({
      method: "POST",
      path: "/participants",
      probability: 1,
      kind: "status",
      status: 503,
    });
    const error = await createParticipant(inputsFor("kit")).then(
      () => undefined,
      (failure: Error) => failure,
    );
    const attempts = DEFAULT_RETRY.limit + 1;
    expect(error?.message).toMatch(
      new RegExp(
        `^Could not create participant "kit" in meeting ${meetingId}: RealtimeKit POST .*503.*Tried ${attempts} ` +
          'times; after each, the meeting had no participant with customParticipantId "kit". Run `pulumi up` again',
        "s",
      ),
    );
    expect(calls("add")).toBe(attempts);
    expect(participantsInEmulator(meetingId)).toEqual([]);
  });

  it("reports a participant whose add succeeded but whose token could not be issued as created", async () => {
    emu.control.injectFault({ method: "POST", path: "/participants", times: 1, kind: "persist-then-500" });
    emu.control.injectFault({ method: "POST", path: "/token", times: 1, kind: "status", status: 400 });
    const failure = await createParticipant(inputsFor("lee")).then(
      () => undefined,
      (error: unknown) => error as Error & { id?: string; properties?: Record<string, unknown> },
    );
    const [stored] = participantsInEmulator(meetingId);
    expect(failure?.id).toBe(stored.id);
    expect(failure?.properties).toMatchObject({ participantId: stored.id, customParticipantId: "lee" });
    expect(failure?.properties?.token).toBeUndefined();
    // The engine keeps it with init errors and updates it next time: update issues the missing token.
    const props = failure?.properties as ParticipantOutputs;
    expect(diffParticipant(props, inputsFor("lee")).changes).toBe(true);
    const healed = await updateParticipant(stored.id, props, inputsFor("lee"));
    await expectValidToken(healed.outs.token, stored.id);
  });
});

describe("drift and deletion", () => {
  it("reads a participant deleted behind Pulumi's back as gone, and deletes it without error", async () => {
    const created = await createParticipant(
      checked({ meetingId, customParticipantId: "max", presetName: "group_call_participant" }),
    );
    const removed = await callApi(emu, "DELETE", `/meetings/${meetingId}/participants/${created.id}`);
    expect(removed.status).toBe(200);
    sharedParticipantList.clear(); // a later `pulumi refresh` runs in a new provider process

    expect(await readParticipant(created.id, created.outs)).toEqual({});
    await expect(deleteParticipant(created.id, created.outs)).resolves.toBeUndefined();
    expect(calls("remove")).toBe(2);
  });

  it("tells the user to refresh when updating a participant deleted behind Pulumi's back", async () => {
    const inputs = checked({ meetingId, customParticipantId: "nina", presetName: "group_call_participant" });
    const created = await createParticipant(inputs);
    await callApi(emu, "DELETE", `/meetings/${meetingId}/participants/${created.id}`);
    await expect(updateParticipant(created.id, created.outs, { ...inputs, name: "Nina" })).rejects.toThrow(
      new RegExp(
        `Could not update participant "nina" in meeting ${meetingId}: RealtimeKit PATCH .*404.*pulumi refresh`,
      ),
    );
  });

  it("picks up changes made outside Pulumi on read, so the next diff shows them", async () => {
    const inputs = checked({
      meetingId,
      customParticipantId: "omar",
      presetName: "group_call_participant",
      name: "Omar",
    });
    const created = await createParticipant(inputs);
    await callApi(emu, "PATCH", `/meetings/${meetingId}/participants/${created.id}`, {
      name: "Someone else",
    });
    sharedParticipantList.clear();
    const read = await readParticipant(created.id, created.outs);
    expect(read.props).toMatchObject({ name: "Someone else", token: created.outs.token });
    expect(read.inputs).toMatchObject({ name: "Someone else" });
    expect(diffParticipant(read.props as ParticipantOutputs, inputs)).toEqual({
      changes: true,
      replaces: [],
    });
  });
});

describe("late duplicates", () => {
  it("a refresh reports a second participant with the same customParticipantId, with both ids and the delete to run", async () => {
    const created = await createParticipant(
      checked({ meetingId, customParticipantId: "late", presetName: "group_call_participant" }),
    );
    // What a late write of a lost add leaves: another participant with the same customParticipantId.
    const extra = await addParticipant(emu, meetingId, { custom_participant_id: "late" });
    sharedParticipantList.clear();

    const error = await readParticipant(created.id, created.outs).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.message).toContain(
      `Could not read participant "late" in meeting ${meetingId}: the meeting has 2 participants with this ` +
        `customParticipantId: ${created.id} (recorded in this stack's state) and "${extra.id}" (created `,
    );
    expect(error?.message).toContain(
      `curl -X DELETE -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" '${emu.appUrl}/meetings/${meetingId}/participants/${extra.id}'`,
    );
    expect(error?.message).not.toContain(emu.apiToken);
    // Nothing was deleted behind the user's back; after they delete the extra one, refresh is clean.
    expect(participantsInEmulator(meetingId)).toHaveLength(2);
    await callApi(emu, "DELETE", `/meetings/${meetingId}/participants/${extra.id}`);
    sharedParticipantList.clear();
    expect((await readParticipant(created.id, created.outs)).id).toBe(created.id);
  });
});

describe("partial failures carry what the host needs", () => {
  it("a create that fails after the participant exists reports its id, outputs with __provider, and inputs", async () => {
    emu.control.injectFault({ method: "POST", path: "/participants", times: 1, kind: "persist-then-500" });
    emu.control.injectFault({ method: "POST", path: "/token", times: 1, kind: "status", status: 400 });
    const inputs = {
      ...checked({ meetingId, customParticipantId: "pf", presetName: "group_call_participant" }),
      __provider: "shim",
    };
    const failure = await createParticipant(inputs).then(
      () => undefined,
      (error: unknown) =>
        error as Error & {
          id?: string;
          properties?: Record<string, unknown>;
          inputs?: unknown;
          reasons?: string[];
        },
    );
    const [stored] = participantsInEmulator(meetingId);
    expect(failure).toMatchObject({ id: stored.id, inputs, reasons: [failure?.message] });
    expect(failure?.properties).toMatchObject({ participantId: stored.id, __provider: "shim" });
    expect(failure?.properties).not.toHaveProperty("token");
  });
});

/** The failure of a create or update whose refreshBeforeExpiry covers the 60-second token lifetime. */
async function windowFailure(
  operation: "create" | "update",
  customParticipantId: string,
  refreshBeforeExpiry: number,
  call: Promise<unknown>,
): Promise<(Error & { id?: string; properties?: ParticipantOutputs }) | undefined> {
  const failure = await call.then(
    () => undefined,
    (error: unknown) => error as Error & { id?: string; properties?: ParticipantOutputs },
  );
  expect(failure?.message).toMatch(
    new RegExp(
      `^Could not ${operation} participant "${customParticipantId}" in meeting ${meetingId}: refreshBeforeExpiry ` +
        `is ${refreshBeforeExpiry} seconds, but tokens RealtimeKit issues live 60 seconds \\(exp - iat of the ` +
        "token just issued\\).*Set refreshBeforeExpiry below 60 seconds, or remove it\\.$",
    ),
  );
  return failure;
}

describe("token expiry", () => {
  it("refreshes a token that expires within refreshBeforeExpiry, keeping the participant id", async () => {
    emu.control.setSettings({ tokenTtlSeconds: 120 });
    const declared = { meetingId, customParticipantId: "pat", presetName: "group_call_participant" };
    const created = await createParticipant(checked({ ...declared, refreshBeforeExpiry: 30 }));
    // Its state once time has brought the token within an hour of expiry (as a 2-minute token always is).
    const inputs = checked({ ...declared, refreshBeforeExpiry: 3600 });
    const stored = { ...created.outs, refreshBeforeExpiry: 3600 };
    expect(diffParticipant(stored, inputs)).toEqual({ changes: true, replaces: [] });
    expect(diffParticipant(stored, { ...inputs, refreshBeforeExpiry: 30 }).changes).toBe(true); // setting changed
    expect(diffParticipant(created.outs, { ...inputs, refreshBeforeExpiry: 30 }).changes).toBe(false);

    emu.control.setSettings({ tokenTtlSeconds: 86_400 });
    emu.control.resetCounters();
    const updated = await updateParticipant(created.id, stored, inputs);
    expect(calls("refreshToken")).toBe(1);
    expect(updated.outs.participantId).toBe(created.id);
    expect(Date.parse(updated.outs.tokenExpiresAt as string)).toBeGreaterThan(Date.now() + 3_600_000);
    expect(diffParticipant(updated.outs, inputs)).toEqual({ changes: false, replaces: [] });
  });

  it.each([
    ["equal to", 60],
    ["above", 3600],
  ])(
    "fails an update with refreshBeforeExpiry %s the token lifetime, naming both, and keeps the new token",
    async (_relation, refreshBeforeExpiry) => {
      emu.control.setSettings({ tokenTtlSeconds: 60 });
      const declared = { meetingId, customParticipantId: "pia", presetName: "group_call_participant" };
      const created = await createParticipant(checked(declared));
      const inputs = checked({ ...declared, refreshBeforeExpiry });
      expect(diffParticipant(created.outs, inputs).changes).toBe(true);
      emu.control.resetCounters();

      const failure = await windowFailure(
        "update",
        "pia",
        refreshBeforeExpiry,
        updateParticipant(created.id, created.outs, inputs),
      );
      expect(calls("refreshToken")).toBe(1);
      // The token just issued is recorded with the failure rather than lost; the message never shows it.
      expect(failure?.id).toBe(created.id);
      const issued = failure?.properties?.token;
      await expectValidToken(issued, created.id);
      expect(issued).not.toBe(created.outs.token);
      expect(failure?.message).not.toContain(issued as string);

      // With a window shorter than the lifetime, the next update settles.
      const fixed = { ...inputs, refreshBeforeExpiry: 30 };
      const updated = await updateParticipant(created.id, failure?.properties as ParticipantOutputs, fixed);
      expect(diffParticipant(updated.outs, fixed)).toEqual({ changes: false, replaces: [] });
    },
  );
});

describe("token expiry at create", () => {
  it.each([
    ["equal to", 60],
    ["above", 3600],
  ])(
    "fails a create with refreshBeforeExpiry %s the token lifetime, recording the participant and its token",
    async (_relation, refreshBeforeExpiry) => {
      emu.control.setSettings({ tokenTtlSeconds: 60 });
      const inputs = checked({
        meetingId,
        customParticipantId: "quill",
        presetName: "group_call_participant",
        refreshBeforeExpiry,
      });
      const failure = await windowFailure("create", "quill", refreshBeforeExpiry, createParticipant(inputs));
      // One participant, recorded with the token it was issued (never shown in the message).
      const [stored] = participantsInEmulator(meetingId);
      expect(participantsInEmulator(meetingId)).toHaveLength(1);
      expect(failure?.id).toBe(stored.id);
      const issued = failure?.properties?.token;
      await expectValidToken(issued, stored.id);
      expect(failure?.message).not.toContain(issued as string);

      // The next `pulumi up` sees the token due; with the setting fixed, one update settles it.
      const fixed = checked({ ...inputs, refreshBeforeExpiry: 30 });
      expect(diffParticipant(failure?.properties as ParticipantOutputs, inputs).changes).toBe(true);
      const updated = await updateParticipant(stored.id, failure?.properties as ParticipantOutputs, fixed);
      expect(diffParticipant(updated.outs, fixed)).toEqual({ changes: false, replaces: [] });
    },
  );

  it("accepts a window shorter than the token lifetime", async () => {
    emu.control.setSettings({ tokenTtlSeconds: 60 });
    const inputs = checked({
      meetingId,
      customParticipantId: "rory",
      presetName: "group_call_participant",
      refreshBeforeExpiry: 30,
    });
    const created = await createParticipant(inputs);
    expect(diffParticipant(created.outs, inputs)).toEqual({ changes: false, replaces: [] });
  });

  it("judges the lifetime, not the time left: an old token is created, then due for renewal", async () => {
    emu.control.setSettings({ tokenTtlSeconds: 86_400, tokenIssuedSecondsAgo: 86_000 });
    const inputs = checked({
      meetingId,
      customParticipantId: "sol",
      presetName: "group_call_participant",
      refreshBeforeExpiry: 3600,
    });
    const created = await createParticipant(inputs);
    expect(diffParticipant(created.outs, inputs)).toEqual({ changes: true, replaces: [] });
  });
});

describe("check", () => {
  const valid = {
    meetingId: "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40",
    customParticipantId: "alice",
    presetName: "group_call_participant",
  };

  it("accepts valid inputs, trims ids and passes unknown values through", () => {
    expect(checkParticipant({ ...valid, customParticipantId: " alice ", __provider: "x" })).toEqual({
      inputs: valid,
      failures: [],
    });
    const unknowns = {
      meetingId: UNKNOWN,
      customParticipantId: UNKNOWN,
      presetName: UNKNOWN,
      picture: UNKNOWN,
    };
    expect(checkParticipant(unknowns).failures).toEqual([]);
    expect(checkParticipant({ ...valid, participantId: undefined, token: null }).failures).toEqual([]);
  });

  it.each([
    ["meetingId", "not-a-uuid", /`meetingId` must be the id of a RealtimeKit meeting \(a UUID/],
    ["meetingId", undefined, /`meetingId` is required/],
    ["customParticipantId", "   ", /`customParticipantId` must be a non-empty string/],
    ["customParticipantId", 42, /`customParticipantId` must be a non-empty string.*; got a number$/],
    ["presetName", "", /`presetName` must be the name of a preset/],
    ["presetName", undefined, /`presetName` is required/],
    ["name", 7, /`name` must be a string/],
    ["picture", "/relative/picture.png", /`picture` must be an absolute http\(s\) URL/],
    ["picture", "ftp://example.com/a.png", /`picture` must be an absolute http\(s\) URL/],
    ["tokenRotation", true, /`tokenRotation` must be a string or a number/],
    ["tokenRotation", { at: 1 }, /`tokenRotation` must be a string or a number/],
    ["refreshBeforeExpiry", -1, /`refreshBeforeExpiry` must be a non-negative number of seconds/],
    ["refreshBeforeExpiry", "3600", /`refreshBeforeExpiry` must be a non-negative number of seconds/],
    ["adopt", "yes", /`adopt` must be a boolean/],
    ["accountId", "", /`accountId` must be a non-empty string/],
    ["appId", " ", /`appId` must be a non-empty string/],
  ])("rejects %s = %j, naming the property and what it expects", (property, value, reason) => {
    const { failures } = checkParticipant({ ...valid, [property]: value });
    expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it("describes a rejected value by its type and length only, never repeating it (inputs may be secrets)", () => {
    const { failures } = checkParticipant({
      ...valid,
      picture: "https//user:hunter2@example.com/a.png",
      name: ["hunter2"],
      tokenRotation: { key: "hunter2" },
      refreshBeforeExpiry: -5,
    });
    expect(failures).toEqual([
      { property: "name", reason: "`name` must be a string (the display name); got a list of 1 item" },
      {
        property: "picture",
        reason:
          "`picture` must be an absolute http(s) URL of the participant's picture; got a string of 37 characters",
      },
      {
        property: "tokenRotation",
        reason:
          "`tokenRotation` must be a string or a number (change it to issue a new token); got an object",
      },
      {
        property: "refreshBeforeExpiry",
        reason: "`refreshBeforeExpiry` must be a non-negative number of seconds; got -5",
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain("hunter2");
  });

  it("rejects unknown properties and set outputs, listing the known inputs", () => {
    const { failures } = checkParticipant({ ...valid, nmae: "typo", token: "eyJ..." });
    expect(failures).toEqual([
      {
        property: "nmae",
        reason:
          "`nmae` is not a Participant input; the inputs are: meetingId, customParticipantId, presetName, name, " +
          "picture, tokenRotation, refreshBeforeExpiry, adopt, accountId, appId",
      },
      {
        property: "token",
        reason: expect.stringMatching(/^`token` is an output of Participant and cannot be set/),
      },
    ]);
  });

  it("reports every bad property at once, without any network call", () => {
    emu.control.resetCounters();
    const { failures } = checkParticipant({ meetingId: "x", customParticipantId: "", picture: "nope" });
    expect(failures.map((failure) => failure.property)).toEqual([
      "meetingId",
      "customParticipantId",
      "presetName",
      "picture",
    ]);
    expect(emu.control.counters().total).toBe(0);
  });
});

describe("shared read list", () => {
  it("refreshes N participants of a meeting with ceil(N/100) list calls", async () => {
    const count = 250;
    const added: AddedParticipant[] = [];
    for (let index = 0; index < count; index++) {
      added.push(await addParticipant(emu, meetingId, { custom_participant_id: `user-${index}` }));
    }
    emu.control.resetCounters();
    const reads = await Promise.all(
      added.map((participant) =>
        readParticipant(participant.id, {
          participantId: participant.id,
          token: participant.token,
          meetingId,
          customParticipantId: participant.custom_participant_id,
          presetName: participant.preset_name,
          accountId: emu.accountId,
          appId: emu.appId,
        }),
      ),
    );
    expect(reads.every((read, index) => read.id === added[index].id)).toBe(true);
    expect(reads[7].props?.token).toBe(added[7].token);
    expect(calls("list")).toBe(Math.ceil(count / 100));
    expect(calls("get")).toBe(0);

    // A later read in the same process is answered from the same list.
    await readParticipant(added[0].id, {
      meetingId,
      customParticipantId: "user-0",
      accountId: emu.accountId,
    });
    expect(emu.control.counters().total).toBe(Math.ceil(count / 100));
  });

  it("keeps one list for a whole deployment, current with the provider's own writes, until its TTL", async () => {
    let now = 0;
    const view = new SharedParticipantList(MEETING_VIEW_TTL_MS, () => now);
    const client = new RealtimeKitClient({ ...emu, rateLimit: false });
    const meeting = { baseUrl: emu.baseUrl, accountId: emu.accountId, appId: emu.appId, meetingId };
    await addParticipant(emu, meetingId, { custom_participant_id: "before" });
    emu.control.resetCounters();
    expect((await view.list(client, meeting)).map((p) => p.customParticipantId)).toEqual(["before"]);
    expect(calls("list")).toBe(1);

    // A long create phase: minutes pass, the provider's adds are applied, nothing is listed again.
    const added = await client.participants.add(meetingId, {
      customParticipantId: "added",
      presetName: "group_call_participant",
    });
    view.upsert(meeting, added);
    now += 9 * 60_000;
    const seen = await view.list(client, meeting);
    expect(seen.map((p) => p.customParticipantId).sort()).toEqual(["added", "before"]);
    expect(seen.every((p) => !("token" in p) || p.token === undefined)).toBe(true);
    expect(calls("list")).toBe(1);

    // A process that outlives a deployment sees outside changes once the TTL has passed.
    await addParticipant(emu, meetingId, { custom_participant_id: "outside" });
    now += MEETING_VIEW_TTL_MS;
    expect((await view.list(client, meeting)).map((p) => p.customParticipantId).sort()).toEqual([
      "added",
      "before",
      "outside",
    ]);
    expect(calls("list")).toBe(2);
  });

  it("confirms with a GET a participant missing from the list before declaring it gone", async () => {
    const first = await addParticipant(emu, meetingId, { custom_participant_id: "quinn" });
    const props = { meetingId, customParticipantId: "quinn", accountId: emu.accountId, appId: emu.appId };
    await readParticipant(first.id, props); // fills the list
    const later = await addParticipant(emu, meetingId, { custom_participant_id: "rosa" });
    emu.control.resetCounters();
    const read = await readParticipant(later.id, { ...props, customParticipantId: "rosa" });
    expect(read.id).toBe(later.id);
    expect(calls("get")).toBe(1);
    expect(calls("list")).toBe(0);
  });
});

describe("errors and configuration", () => {
  it("names the operation, participant, meeting, status and request id, and never a token", async () => {
    const inputs = checked({ meetingId, customParticipantId: "sam", presetName: "group_call_participant" });
    const created = await createParticipant(inputs);
    const error = await updateParticipant(created.id, created.outs, {
      ...inputs,
      presetName: "no_such_preset",
    }).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.message).toMatch(
      new RegExp(
        `^Could not update participant "sam" in meeting ${meetingId}: RealtimeKit PATCH /meetings/${meetingId}/participants/${created.id} failed: 400 .*no_such_preset.*\\(request id [^)]+\\)`,
      ),
    );
    expect(error?.message).not.toContain(emu.apiToken);
    expect(error?.message).not.toContain(created.outs.token as string);
  });

  it("lists the app's presets when the API rejects an unknown preset, on add and on update", async () => {
    const known = "known presets: group_call_host, group_call_participant, webinar_presenter, webinar_viewer";
    const inputs = checked({ meetingId, customParticipantId: "pete", presetName: "group_call_hots" });
    const addError = await createParticipant(inputs).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(addError?.message).toMatch(
      new RegExp(
        `^Could not create participant "pete" in meeting ${meetingId}: RealtimeKit POST /meetings/${meetingId}/participants failed: 400 .*group_call_hots.*\\(request id [^)]+\\); ${known}$`,
      ),
    );
    expect(participantsInEmulator(meetingId)).toEqual([]);

    const created = await createParticipant({ ...inputs, presetName: "group_call_host" });
    const editError = await updateParticipant(created.id, created.outs, {
      ...inputs,
      presetName: "webinar_host",
    }).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(editError?.message).toMatch(
      new RegExp(
        `^Could not update participant "pete" in meeting ${meetingId}: RealtimeKit PATCH .*; ${known}$`,
      ),
    );
  });

  it("leaves a 400 that is not about the preset as the API said it", async () => {
    emu.control.injectFault({ method: "POST", path: "/participants", times: 1, kind: "status", status: 400 });
    const inputs = checked({ meetingId, customParticipantId: "quin", presetName: "group_call_participant" });
    const error = await createParticipant(inputs).then(
      () => undefined,
      (failure: Error) => failure,
    );
    expect(error?.message).toMatch(
      /^Could not create participant "quin" in meeting .*: RealtimeKit POST .* 400 /,
    );
    expect(error?.message).not.toContain("known presets");
  });

  it("fails with one message naming every place a missing value could come from", async () => {
    await withEnvironment({}, async () => {
      configure(stackConfig({ "realtimekit:accountId": emu.accountId }));
      const inputs = checked({
        meetingId,
        customParticipantId: "tess",
        presetName: "group_call_participant",
      });
      await expect(createParticipant(inputs)).rejects.toThrow(
        /^Could not create participant "tess" in meeting [0-9a-f-]+: RealtimeKit configuration is incomplete:\n.*apiToken: set Pulumi config `realtimekit:apiToken`, Pulumi config `cloudflare:apiToken` or the environment variable CLOUDFLARE_API_TOKEN\n.*appId: set the resource argument `appId`, Pulumi config `realtimekit:appId` or the environment variable REALTIMEKIT_APP_ID/s,
      );
    });
  });

  it("takes the API token from the environment and ids from resource arguments when config lacks them", async () => {
    await withEnvironment(
      { CLOUDFLARE_API_TOKEN: emu.apiToken, REALTIMEKIT_BASE_URL: emu.baseUrl },
      async () => {
        configure(stackConfig({}));
        const created = await createParticipant(
          checked({
            meetingId,
            customParticipantId: "uma",
            presetName: "group_call_participant",
            accountId: emu.accountId,
            appId: emu.appId,
          }),
        );
        expect(created.outs).toMatchObject({ accountId: emu.accountId, appId: emu.appId });
        // Read and delete use the recorded ids, even with no ids configured anywhere.
        expect((await readParticipant(created.id, created.outs)).id).toBe(created.id);
        await deleteParticipant(created.id, created.outs);
        expect(participantsInEmulator(meetingId)).toEqual([]);
      },
    );
  });
});
