/**
 * The native plugin as tests use it: built once per test file with `plugin/package.ts` (what `make plugin`
 * runs) into a directory of its own, so suites running in parallel never rebuild each other's copy.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { createE2eProject, type E2eProject } from "../e2e/harness";

const repoRoot = path.resolve(__dirname, "../..");

export interface BuiltPlugin {
  /** `pulumi-resource-realtimekit-v<version>-<os>-<arch>.tar.gz`. */
  tarball: string;
  /** The unpacked plugin: the launcher, the .cmd launcher and the bundle. */
  dir: string;
  /** The launcher the engine runs. */
  launcher: string;
  version: string;
}

let built: BuiltPlugin | undefined;

export function buildPlugin(): BuiltPlugin {
  if (built) return built;
  // A fresh clone has no .pulumi-state/ until some suite makes one; this may be the first.
  fs.mkdirSync(path.join(repoRoot, ".pulumi-state"), { recursive: true });
  const out = fs.mkdtempSync(path.join(repoRoot, ".pulumi-state", "plugin-"));
  const printed = execFileSync("npx", ["ts-node", "--transpile-only", "plugin/package.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PLUGIN_OUT: out },
    encoding: "utf8",
  });
  const tarball = printed.trim().split("\n").pop() as string;
  const dir = path.join(out, "pulumi-resource-realtimekit");
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    version: string;
  };
  built = { tarball, dir, launcher: path.join(dir, "pulumi-resource-realtimekit"), version };
  return built;
}

/** Removes the build of this test file. */
export function removePlugin(): void {
  if (built) fs.rmSync(path.dirname(built.dir), { recursive: true, force: true });
  built = undefined;
}

/**
 * A project copied from `example` (see createE2eProject) with the plugin built and installed from its
 * tarball, as a user installs it, before the file's tests; closed and the build removed after them.
 * `prepare` edits the copy before the install. Register it before the file's own `beforeAll` hooks.
 */
export function usePluginProject(
  example: string,
  stack: string,
  prepare: (project: E2eProject) => void = () => undefined,
): { readonly project: E2eProject } {
  let project: E2eProject | undefined;
  beforeAll(async () => {
    const plugin = buildPlugin();
    project = await createE2eProject(example, {}, stack);
    prepare(project);
    execFileSync(
      "pulumi",
      ["plugin", "install", "resource", "realtimekit", plugin.version, "--file", plugin.tarball],
      { env: project.env, encoding: "utf8" },
    );
  });
  afterAll(async () => {
    await project?.close();
    removePlugin();
  });
  return {
    get project(): E2eProject {
      if (!project) throw new Error("usePluginProject: the project exists only inside the file's tests");
      return project;
    },
  };
}
