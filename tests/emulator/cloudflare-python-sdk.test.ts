/**
 * Cloudflare's official Python SDK (PyPI `cloudflare` 5.x, tests/emulator/python/requirements.txt) runs its
 * preset, webhook and app calls unchanged against the emulator (tests/emulator/python/official_sdk.py): a
 * second client nobody here wrote, beside the npm one, agreeing on paths, bodies, envelopes and statuses.
 * The venv is made by scripts/python-venv.sh (cached; `make setup` makes it ahead of time).
 */
import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { useEmulator } from "../helpers/emulator";

const emu = useEmulator();
const repoRoot = path.resolve(__dirname, "../..");

type Answer = { data?: unknown; error?: string; status?: number; message?: string };

let python = "";
beforeAll(() => {
  const script = path.join(repoRoot, "scripts/python-venv.sh");
  const output = execFileSync("bash", [script, "tests/emulator/python/requirements.txt"], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  python = output.trim().split("\n").pop() as string;
}, 600_000);

async function runDriver(): Promise<Record<string, Answer>> {
  const { stdout } = await promisify(execFile)(python, [path.join(__dirname, "python/official_sdk.py")], {
    env: {
      ...process.env,
      RTK_BASE_URL: emu.baseUrl,
      RTK_ACCOUNT_ID: emu.accountId,
      RTK_APP_ID: emu.appId,
      RTK_API_TOKEN: emu.apiToken,
      // The emulator is on loopback: no proxy of the machine may stand in between.
      NO_PROXY: "127.0.0.1,localhost",
      PYTHONDONTWRITEBYTECODE: "1",
    },
    encoding: "utf8",
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, Answer>;
}

describe("Cloudflare's official Python SDK against the emulator", () => {
  let report: Record<string, Answer>;
  beforeAll(async () => {
    report = await runDriver();
  }, 60_000);

  test("creates, updates, replaces, lists and deletes a preset", () => {
    const created = report["presets.create"].data as { id: string };
    expect(created).toMatchObject({ name: "python", config: { view_type: "GROUP_CALL" } });
    expect(report["presets.update"].data).toMatchObject({
      id: created.id,
      permissions: { can_record: false, kick_participant: true },
    });
    expect(report["presets.replace_preset_by_id"].data).toMatchObject({
      name: "python-2",
      config: { view_type: "WEBINAR" },
    });
    expect(report["presets.get.search"]).toMatchObject({
      data: [{ id: created.id, name: "python-2" }],
      paging: { total_count: 1, start_offset: 1, end_offset: 1 },
    });
    expect(report["presets.delete"].data).toMatchObject({ id: created.id });
  });

  test("maps the preset errors to the SDK's exceptions: 404, 409, 400 naming the field", () => {
    expect(report["presets.get_preset_by_id.deleted"]).toMatchObject({ error: "NotFoundError", status: 404 });
    expect(report["presets.create.duplicate"]).toMatchObject({ error: "ConflictError", status: 409 });
    expect(report["presets.create.invalid"]).toMatchObject({ error: "BadRequestError", status: 400 });
    expect(report["presets.create.invalid"].message).toContain('"config.view_type" must be one of');
  });

  test("creates, edits, replaces, lists and deletes a webhook; the empty list is a 404", () => {
    const created = report["webhooks.create_webhook"].data as { id: string };
    expect(report["webhooks.get_webhooks.none"]).toMatchObject({ error: "NotFoundError", status: 404 });
    expect(created).toMatchObject({ name: "python", enabled: true });
    expect(report["webhooks.edit_webhook"].data).toMatchObject({ id: created.id, enabled: false });
    // The partial PUT answer parses; the get after it shows the whole webhook.
    expect(report["webhooks.replace_webhook"].data).toEqual({
      id: created.id,
      name: "python-2",
      url: "https://hooks.example.com/rtk",
    });
    const whole = report["webhooks.get_webhook_by_id"].data;
    expect(whole).toMatchObject({ name: "python-2", events: ["meeting.ended"], enabled: false });
    expect(report["webhooks.get_webhooks"].data).toEqual([whole]);
    expect(report["webhooks.delete_webhook"].data).toEqual(whole);
    expect(report["webhooks.create_webhook.invalid"]).toMatchObject({
      error: "BadRequestError",
      status: 400,
    });
  });

  test("creates and lists apps", () => {
    const app = (report["apps.post"].data as { app: { id: string } }).app;
    expect(app).toMatchObject({ id: expect.any(String), name: "python app" });
    expect(report["apps.get"].data).toEqual([app]);
  });
});
