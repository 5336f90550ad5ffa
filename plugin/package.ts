/**
 * `make plugin`: bundles the plugin into one JavaScript file (esbuild: every dependency inlined, so the
 * tarball needs nothing but `node` on PATH) and packs it with its launchers as
 * `dist-plugin/pulumi-resource-realtimekit-v<version>-<os>-<arch>.tar.gz`, the layout
 * `pulumi plugin install resource realtimekit <version> --file <tarball>` expects.
 *
 * The bundle is the same JavaScript on every platform; only the name says where it is meant to run. The
 * host's platform is built by default; `PLUGIN_PLATFORMS="linux-amd64 darwin-arm64 windows-amd64"` builds
 * several. Prints the path of each tarball.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { build, type Plugin } from "esbuild";
import { version } from "../package.json";

const ROOT = path.resolve(__dirname, "..");
/**
 * Beside dist/, not in it: `npm run build` starts from an empty dist/, which would delete the tarball.
 * `PLUGIN_OUT` builds elsewhere (tests build their own copy, so parallel suites never share one). */
const OUT = path.resolve(process.env.PLUGIN_OUT ?? path.join(ROOT, "dist-plugin"));
const STAGE = path.join(OUT, "pulumi-resource-realtimekit");
const BUNDLE = "realtimekit-provider.js";
/** The oldest Node.js the bundle is compiled for (the package's `engines` floor). */
const NODE_TARGET = "node20";

/** The launcher the engine runs: node on the bundle next to it (symlinks resolved). */
const SH_LAUNCHER = `#!/bin/sh
# pulumi-resource-realtimekit: runs the bundled provider with the node on PATH (Node.js 20 or later).
self="$0"
while [ -L "$self" ]; do
  link="$(readlink "$self")"
  case "$link" in /*) self="$link" ;; *) self="$(dirname "$self")/$link" ;; esac
done
exec node "$(cd "$(dirname "$self")" && pwd)/${BUNDLE}" "$@"
`;
const CMD_LAUNCHER = `@echo off\r\nrem pulumi-resource-realtimekit: runs the bundled provider with the node on PATH (Node.js 20 or later).\r\nnode "%~dp0${BUNDLE}" %*\r\n`;

function hostPlatform(): string {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return `${os}-${arch}`;
}

/**
 * @pulumi/pulumi loads TypeScript (its own vendored copy) for features a provider never uses: serializing
 * closures and running TypeScript programs. The bundle gets a stand-in that fails if anything ever uses it,
 * instead of 9 MB of compiler.
 */
const withoutTypeScript: Plugin = {
  name: "without-typescript",
  setup(plugin) {
    plugin.onResolve({ filter: /typescript-shim$/ }, () => ({ path: "typescript-shim", namespace: "stub" }));
    plugin.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents:
        'module.exports = new Proxy({}, { get(_t, key) { throw new Error("TypeScript is not part of the realtimekit plugin (asked for " + String(key) + ")"); } });',
      loader: "js",
    }));
  },
};

async function main(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, "plugin", "main.ts")],
    outfile: path.join(STAGE, BUNDLE),
    bundle: true,
    platform: "node",
    target: NODE_TARGET,
    format: "cjs",
    sourcemap: false,
    legalComments: "linked",
    logLevel: "warning",
    plugins: [withoutTypeScript],
    // Resolved (never loaded) by a plugin-install code path of @pulumi/pulumi that a provider does not run.
    external: ["node-gyp/*"],
  });
  fs.writeFileSync(path.join(STAGE, "pulumi-resource-realtimekit"), SH_LAUNCHER, { mode: 0o755 });
  fs.writeFileSync(path.join(STAGE, "pulumi-resource-realtimekit.cmd"), CMD_LAUNCHER);
  const platforms = (process.env.PLUGIN_PLATFORMS ?? hostPlatform()).split(/\s+/).filter(Boolean);
  for (const platform of platforms) {
    const tarball = path.join(OUT, `pulumi-resource-realtimekit-v${version}-${platform}.tar.gz`);
    execFileSync("tar", ["-czf", tarball, "-C", STAGE, "."]);
    console.log(tarball);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
