// Builds dist/ (`npm run build`) only when a source is newer than it: jest's globalSetup (several suites
// load the built package by name, so `npx jest` must never test stale code), `make demo` (a second run
// rebuilds nothing) and `prepack` (`npm pack` in a fresh clone packs a built dist/).
//   node scripts/build-if-stale.js
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIfStale() {
  const built = path.join(root, "dist", "provider", "runtime", "index.js");
  const sources = ["sdk", "provider", "emulator", "tsconfig.json", "tsconfig.build.json", "package.json"];
  const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource) return;
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
}

module.exports = buildIfStale;
if (require.main === module) buildIfStale();
