import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { addParticipant, callApi, createMeeting } from "../helpers/emulator";

describe("the state file", () => {
  let directory: string;
  const running: RunningEmulator[] = [];
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "rtk-emulator-state-"));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
    rmSync(directory, { recursive: true, force: true });
  });
  async function start(stateFile: string, options = {}): Promise<RunningEmulator> {
    const emulator = await startEmulator({ stateFile, ...options });
    running.push(emulator);
    return emulator;
  }

  test("keeps credentials, apps, meetings and participants across a restart", async () => {
    const stateFile = join(directory, "state.json");
    const first = await start(stateFile);
    const meetingId = await createMeeting(first, { title: "kept" });
    const added = await addParticipant(first, meetingId, { custom_participant_id: "alice", name: "Alice" });
    const app = await callApi(first, "POST", `/accounts/${first.accountId}/realtime/kit/apps`, {
      name: "extra",
    });
    await first.close();
    running.splice(0);

    const second = await start(stateFile);

    expect([second.apiToken, second.accountId, second.appId]).toEqual([
      first.apiToken,
      first.accountId,
      first.appId,
    ]);
    expect((await callApi(second, "GET", `/meetings/${meetingId}`)).body.data).toMatchObject({
      title: "kept",
    });
    const participant = await callApi(second, "GET", `/meetings/${meetingId}/participants/${added.id}`);
    expect(participant.body.data).toMatchObject({ custom_participant_id: "alice", name: "Alice" });
    const appId = (app.body.data as { app: { id: string } }).app.id;
    const apps = await callApi(second, "GET", `/accounts/${second.accountId}/realtime/kit/apps`);
    expect((apps.body.data as { id: string }[]).map((row) => row.id)).toContain(appId);
  });

  test("keeps created presets and webhooks across a restart", async () => {
    const stateFile = join(directory, "state.json");
    const first = await start(stateFile);
    const [row] = (await callApi(first, "GET", "/presets?search=webinar_viewer")).body.data as {
      id: string;
    }[];
    const seeded = (await callApi(first, "GET", `/presets/${row.id}`)).body.data as Record<string, unknown>;
    const body = { name: "kept", config: seeded.config, permissions: seeded.permissions, ui: seeded.ui };
    const preset = (await callApi(first, "POST", "/presets", body)).body.data as { id: string };
    const hook = { name: "kept", url: "https://hooks.example.com/x", events: ["meeting.ended"] };
    const webhook = (await callApi(first, "POST", "/webhooks", hook)).body.data as { id: string };
    await first.close();
    running.splice(0);

    const second = await start(stateFile);

    expect((await callApi(second, "GET", `/presets/${preset.id}`)).body.data).toMatchObject(body);
    expect((await callApi(second, "GET", `/webhooks/${webhook.id}`)).body.data).toMatchObject(hook);
  });

  test("a state file from before webhooks existed loads, with none", async () => {
    const stateFile = join(directory, "state.json");
    const first = await start(stateFile);
    await first.close();
    running.splice(0);
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as Record<string, unknown>;
    delete state.webhooks;
    writeFileSync(stateFile, JSON.stringify(state));

    const second = await start(stateFile, { settings: { emptyWebhookList: "empty" } });

    expect((await callApi(second, "GET", "/webhooks")).body.data).toEqual([]);
  });

  test("records deletions and leaves no temporary file behind", async () => {
    const stateFile = join(directory, "state.json");
    const first = await start(stateFile);
    const meetingId = await createMeeting(first);
    const added = await addParticipant(first, meetingId, { custom_participant_id: "gone" });
    await callApi(first, "DELETE", `/meetings/${meetingId}/participants/${added.id}`);
    await first.close();
    running.splice(0);

    const second = await start(stateFile);

    expect(second.control.snapshot().participants).toEqual([]);
    expect(readdirSync(directory)).toEqual(["state.json"]);
  });

  test("never writes through a planted link, keeps the file private, and writes many changes at once", async () => {
    const stateFile = join(directory, "state.json");
    const victim = join(directory, "victim.txt");
    writeFileSync(victim, "untouched");
    // The temporary name the emulator used to write through: predictable from the pid.
    symlinkSync(victim, `${stateFile}.${process.pid}.tmp`);
    const emulator = await start(stateFile);
    const meetingId = await createMeeting(emulator);
    for (let index = 0; index < 30; index++) {
      await addParticipant(emulator, meetingId, { custom_participant_id: `p-${index}` });
    }
    await emulator.close();
    running.splice(0);

    expect(readFileSync(victim, "utf8")).toBe("untouched");
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as { participants: unknown[] };
    expect(state.participants).toHaveLength(30); // close writes what is pending
    expect(readdirSync(directory).sort()).toEqual([
      "state.json",
      `state.json.${process.pid}.tmp`,
      "victim.txt",
    ]);
  });

  test("writes after a burst of changes once they settle, without waiting for close", async () => {
    const stateFile = join(directory, "state.json");
    const emulator = await start(stateFile);
    const meetingId = await createMeeting(emulator);
    await addParticipant(emulator, meetingId, { custom_participant_id: "settled" });
    const deadline = Date.now() + 5000;
    let count = 0;
    while (count !== 1 && Date.now() < deadline) {
      count = (JSON.parse(readFileSync(stateFile, "utf8")) as { participants: unknown[] }).participants
        .length;
      if (count !== 1) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(count).toBe(1);
  });

  test("is written on start, so a fresh file already holds the credentials", async () => {
    const stateFile = join(directory, "fresh.json");

    const emulator = await start(stateFile, { apiToken: "given-token" });

    expect(existsSync(stateFile)).toBe(true);
    await emulator.close();
    running.splice(0);
    expect((await start(stateFile)).apiToken).toBe("given-token");
  });

  test("a reset is persisted too", async () => {
    const stateFile = join(directory, "state.json");
    const first = await start(stateFile);
    await createMeeting(first);
    first.control.reset();
    await first.close();
    running.splice(0);

    expect((await start(stateFile)).control.snapshot().meetings).toEqual([]);
  });

  test("a file that is not an emulator state is refused", async () => {
    const stateFile = join(directory, "other.json");
    writeFileSync(stateFile, JSON.stringify({ hello: "world" }));

    await expect(startEmulator({ stateFile })).rejects.toThrow(/not a version 1 emulator state/);
  });
});

