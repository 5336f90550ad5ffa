/**
 * The quick starts of docs/installation-configuration.md, run as a reader runs them: each one's shell
 * blocks and files, taken from the page in order, as one bash script in a scratch directory outside the
 * repository. Beside it, as the page's first paragraph says, a folder `pulumi-realtimekit/` holding only
 * the package's tarball (`npm pack` of a copy of the tree without dist/, so `prepack` must build it), the
 * plugin's tarball (`make plugin`'s build) and the generated Python SDK. The real CLI, against the
 * emulator the quick start itself starts.
 *
 * What the test changes, and why: the port (8787 -> a free one, so suites running at once never collide);
 * after a command ending in `&` (the emulator) it waits until the port answers, where a reader would read
 * the emulator's first lines; `python3 -m venv .venv` makes the venv without pip on top of the cached one
 * of scripts/python-venv.sh (same pinned `pulumi`), so that `pip install` only installs the SDK, offline.
 * npm installs from its cache (`--prefer-offline`, through the environment).
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { buildPlugin, removePlugin } from "./helpers/plugin";

jest.setTimeout(600_000);
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const PAGE = "docs/installation-configuration.md";

/** One step of a quick start: shell lines to run, or a file to write into the current directory. */
type Step = { kind: "sh"; text: string } | { kind: "file"; name: string; text: string };

/** The page's text from `heading` up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const text = fs.readFileSync(path.join(ROOT, PAGE), "utf8");
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${PAGE} has no heading ${heading}`);
  const level = heading.split(" ")[0];
  const next = text.slice(start + heading.length + 2).search(new RegExp(`^#{1,${level.length}} `, "m"));
  return next < 0 ? text.slice(start) : text.slice(start, start + heading.length + 2 + next);
}

/**
 * The steps of a section, in order: "`name`:" (or "`name` (why):") followed by a code block is a file;
 * a ```sh block is commands; "`name` as above" is a file of the shared section.
 */
