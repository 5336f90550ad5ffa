/**
 * Runs real Pulumi programs with the real CLI (Automation API, local file backend) against an in-process
 * emulator. The CLI comes from scripts/install-pulumi-cli.sh (`make test` puts it on PATH).
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";

const repoRoot = path.resolve(__dirname, "../..");
/** Inside the repo (git-ignored) so programs resolve @pulumi/pulumi and pulumi-realtimekit from node_modules. */
const workRoot = path.join(repoRoot, ".pulumi-state", "e2e");

function pulumiBinDir(): string {
  try {
    return path.dirname(execFileSync("which", ["pulumi"], { encoding: "utf8" }).trim());
  } catch {
    throw new Error("no `pulumi` on PATH: run the suite with `make test` (it builds or finds the CLI)");
  }
}

/** How a program run ended: its exit status (1 when it died of a signal) and its output. */
export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface E2eProject {
  dir: string;
  stack: Stack;
  emulator: RunningEmulator;
  /** The checkpoint file of the stack on disk, as text. */
  stateFileText(): string;
  /** The environment the CLI runs with (backend, passphrase, PULUMI_HOME, PATH with the CLI). */
  env: NodeJS.ProcessEnv;
  /** The file backend's directory (what `PULUMI_BACKEND_URL` points at). */
  backendDir: string;
  /**
   * Runs the CLI in the project (same environment as the stack) and returns its stdout. Synchronous: the
   * in-process emulator cannot answer meanwhile, so only for commands that make no API call.
   */
  cli(args: string[]): string;
  /**
   * Runs a program in the project with the stack's environment (`pulumi` on PATH, the backend, the
   * passphrase) without blocking the in-process emulator, and resolves with its exit status and output.
   */
  run(file: string, args: string[], env?: Record<string, string>): Promise<RunResult>;
  /** `run` of the CLI itself, on this stack. */
  runCli(args: string[]): Promise<RunResult>;
  /**
   * Starts the CLI in a process group of its own, so a test can kill it with everything it started (the
   * language host, the program, the provider host) the way a cancelled CI job or a closed laptop does.
   */
  startCli(args: string[]): { child: ChildProcess; output(): string };
  close(): Promise<void>;
}

/**
 * Copies a program (a directory relative to the repository root, e.g. `examples/roster`) into a fresh
 * directory, starts an emulator and creates a stack configured for it. A program without its own
 * Pulumi.yaml (the root one runs examples/roster) gets a minimal one. `config` adds plain stack config;
 * the credentials always point at the emulator, overriding any in the program's Pulumi.<stack>.yaml.
 * `vendorPackage` installs a copy of the built package into the project instead of using the repository.
 */
export async function createE2eProject(
  program: string,
  config: Record<string, string> = {},
  stackName = "e2e",
  options: { vendorPackage?: boolean } = {},
): Promise<E2eProject> {
  fs.mkdirSync(workRoot, { recursive: true });
  const dir = fs.mkdtempSync(path.join(workRoot, `${path.basename(program)}-`));
  fs.cpSync(path.join(repoRoot, program), dir, { recursive: true });
  if (options.vendorPackage) {
    // A real copy of the built package in the project's own node_modules, found before the repository's
    // link, as a user's install would be: a test can then "upgrade" it without touching the shared dist/.
    const vendored = path.join(dir, "node_modules", "pulumi-realtimekit");
    fs.mkdirSync(vendored, { recursive: true });
    fs.cpSync(path.join(repoRoot, "dist"), path.join(vendored, "dist"), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, "package.json"), path.join(vendored, "package.json"));
  }
  if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
    const projectName = `e2e-${path.basename(program)}`;
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      `name: ${projectName}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
    );
  }
  const backend = path.join(dir, ".backend");
  fs.mkdirSync(backend);
  const emulator = await startEmulator();
  const binDir = pulumiBinDir();
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir), skipVersionCheck: true });
  const envVars = {
    PATH: `${binDir}:${process.env.PATH ?? ""}`,
    // metadata=skip: the file backend then writes no `.attrs` sidecars, the one file it writes in place, so a
    // killed CLI can never leave a half-written one (see docs/troubleshooting.md).
    PULUMI_BACKEND_URL: `file://${backend}?metadata=skip`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, workDir: dir },
    { pulumiHome: path.join(dir, ".pulumi-home"), envVars, pulumiCommand },
  );
  await stack.setAllConfig({
    "realtimekit:baseUrl": { value: emulator.baseUrl },
    "realtimekit:accountId": { value: emulator.accountId },
    "realtimekit:appId": { value: emulator.appId },
    "realtimekit:apiToken": { value: emulator.apiToken, secret: true },
    ...Object.fromEntries(Object.entries(config).map(([k, v]) => [k, { value: v }])),
  });
  const env = { ...process.env, ...envVars, PULUMI_HOME: path.join(dir, ".pulumi-home") };
  const pulumi = path.join(binDir, "pulumi");
  const common = ["--stack", stackName, "--non-interactive"];
  const run = (file: string, args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> =>
    new Promise((resolve) => {
      const options = {
        cwd: dir,
        env: { ...env, ...extraEnv },
        encoding: "utf8" as const,
        maxBuffer: 256 << 20,
      };
      execFile(file, args, options, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      });
    });
  return {
    dir,
    backendDir: backend,
    stack,
    emulator,
    env,
    cli(args) {
      return execFileSync(pulumi, [...args, ...common], { cwd: dir, env, encoding: "utf8" });
    },
    startCli(args) {
      const child = spawn(pulumi, [...args, ...common], { cwd: dir, env, detached: true });
      // Drained as it comes: an unread pipe fills up and stalls the CLI.
      let output = "";
      const collect = (chunk: Buffer) => (output += chunk.toString("utf8"));
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      return { child, output: () => output };
    },
    runCli(args) {
      return run(pulumi, [...args, ...common]);
    },
    run,
    stateFileText() {
      const stacks = path.join(backend, ".pulumi", "stacks");
      const [projectName] = fs.readdirSync(stacks);
      return fs.readFileSync(path.join(stacks, projectName, `${stackName}.json`), "utf8");
    },
    async close() {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
