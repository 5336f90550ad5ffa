/**
 * `make demo` as a newcomer reads it: one run of scripts/demo.sh (what the target runs once dist/ is
 * built) on a fresh state folder, through the real CLI against the emulator. Its output shows the preview
 * diff before anything is applied, the roster as a table whose tokens stay `[secret]`, the preview of a
 * changed copy of the roster (one update, one delete), and next steps that work exactly as printed.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";

jest.setTimeout(240_000);
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const STACK = `demo-test-${process.pid}`;

let stateDir: string;
/** What the demo printed on stdout; `everything` adds stderr. */
let output: string;
let everything: string;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "rtk-demo-"));
  const result = await run("bash", ["scripts/demo.sh"], {
    cwd: ROOT,
    env: { ...process.env, STACK, PULUMI_RTK_STATE_DIR: stateDir, RTK_REPOSITORY: ROOT },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  output = result.stdout;
  everything = result.stdout + result.stderr;
});

afterAll(() => {
  fs.rmSync(path.join(ROOT, `Pulumi.${STACK}.yaml`), { force: true });
  if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
});

/** The part of the output from the line starting with `from` up to the next line starting with `to`. */
function section(from: string, to: string): string {
  const start = output.indexOf(`\n${from}`);
  const end = output.indexOf(`\n${to}`, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return output.slice(start, end < 0 ? undefined : end);
}

/** The customParticipantIds of the example's roster file. */
function rosterIds(): string[] {
  const entries = parse(fs.readFileSync(path.join(ROOT, "examples/roster/roster.yaml"), "utf8")) as {
    customParticipantId: string;
  }[];
  return entries.map((entry) => entry.customParticipantId).sort();
}

test("the first pass previews with the diff, then applies what the preview showed", () => {
  const preview = section("demo: pulumi preview --diff", "demo: pulumi up --skip-preview");
  expect(preview).toMatch(/\+ pulumi-nodejs:dynamic\/realtimekit:Participant: \(create\)/);
  expect(preview).toMatch(/^ +\+ \d+ to create$/m);
  expect(section("demo: pulumi up --skip-preview", "demo: the roster")).toMatch(/^ +\+ \d+ created$/m);
});

test("the roster is a table: one row per person, every token [secret]", () => {
  const lines = section("demo: the roster", "demo: a copy").trim().split("\n").slice(1);
  expect(lines[0].split(/ {2,}/)).toEqual([
    "customParticipantId",
    "name",
    "preset",
    "participant id",
    "token",
  ]);
  const rows = lines.slice(1).filter((line) => /^u-/.test(line));
  expect(rows.map((row) => row.split(/ {2,}/)[0])).toEqual(rosterIds());
  for (const row of rows) {
    const [, name, preset, participantId, token] = row.split(/ {2,}/);
    expect({ name, preset, token }).toEqual({
      name: expect.any(String),
      preset: expect.stringMatching(/^[a-z_]+$/),
      token: "[secret]",
    });
    expect(participantId).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("the second pass previews a changed copy: one update of a preset, one delete", () => {
  const preview = section("demo: a copy of roster.yaml", "demo: explore");
  expect(preview).toMatch(/preset \S+ -> \S+; \S+ \(.+\) removed/);
  expect(preview).toMatch(/~ presetName +: "\S+" => "\S+"/);
  expect(preview).toMatch(/^ +~ 1 to update\n +- 1 to delete\n/m);
  expect(fs.readFileSync(path.join(ROOT, `Pulumi.${STACK}.yaml`), "utf8")).not.toContain("rosterFile");
});

test("no progress dots and no npm noise", () => {
  expect(everything).not.toMatch(/^@ /m);
  expect(everything).not.toMatch(/npm (warn|WARN|notice)/);
});

test("the next steps work as printed, and the demo's output holds no token in plain text", async () => {
  const steps = section("demo: explore the stack", "\u0000")
    .split("\n")
    .map((line) => line.replace(/ {2,}#.*$/, "").trim())
    .filter((line) => line && !line.startsWith("demo:") && !line.startsWith("make "));
  expect(steps).toEqual([
    `export PULUMI_RTK_STATE_DIR=${stateDir}`,
    "source scripts/demo-env.sh",
    `pulumi stack select ${STACK}`,
    "pulumi stack output tokens --show-secrets",
    "pulumi stack --show-ids",
  ]);
  // A shell with nothing of the demo's: no pulumi on PATH, no backend, no passphrase.
  const shell = await run("bash", ["-c", `set -e\n${steps.slice(0, 4).join("\n")}`], {
    cwd: ROOT,
    env: { PATH: "/usr/bin:/bin", HOME: os.homedir() },
    encoding: "utf8",
  });
  const tokens = JSON.parse(shell.stdout.slice(shell.stdout.indexOf("{"))) as Record<string, string>;
  expect(Object.keys(tokens).sort()).toEqual(rosterIds());
  for (const token of Object.values(tokens)) {
    expect(token).toMatch(/^eyJ/);
    expect(everything).not.toContain(token);
  }
});
