/**
 * `make bench-scale` (part of `make bench`): the engine's cost of a large roster, as a ratio to a baseline
 * of the same number of no-op dynamic resources measured in the same run, through the real CLI against the
 * local emulator. For each N: first `up`, no-change `preview`, no-change `up --skip-preview`, `refresh`,
 * the state size per resource, and the API calls of each command (the emulator's counters).
 *
 * N <= 500 runs under Cloudflare's limit (the emulator refuses past 1200 requests in 5 minutes) with the
 * default pacing; larger N lift the pacing (`realtimekit:requestsPerSecond: 0`, no emulator limit) so the
 * engine's own cost shows. Sizes: BENCH_SCALE_SIZES (default "500,1000,2000"); repetitions of the
 * no-change commands: BENCH_SCALE_REPEAT (default 3, the median is reported). Writes bench-results/scale.md
 * and bench-results/scale.json (another name: BENCH_SCALE_OUTPUT).
 */
import * as fs from "node:fs";
import { startEmulator, type RunningEmulator } from "../emulator";
import { benchProject, statusCountingProxy, type BenchProject } from "./bench-cli";

const sizes = (process.env.BENCH_SCALE_SIZES ?? "500,1000,2000").split(",").map(Number);
const repeat = Number(process.env.BENCH_SCALE_REPEAT ?? 3);
const output = process.env.BENCH_SCALE_OUTPUT ?? "scale";
/** Only the first `up` of each size (BENCH_SCALE_FIRST_UP_ONLY=1), e.g. to measure creation alone. */
const firstUpOnly = process.env.BENCH_SCALE_FIRST_UP_ONLY === "1";
/**
 * Also the first `up` of a third program (BENCH_SCALE_SHAPED=1): no-op resources with a Participant's state
 * shape (scripts/bench-programs/noop-shaped), which splits the roster's cost into the engine's price for that
 * shape and the package's own.
 */
const shaped = process.env.BENCH_SCALE_SHAPED === "1";
const NOOP = "pulumi-nodejs:dynamic/bench:NoOp";
const SHAPED_MEMBER = "pulumi-nodejs:dynamic/bench:ShapedMember";
const PARTICIPANT = "pulumi-nodejs:dynamic/realtimekit:Participant";
const CLOUDFLARE_LIMIT = { requests: 1200, windowMs: 300_000 };
const PACED_UP_TO = Number(process.env.BENCH_SCALE_PACED_UP_TO ?? 500);

interface Measurement {
  ms: number;
  cpuMs: number;
  calls: number;
  byRoute: Record<string, number>;
  rateLimited: number;
}

interface SizeResult {
  n: number;
  paced: boolean;
  commands: Record<string, { baseline: Measurement; roster: Measurement }>;
  state: { baseline: StateSize; roster: StateSize };
  /** With BENCH_SCALE_SHAPED=1: the first up of the no-op resources with a Participant's state shape. */
  shaped?: { firstUp: Measurement; state: StateSize };
}

