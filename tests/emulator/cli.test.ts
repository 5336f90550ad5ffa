import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseCliArguments } from "../../emulator/cli";
import { startEmulator } from "../../emulator/server";
import { callApi } from "../helpers/emulator";

const ROOT = resolve(__dirname, "../..");

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe("the emulator CLI", () => {
  let directory: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "rtk-emulator-cli-"));
  });
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    child = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  test("prints its values, writes the info file, serves the API and exits cleanly on SIGTERM", async () => {
    const infoFile = join(directory, "info.json");
    const stateFile = join(directory, "state.json");
    const emulatorProcess = spawn(
      "node",
      [
        "-r",
        "ts-node/register/transpile-only",
        "emulator/cli.ts",
        "--port",
        "0",
        "--info-file",
        infoFile,
        "--state-file",
        stateFile,
        "--duplicates",
        "reject",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    child = emulatorProcess;
    let stdout = "";
    emulatorProcess.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => emulatorProcess.on("exit", (code) => done(code)));

    const info = await waitFor(
      () =>
        existsSync(infoFile)
          ? (JSON.parse(readFileSync(infoFile, "utf8")) as Record<string, string>)
          : undefined,
      "the info file",
    );
    expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    expect(stdout).toContain(`baseUrl=${info.baseUrl}\n`);
    expect(stdout).toContain(`accountId=${info.accountId}\n`);
    expect(stdout).toContain(`appId=${info.appId}\n`);
    expect(stdout).toContain(`apiToken=${info.apiToken}\n`);
    const target = {
      baseUrl: info.baseUrl,
      accountId: info.accountId,
      appId: info.appId,
      apiToken: info.apiToken,
    };
    expect((await callApi(target, "POST", "/meetings", {})).status).toBe(201);

    emulatorProcess.kill("SIGTERM");

    expect(await exited).toBe(0);
    expect(JSON.parse(readFileSync(stateFile, "utf8")).meetings).toHaveLength(1);
  });
});

describe("a failed start", () => {
  /** Runs the CLI to its exit; resolves with the exit code and what it printed. */
  function runCli(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const cli = spawn("node", ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...argv], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    cli.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((done) => cli.on("close", (code) => done({ code, stdout, stderr })));
  }

  test("on a busy port prints one line that names the port and what to do, without the usage", async () => {
    const holder = await startEmulator({ port: 0 });
    try {
      const port = new URL(holder.baseUrl).port;
      const result = await runCli(["--port", port]);
      expect(result).toEqual({
        code: 1,
        stdout: "",
        stderr:
          `realtimekit-emulator: port 127.0.0.1:${port} is already in use (another emulator?); ` +
          "pick another with --port N, or --port 0 for a free one\n",
      });
    } finally {
      await holder.close();
    }
  });

  test("on a bad argument prints the problem, then the usage", async () => {
    const result = await runCli(["--port", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^realtimekit-emulator: --port must be a non-negative integer, got x\nUsage: /,
    );
  });
});

describe("CLI arguments", () => {
  test("map to emulator options", () => {
    const parsed = parseCliArguments([
      "--port=9000",
      "--state-file",
      "s.json",
      "--api-token",
      "T",
      "--account-id",
      "a".repeat(32),
      "--app-id",
      "X",
      "--token-ttl",
      "600",
      "--duplicates",
      "reject",
      "--rate-limit",
      "1200/300000",
      "--info-file",
      "i.json",
    ]);

    expect(parsed.infoFile).toBe("i.json");
    expect(parsed.options).toEqual({
      port: 9000,
      stateFile: "s.json",
      apiToken: "T",
      accountId: "a".repeat(32),
      appId: "X",
      tokenTtlSeconds: 600,
      duplicateCustomParticipantId: "reject",
      rateLimit: { requests: 1200, windowMs: 300000 },
    });
  });

  test("--setting sets any setting, repeatable, with numbers and booleans read as such", () => {
    const parsed = parseCliArguments([
      "--setting",
      "duplicateNames=allow",
      "--setting=serverAddedFields=false",
      "--setting",
      "tokenIssuedSecondsAgo=30",
    ]);

    expect(parsed.options.settings).toEqual({
      duplicateNames: "allow",
      serverAddedFields: false,
      tokenIssuedSecondsAgo: 30,
    });
  });

  test("default to port 8787", () => {
    expect(parseCliArguments([]).options.port).toBe(8787);
  });

  test.each([
    [["--port", "x"]],
    [["--duplicates", "maybe"]],
    [["--rate-limit", "fast"]],
    [["--setting", "emptyWebhookList=maybe"]],
    [["--setting", "noSuchSetting=1"]],
    [["--setting", "duplicateNames"]],
    [["--bogus"]],
    [["--port"]],
  ])("refuse %j", (argv) => {
    expect(() => parseCliArguments(argv)).toThrow();
  });
});