function steps(text: string, shared: ReadonlyMap<string, string> = new Map()): Step[] {
  const pattern =
    /^`([^`]+)`(?: \([^)\n]*\))?:\n\n```\w*\n([\s\S]*?)^```|^```sh\n([\s\S]*?)^```|`([^`]+)` as above/gm;
  return [...text.matchAll(pattern)].map((match): Step => {
    if (match[1] !== undefined) return { kind: "file", name: match[1], text: match[2] };
    if (match[3] !== undefined) return { kind: "sh", text: match[3] };
    const name = match[4];
    const file = shared.get(name);
    if (file === undefined) throw new Error(`"${name} as above", but no such file before the quick starts`);
    return { kind: "file", name, text: file };
  });
}

/** The files of the part of the page before the first quick start (roster.yaml). */
function sharedFiles(): Map<string, string> {
  const intro = section("## Quick start").split("\n### ")[0];
  const files = steps(intro).flatMap((step) =>
    step.kind === "file" ? [[step.name, step.text] as const] : [],
  );
  return new Map(files);
}

/**
 * A free port below Linux's ephemeral range (32768-60999), where servers listening on port 0 (other suites
 * running at the same time) get theirs: a port seen free there is not handed to someone else a moment later.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

/** The bash script of a quick start's steps, with the changes the file comment lists. */
function script(quickStart: Step[], port: number, cachedSitePackages: string): string {
  const lines = [
    "set -euo pipefail",
    // The emulator (started with `&`, through npx's own children) ends with the script, whatever the
    // outcome: job control gives each background job a process group of its own, killed whole.
    "set -m",
    `trap 'for job in $(jobs -p); do kill -- "-$job" 2>/dev/null || true; done' EXIT`,
    `wait_for_port() { node -e 'const net = require("net"); const deadline = Date.now() + 30000;
      const poll = () => net.connect(+process.argv[1], "127.0.0.1").on("connect", () => process.exit(0))
        .on("error", () => (Date.now() > deadline ? process.exit(1) : setTimeout(poll, 100)));
      poll();' "$1"; }`,
  ];
  for (const step of quickStart) {
    if (step.kind === "file") {
      lines.push(`cat > '${step.name}' <<'QUICK_START_EOF'\n${step.text}QUICK_START_EOF`);
      continue;
    }
    for (const line of step.text.replaceAll("8787", String(port)).split("\n")) {
      if (line.startsWith("python3 -m venv .venv")) {
        const venv = "python3 -m venv --without-pip .venv";
        const pth = `echo '${cachedSitePackages}' > "$(echo .venv/lib/python3*/site-packages)/cached-venv.pth"`;
        lines.push(line.replace("python3 -m venv .venv", `${venv} && ${pth}`));
      } else {
        lines.push(line);
      }
      if (line.trimEnd().endsWith("&")) lines.push(`wait_for_port ${port} && kill -0 $!`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const LANGUAGES = ["TypeScript", "YAML", "Python"];
/**
 * The three quick starts run at the same time (each in its own directory, on its own port), started once
 * the shared files are ready; each test awaits its own. Most of their time is CLI start-up, which overlaps.
 */
const runs = new Map<string, Promise<string>>();
let scratch: string;
let env: NodeJS.ProcessEnv;
let cachedSitePackages: string;
const npxBefore = new Set<string>();
const npxDir = path.join(os.homedir(), ".npm", "_npx");

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rtk-quick-start-"));
  const clone = path.join(scratch, "pulumi-realtimekit");
  fs.mkdirSync(path.join(clone, "dist-plugin"), { recursive: true });
  if (fs.existsSync(npxDir)) fs.readdirSync(npxDir).forEach((entry) => npxBefore.add(entry));

  // A fresh clone's tree (tracked and untracked files, nothing ignored: no dist/) with the repository's
  // node_modules, packed there: `prepack` has to build dist/.
  const tree = path.join(scratch, "fresh-clone");
  // A row other than floor runs in a copy of the tree that is no git repository: the repository
  // (RTK_REPOSITORY, scripts/row.sh) lists the files, the copy holds the row's versions of them.
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: process.env.RTK_REPOSITORY ?? ROOT,
    encoding: "utf8",
  });
  for (const file of files.split("\0").filter((name) => name && fs.existsSync(path.join(ROOT, name)))) {
    fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(tree, file));
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(tree, "node_modules"));
  await run("npm", ["pack", "--silent", "--pack-destination", clone], { cwd: tree });
  fs.rmSync(tree, { recursive: true, force: true });

  const plugin = buildPlugin();
  fs.copyFileSync(plugin.tarball, path.join(clone, "dist-plugin", path.basename(plugin.tarball)));
  fs.cpSync(path.join(ROOT, "generated/sdk/python"), path.join(clone, "generated/sdk/python"), {
    recursive: true,
  });
  removePlugin();

  const python = execFileSync("bash", [path.join(ROOT, "scripts/python-venv.sh")], { encoding: "utf8" })
    .trim()
    .split("\n")
    .pop() as string;
  cachedSitePackages = execFileSync(
    python,
    ["-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
    {
      encoding: "utf8",
    },
  ).trim();

  const pulumiBin = path.dirname(execFileSync("which", ["pulumi"], { encoding: "utf8" }).trim());
  const python3Bin = path.dirname(execFileSync("which", ["python3"], { encoding: "utf8" }).trim());
  env = {
    // Only the CLI (with its language hosts), node and npm, python3, and the system's tools.
    PATH: [pulumiBin, path.dirname(process.execPath), python3Bin, "/usr/bin", "/bin"].join(path.delimiter),
    HOME: os.homedir(), // npm's cache
    ...(process.env.PYENV_ROOT ? { PYENV_ROOT: process.env.PYENV_ROOT } : {}),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    PIP_NO_INDEX: "1",
    PIP_NO_BUILD_ISOLATION: "0",
    PIP_DISABLE_PIP_VERSION_CHECK: "1",
  };
  for (const language of LANGUAGES) {
    const output = runQuickStart(`### Quick start: ${language}`);
    output.catch(() => undefined); // reported by the language's test, not as an unhandled rejection
    runs.set(language, output);
  }
});

afterAll(async () => {
  await Promise.allSettled(runs.values());
  // npx keeps what `npx --package <tarball>` installed under a hash of the tarball's path (unique per run).
  if (fs.existsSync(npxDir)) {
    for (const entry of fs.readdirSync(npxDir)) {
      if (!npxBefore.has(entry)) fs.rmSync(path.join(npxDir, entry), { recursive: true, force: true });
    }
  }
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** Runs a quick start as written in the scratch directory; resolves with what it printed. */
async function runQuickStart(heading: string): Promise<string> {
  const quickStart = steps(section(heading), sharedFiles());
  const file = path.join(scratch, `${heading.replace(/\W+/g, "-")}.sh`);
  fs.writeFileSync(file, script(quickStart, await freePort(), cachedSitePackages));
  try {
    // A PULUMI_HOME of its own: `pulumi login` is per PULUMI_HOME, and the three run at once.
    const home = { PULUMI_HOME: path.join(scratch, `pulumi-home-${heading.replace(/\W+/g, "-")}`) };
    const result = await run("bash", [file], {
      cwd: scratch,
      env: { ...env, ...home },
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    return result.stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${heading} failed:\n${failed.stdout ?? ""}\n${failed.stderr ?? failed.message}`);
  }
}

/** The JSON object `pulumi stack output tokens --show-secrets` printed (one line, outside a terminal). */
function tokensOf(output: string): Record<string, string> {
  const match = /^\{"[^\n]*\}$/m.exec(output);
  if (!match) throw new Error(`no token map in the output:\n${output}`);
  return JSON.parse(match[0]) as Record<string, string>;
}

test("the quick starts have the steps the page promises", () => {
  const shared = sharedFiles();
  expect([...shared.keys()]).toEqual(["roster.yaml"]);
  for (const heading of LANGUAGES) {
    const commands = steps(section(`### Quick start: ${heading}`), shared)
      .flatMap((step) => (step.kind === "sh" ? step.text.split("\n") : []))
      .join("\n");
    expect(commands).toMatch(/realtimekit-emulator .*&$/m);
    expect(commands).toMatch(/pulumi login "file:\/\//);
    expect(commands).toMatch(/^export PULUMI_CONFIG_PASSPHRASE=/m);
    expect(commands).toMatch(/^pulumi config set --secret realtimekit:apiToken /m);
    expect(commands).toMatch(/^pulumi stack output tokens --show-secrets$/m);
  }
});

test.each(LANGUAGES)(
  "Quick start: %s runs as written: up, a preview without changes, the tokens, destroy",
  async (language) => {
    const output = await (runs.get(language) as Promise<string>);
    const tokens = tokensOf(output);
    expect(Object.keys(tokens).sort()).toEqual(["u-1001", "u-1002"]);
    for (const token of Object.values(tokens)) expect(token).toMatch(/^eyJ/);
    expect(output).toMatch(/Resources:\n\s+\+ 5 created/);
    expect(output).toMatch(/- 5 deleted/);
  },
);