interface StateSize {
  bytes: number;
  resources: number;
  perMember: number;
  /** One member resource's own entry, as the file backend writes it (compact JSON). */
  memberEntry: number;
  /** The stack resource's entry (the program's exports). */
  stackEntry: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measureSize(n: number): Promise<SizeResult> {
  const paced = n <= PACED_UP_TO;
  const emulator: RunningEmulator = await startEmulator({ rateLimit: paced ? CLOUDFLARE_LIMIT : null });
  const proxy = await statusCountingProxy(emulator.origin, new URL(emulator.baseUrl).pathname);
  const projects: { baseline?: BenchProject; roster?: BenchProject; shaped?: BenchProject } = {};
  try {
    projects.baseline = await benchProject("noop", { count: String(n) });
    projects.roster = await benchProject(
      "roster",
      {
        count: String(n),
        "realtimekit:baseUrl": proxy.baseUrl,
        "realtimekit:accountId": emulator.accountId,
        "realtimekit:appId": emulator.appId,
        ...(paced ? {} : { "realtimekit:requestsPerSecond": "0" }),
      },
      { "realtimekit:apiToken": emulator.apiToken },
    );
    if (shaped) projects.shaped = await benchProject("noop-shaped", { count: String(n) });
    const { baseline, roster } = projects;

    const once = async (project: BenchProject, args: string[]): Promise<Measurement> => {
      emulator.control.resetCounters();
      proxy.statuses.clear();
      const { ms, cpuMs } = await project.pulumi(args);
      const { total, byRoute } = emulator.control.counters();
      return { ms, cpuMs, calls: total, byRoute, rateLimited: proxy.statuses.get(429) ?? 0 };
    };
    // Baseline and roster alternate, so both see the same background load on a shared machine.
    const both = async (label: string, args: string[], times: number) => {
      const runs: { baseline: Measurement[]; roster: Measurement[] } = { baseline: [], roster: [] };
      for (let i = 0; i < times; i++) {
        runs.baseline.push(await once(baseline, args));
        runs.roster.push(await once(roster, args));
        console.log(
          `N=${n} ${label} #${i + 1}: baseline ${(runs.baseline[i].ms / 1000).toFixed(1)} s, roster ` +
            `${(runs.roster[i].ms / 1000).toFixed(1)} s, ${runs.roster[i].calls} calls`,
        );
      }
      // Medians of wall and CPU time each; API calls from the median run, 429s summed over all runs.
      const pick = (list: Measurement[]) => {
        const ms = median(list.map((m) => m.ms));
        return {
          ...(list.find((m) => m.ms === ms) as Measurement),
          cpuMs: median(list.map((m) => m.cpuMs)),
          rateLimited: sum(list, "rateLimited"),
        };
      };
      return { baseline: pick(runs.baseline), roster: pick(runs.roster) };
    };

    const stateOf = (project: BenchProject, memberType: string): StateSize => {
      const { bytes, resources } = project.state();
      const size = (r: unknown) => Buffer.byteLength(JSON.stringify(r)); // compact, as the file backend writes
      const members = resources.filter((r) => r.type === memberType);
      const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
      return {
        bytes,
        resources: resources.length,
        perMember: bytes / members.length,
        memberEntry: members.reduce((total, r) => total + size(r), 0) / members.length,
        stackEntry: stack ? size(stack) : 0,
      };
    };
    const commands: SizeResult["commands"] = {};
    const firstUp = ["up", "--yes", "--skip-preview"];
    let shapedResult: SizeResult["shaped"];
    if (projects.shaped) {
      const measured = await once(projects.shaped, firstUp);
      console.log(`N=${n} first up, shaped no-op: ${seconds(measured.ms)}`);
      shapedResult = { firstUp: measured, state: stateOf(projects.shaped, SHAPED_MEMBER) };
    }
    commands["first up"] = await both("first up", firstUp, 1);
    if (firstUpOnly)
      return {
        n,
        paced,
        commands,
        state: { baseline: stateOf(baseline, NOOP), roster: stateOf(roster, PARTICIPANT) },
        shaped: shapedResult,
      };
    commands["preview, nothing changed"] = await both("preview", ["preview", "--expect-no-changes"], repeat);
    commands["up --skip-preview, nothing changed"] = await both(
      "up",
      ["up", "--yes", "--skip-preview", "--expect-no-changes"],
      repeat,
    );
    commands["refresh"] = await both(
      "refresh",
      ["refresh", "--yes", "--skip-preview", "--expect-no-changes"],
      repeat,
    );
    return {
      n,
      paced,
      commands,
      state: {
        baseline: stateOf(baseline, NOOP),
        roster: stateOf(roster, PARTICIPANT),
      },
      shaped: shapedResult,
    };
  } finally {
    if (!process.env.BENCH_SCALE_KEEP) {
      projects.baseline?.remove();
      projects.roster?.remove();
      projects.shaped?.remove();
    }
    await proxy.close();
    await emulator.close();
  }
}

function sum(list: Measurement[], key: "rateLimited" | "calls"): number {
  return list.reduce((total, m) => total + m[key], 0);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const timing = (m: Measurement) => `${seconds(m.ms)} (CPU ${seconds(m.cpuMs)})`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function calls(m: Measurement): string {
  const routes = Object.entries(m.byRoute)
    .map(
      ([route, count]) =>
        `${count} ${route.replace(/\/accounts\/\{account_id\}\/realtime\/kit\/\{app_id\}/, "")}`,
    )
    .join(", ");
  return `${m.calls} API calls${m.calls > 0 ? ` (${routes})` : ""}${m.calls === 0 ? "" : m.rateLimited ? `, ${m.rateLimited} x 429` : ", no 429"}`;
}

function table(result: SizeResult): string {
  const { n, paced } = result;
  const lines = [
    `### N = ${n.toLocaleString("en-US")} (${paced ? "default pacing, emulator at Cloudflare's limit of 1200 requests / 5 min" : "pacing lifted (`realtimekit:requestsPerSecond: 0`), no emulator limit"})`,
    "",
    `| command | ${n} no-op dynamic resources | Meeting + Roster of ${n} | ratio | roster's API calls |`,
    "| --- | --- | --- | --- | --- |",
  ];
  for (const [label, { baseline, roster }] of Object.entries(result.commands)) {
    const extra =
      label === "first up" && paced
        ? ` (N/4 s = ${n / 4} s: ${(roster.ms / ((n / 4) * 1000)).toFixed(2)}x)`
        : "";
    lines.push(
      `| ${label} | ${timing(baseline)} | ${timing(roster)}${extra} | ${(roster.ms / baseline.ms).toFixed(2)}x (CPU ${(roster.cpuMs / baseline.cpuMs).toFixed(2)}x) | ${calls(roster)} |`,
    );
  }
  if (result.shaped) {
    const { firstUp, state } = result.shaped;
    const roster = result.commands["first up"].roster;
    lines.push(
      `| first up of ${n} no-ops with a Participant's state shape (${kb(state.perMember)} each, secret token) | ${timing(firstUp)} | ${timing(roster)} | roster / shaped: ${(roster.ms / firstUp.ms).toFixed(2)}x (CPU ${(roster.cpuMs / firstUp.cpuMs).toFixed(2)}x) | none |`,
    );
  }
  const { baseline, roster } = result.state;
  lines.push(
    `| state file | ${kb(baseline.bytes)} (${kb(baseline.perMember)} per resource) | ${kb(roster.bytes)} (${kb(roster.perMember)} per participant) | ${(roster.bytes / baseline.bytes).toFixed(2)}x | refresh target: ceil(N/100)+2 = ${Math.ceil(n / 100) + 2} |`,
    `| state, one resource's entry | ${kb(baseline.memberEntry)} | ${kb(roster.memberEntry)} per participant; the stack's exports (ids): ${kb(roster.stackEntry / n)} per participant | | |`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const results: SizeResult[] = [];
  const started = new Date().toISOString();
  for (const n of sizes) {
    results.push(await measureSize(n));
    const body = results.map(table).join("\n\n");
    const header = `Scale benchmark, ${started}, Node ${process.version}, repeat ${repeat} (median)\n\n`;
    fs.mkdirSync("bench-results", { recursive: true });
    fs.writeFileSync(`bench-results/${output}.md`, `${header}${body}\n`);
    fs.writeFileSync(`bench-results/${output}.json`, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${table(results[results.length - 1])}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
