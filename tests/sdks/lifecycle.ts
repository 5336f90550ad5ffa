/**
 * The core of the plugin's YAML end-to-end test, for a program in another language that uses a generated
 * SDK through the Automation API's inline mode: a meeting, a Roster of two (the plugin's construct) and one
 * more participant, and an App with a Preset and a Webhook in it; up; preview shows no changes; no plaintext token in any backend file; one preset
 * change is one update; a tokenRotation change is a new token for the same participant; destroy. Each language supplies a driver (tests/sdks/<language>/) that runs one step per call
 * and prints one JSON report; the assertions live here, once, for every language.
 */
import { execFile, execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { callApi } from "../helpers/emulator";
import { buildPlugin, removePlugin } from "../helpers/plugin";

export type Step = "up" | "preview" | "destroy";

/** What a driver prints for one step. */
export interface StepReport {
  /** The engine's operation counts (`create`, `update`, `same`, `delete`, …). */
  changes: Record<string, number>;
  /** Stack outputs; a secret string output carries only its SHA-256. */
  outputs?: Record<string, { value?: unknown; sha256?: string; secret: boolean }>;
}

/**
 * Runs one step of the language's program with the given environment; returns its report. Asynchronous:
 * the emulator answers from this process's event loop while the program runs.
 */
export type Driver = (step: Step, env: Record<string, string>) => Promise<StepReport>;

const execFileAsync = promisify(execFile);

/** Runs a driver command and parses its report; a failure carries the command's stderr (engine output). */
export async function runDriver(
  command: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string> },
): Promise<StepReport> {
  try {
    const { stdout } = await execFileAsync(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return parseReport(stdout);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${stderr ?? ""}\n${stdout ?? ""}`);
  }
}

const repoRoot = path.resolve(__dirname, "../..");

function pulumiBinDir(): string {
  try {
    return path.dirname(execFileSync("which", ["pulumi"], { encoding: "utf8" }).trim());
  } catch {
    throw new Error("no `pulumi` on PATH: run the suite with `make test` (it builds or finds the CLI)");
  }
}

/** Parses the last line of a driver's stdout as its report. */
function parseReport(stdout: string): StepReport {
  const last = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as StepReport;
}

const sha256 = (text: string): string => crypto.createHash("sha256").update(text).digest("hex");
/** A map with its keys sorted, so JSON.stringify writes it as the drivers hash it. */
const sortedKeys = (map: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Every file under a folder, as text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    if (!entry.isFile()) return [];
    const file = path.join(entry.parentPath, entry.name);
    return [{ file, text: fs.readFileSync(file, "utf8") }];
  });
}

/**
 * Declares the lifecycle tests for one language. `prepare` builds the driver (compiling, installing) once,
 * before the first step.
 */
export function describeSdkLifecycle(language: string, prepare: () => Driver | Promise<Driver>): void {
  describe(`${language}: a program on the generated SDK, through the real engine and the plugin`, () => {
    let emulator: RunningEmulator;
    let driver: Driver;
    let dir: string;
    let env: Record<string, string>;
    const stack = `${language}-e2e`;

    const step = (name: Step, settings: { preset?: string; rotation?: string } = {}): Promise<StepReport> =>
      driver(name, {
        ...env,
        RTK_PRESET: settings.preset ?? "group_call_participant",
        RTK_ROTATION: settings.rotation ?? "1",
      });
    const participant = async (meetingId: string, id: string) =>
      callApi(emulator, "GET", `/meetings/${meetingId}/participants/${id}`);
    /** A preset or webhook of the program's App, as the API answers for it. */
    const inApp = (
      outputs: StepReport["outputs"],
      kind: "presets" | "webhooks",
      id: "presetId" | "webhookId",
    ) =>
      callApi(
        emulator,
        "GET",
        `/accounts/${emulator.accountId}/realtime/kit/${String(outputs?.appId.value)}/${kind}/${String(outputs?.[id].value)}`,
      );
    /** A stack output in plain text, through the CLI, as a user would reveal it. */
    const reveal = (name: string): unknown =>
      JSON.parse(
        execFileSync(
          path.join(pulumiBinDir(), "pulumi"),
          ["stack", "output", name, "--show-secrets", "--json", "--stack", stack, "--non-interactive"],
          { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8" },
        ),
      );
    const revealToken = (): string => reveal("token") as string;
    const revealRosterTokens = (): Record<string, string> => reveal("rosterTokens") as Record<string, string>;

    let first: StepReport;

    beforeAll(async () => {
      driver = await prepare();
      emulator = await startEmulator();
      fs.mkdirSync(path.join(repoRoot, ".pulumi-state"), { recursive: true });
      dir = fs.mkdtempSync(path.join(repoRoot, ".pulumi-state", `sdk-${language}-`));
      fs.mkdirSync(path.join(dir, ".backend"));
      env = {
        PATH: `${pulumiBinDir()}:${process.env.PATH ?? ""}`,
        PULUMI_BACKEND_URL: `file://${path.join(dir, ".backend")}`,
        PULUMI_HOME: path.join(dir, ".pulumi-home"),
        PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        RTK_WORK_DIR: dir,
        RTK_STACK: stack,
        RTK_PLUGIN_DIR: buildPlugin().dir,
        RTK_BASE_URL: emulator.baseUrl,
        RTK_ACCOUNT_ID: emulator.accountId,
        RTK_APP_ID: emulator.appId,
        RTK_API_TOKEN: emulator.apiToken,
      };
    }, 600_000);

    afterAll(async () => {
      await emulator?.close();
      removePlugin();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test("up creates the meeting, the roster's participants and one more; tokens are secret outputs", async () => {
      first = await step("up");
      // the stack, the meeting, the roster component, its two participants, alice, the app, preset, webhook
      expect(first.changes).toEqual({ create: 9 });
      const outputs = first.outputs ?? {};
      const meetingId = String(outputs.meetingId.value);
      expect(outputs.token).toMatchObject({ secret: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const held = await participant(meetingId, String(outputs.participantId.value));
      expect(held.status).toBe(200);
      expect(held.body.data).toMatchObject({
        custom_participant_id: "alice",
        preset_name: "group_call_participant",
      });
      expect(sha256(revealToken())).toBe(outputs.token.sha256);

      const rosterIds = outputs.rosterIds.value as Record<string, string>;
      expect(Object.keys(rosterIds).sort()).toEqual(["bob", "carol"]);
      for (const [customId, id] of Object.entries(rosterIds)) {
        const member = await participant(meetingId, id);
        expect(member.body.data).toMatchObject({
          custom_participant_id: customId,
          preset_name: "webinar_viewer",
        });
      }
      expect(outputs.rosterTokens.secret).toBe(true);
      const rosterTokens = revealRosterTokens();
      expect(Object.keys(rosterTokens).sort()).toEqual(["bob", "carol"]);
      expect(outputs.rosterTokens.sha256).toBe(sha256(JSON.stringify(sortedKeys(rosterTokens))));

      // The preset and the webhook live in the App the program declared, not in the configured one.
      expect(outputs.appId.value).not.toBe(emulator.appId);
      const preset = await inApp(outputs, "presets", "presetId");
      expect(preset.body.data).toMatchObject({ name: "host", permissions: { can_record: true } });
      const webhook = await inApp(outputs, "webhooks", "webhookId");
      expect(webhook.body.data).toMatchObject({
        name: "backend",
        url: "https://hooks.example.com/realtimekit",
        events: expect.arrayContaining(["meeting.started", "meeting.participantJoined"]),
      });
    }, 300_000);

    test("preview after up shows no changes", async () => {
      const preview = await step("preview");
      expect(Object.keys(preview.changes)).toEqual(["same"]);
    }, 300_000);

    test("no backend file holds a join token or the API token in plain text", () => {
      const secrets = [revealToken(), ...Object.values(revealRosterTokens()), emulator.apiToken];
      for (const token of secrets.slice(0, 3)) expect(token.split(".")).toHaveLength(3); // JWTs
      const files = filesUnder(path.join(dir, ".backend"));
      expect(files.length).toBeGreaterThan(0);
      const leaks = files
        .filter(({ text }) => secrets.some((secret) => text.includes(secret)))
        .map(({ file }) => path.relative(dir, file)); // (names only: a failure must not print the state)
      expect(leaks).toEqual([]);
      expect(files.some(({ text }) => text.includes('"ciphertext"'))).toBe(true);
    }, 300_000);

    test("one preset change is one update of the same participant", async () => {
      const result = await step("up", { preset: "group_call_host" });
      const { same, update, ...others } = result.changes;
      expect({ update, others }).toEqual({ update: 1, others: {} });
      expect(same).toBe(first.changes.create - 1);
      const outputs = result.outputs ?? {};
      expect(outputs.participantId.value).toBe(first.outputs?.participantId.value);
      const held = await participant(String(outputs.meetingId.value), String(outputs.participantId.value));
      expect(held.body.data).toMatchObject({ preset_name: "group_call_host" });
    }, 300_000);

    test("a tokenRotation change issues a new token to the same participant", async () => {
      const before = revealToken();
      const result = await step("up", { preset: "group_call_host", rotation: "2" });
      expect(result.changes.update).toBe(1);
      const outputs = result.outputs ?? {};
      expect(outputs.participantId.value).toBe(first.outputs?.participantId.value);
      expect(outputs.token.secret).toBe(true);
      const after = revealToken();
      expect(after).not.toBe(before);
      expect(sha256(after)).toBe(outputs.token.sha256);
    }, 300_000);

    test("destroy deletes every participant, the preset and the webhook, keeps the app and deactivates the meeting", async () => {
      const outputs = first.outputs ?? {};
      const result = await step("destroy", { preset: "group_call_host", rotation: "2" });
      expect(result.changes.delete).toBe(first.changes.create);
      const meetingId = String(outputs.meetingId.value);
      const ids = [String(outputs.participantId.value), ...Object.values(outputs.rosterIds.value as object)];
      for (const id of ids) expect((await participant(meetingId, String(id))).status).toBe(404);
      expect((await inApp(outputs, "presets", "presetId")).status).toBe(404);
      expect((await inApp(outputs, "webhooks", "webhookId")).status).toBe(404);
      const apps = await callApi(emulator, "GET", `/accounts/${emulator.accountId}/realtime/kit/apps`);
      expect(JSON.stringify(apps.body.data)).toContain(String(outputs.appId.value)); // no delete call for apps
      const meeting = await callApi(emulator, "GET", `/meetings/${meetingId}`);
      expect(meeting.body.data).toMatchObject({ status: "INACTIVE" });
    }, 300_000);
  });
}
