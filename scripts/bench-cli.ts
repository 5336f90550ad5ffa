/**
 * What the scale benchmark drives: Pulumi projects run by the real CLI (spawned asynchronously, so the
 * in-process emulator keeps answering), and a counting front for the emulator that tells 429s apart.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "..");
/** Inside the repository (git-ignored) so programs resolve @pulumi/pulumi and pulumi-realtimekit by name. */
const workRoot = path.join(repoRoot, ".pulumi-state", "bench");

/**
 * Wall time, and the CPU time of the CLI and everything it ran (engine, program, provider host): on a
 * machine shared with other work the CPU time is the steadier figure.
 */
export interface Timing {
  ms: number;
  cpuMs: number;
}

/** `times` prints the shell's own and then its children's user and system time, e.g. `0m1.234s 0m0.567s`. */
function childCpuMs(stderr: string): number {
  const lines = stderr.trim().split("\n");
  const children = lines[lines.length - 1].match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
  if (!children) throw new Error(`no CPU times in: ${lines[lines.length - 1]}`);
  const [, um, us, sm, ss] = children.map(Number);
  return (um * 60 + us + sm * 60 + ss) * 1000;
}

export interface BenchProject {
  dir: string;
  /** Runs `pulumi <args>` in the project (with `env` added): wall time and CPU time, in milliseconds. */
  pulumi(args: string[], env?: Record<string, string>): Promise<Timing>;
  /** The stack's checkpoint file, parsed, with its size on disk. */
  state(): { bytes: number; resources: { type: string; urn: string; [field: string]: unknown }[] };
  remove(): void;
}

/** A copy of `program` (under scripts/bench-programs) with a fresh file backend, a stack and `config`. */
export async function benchProject(
  program: string,
  config: Record<string, string>,
  secretConfig: Record<string, string> = {},
  extraEnv: Record<string, string> = {},
): Promise<BenchProject> {
  fs.mkdirSync(workRoot, { recursive: true });
  const dir = fs.mkdtempSync(path.join(workRoot, `${program}-`));
  fs.cpSync(path.join(__dirname, "bench-programs", program), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, ".backend"));
  const env = {
    ...process.env,
    ...extraEnv,
    PULUMI_BACKEND_URL: `file://${path.join(dir, ".backend")}`,
    PULUMI_HOME: path.join(dir, ".pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
  const pulumi = async (args: string[], extra: Record<string, string> = {}): Promise<Timing> => {
    const started = process.hrtime.bigint();
    try {
      const { stderr } = await run(
        "bash",
        [
          "-c",
          'pulumi "$@"; code=$?; times >&2; exit $code',
          "bash",
          ...args,
          "--stack",
          "bench",
          "--non-interactive",
        ],
        { cwd: dir, env: { ...env, ...extra }, maxBuffer: 1 << 28 },
      );
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: childCpuMs(stderr) };
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`pulumi ${args.join(" ")} failed:\n${String(stdout).slice(-4000)}\n${stderr}`);
    }
  };
  await run("pulumi", ["stack", "init", "bench", "--non-interactive"], { cwd: dir, env });
  for (const [key, value] of Object.entries(config)) await pulumi(["config", "set", key, value]);
  for (const [key, value] of Object.entries(secretConfig)) {
    await pulumi(["config", "set", "--secret", key, value]);
  }
  return {
    dir,
    pulumi,
    state() {
      const stacks = path.join(dir, ".backend", ".pulumi", "stacks");
      const [project] = fs.readdirSync(stacks);
      const file = path.join(stacks, project, "bench.json");
      const text = fs.readFileSync(file, "utf8");
      const checkpoint = JSON.parse(text) as {
        checkpoint: { latest: { resources?: { type: string; urn: string; [field: string]: unknown }[] } };
      };
      return { bytes: Buffer.byteLength(text), resources: checkpoint.checkpoint.latest.resources ?? [] };
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A pass-through HTTP front for the emulator that counts answers by status (the 429s, in particular). */
export interface StatusCountingProxy {
  baseUrl: string;
  statuses: Map<number, number>;
  close(): Promise<void>;
}

export async function statusCountingProxy(origin: string, basePath: string): Promise<StatusCountingProxy> {
  const target = new URL(origin);
  const statuses = new Map<number, number>();
  // As the emulator does: the server side keeps idle connections longer than the client side, so no
  // request goes out on a connection that is being closed.
  const agent = new http.Agent({ keepAlive: true, timeout: 5000 });
  const server = http.createServer((request, response) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
        agent,
      },
      (answer) => {
        const status = answer.statusCode ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        response.writeHead(status, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    statuses,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