describe("start options", () => {
  test("given credentials and ids are used as is", async () => {
    const emulator = await startEmulator({
      apiToken: "tok",
      accountId: "0123456789abcdef0123456789abcdef",
      appId: "11111111-2222-3333-4444-555555555555",
    });
    try {
      expect(emulator).toMatchObject({
        apiToken: "tok",
        accountId: "0123456789abcdef0123456789abcdef",
        appId: "11111111-2222-3333-4444-555555555555",
      });
      expect(emulator.baseUrl).toBe(`${emulator.origin}/client/v4`);
      expect(emulator.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await callApi(emulator, "GET", "/presets")).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  test("defaults are random per start", async () => {
    const [a, b] = await Promise.all([startEmulator(), startEmulator()]);
    try {
      expect(a.apiToken).not.toBe(b.apiToken);
      expect(a.accountId).toMatch(/^[0-9a-f]{32}$/);
      expect(a.appId).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.accountId).not.toBe(b.accountId);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test.each([
    [{ accountId: "xyz" }, /accountId/],
    [{ tokenTtlSeconds: 0 }, /tokenTtlSeconds/],
    [{ duplicateCustomParticipantId: "maybe" }, /duplicateCustomParticipantId/],
  ])("an invalid option %j is refused", async (options, message) => {
    await expect(startEmulator(options as never)).rejects.toThrow(message);
  });

  test("the log option receives one line per API request, without the token", async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ log: (line) => lines.push(line) });
    try {
      await callApi(emulator, "GET", "/presets");

      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^GET \/client\/v4\/accounts\/.+\/presets -> 200/);
      expect(lines.join("\n")).not.toContain(emulator.apiToken);
    } finally {
      await emulator.close();
    }
  });
});
