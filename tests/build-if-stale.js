// jest globalSetup. Several suites load the built package by name (serialization in a child process, the
// dynamic-provider host, real Pulumi programs), so they run dist/, not the sources: rebuild dist/ when any
// source is newer, so that `npx jest` never silently tests stale code.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

module.exports = function buildIfStale() {
  const built = path.join(root, "dist", "provider", "runtime", "index.js");
  const sources = ["sdk", "provider", "emulator", "tsconfig.json", "tsconfig.build.json", "package.json"];
  const newestSource = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestSource) return;
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
};
