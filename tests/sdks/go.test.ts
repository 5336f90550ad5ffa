/**
 * Go: the generated Go SDK (generated/sdk/go) in a Go program run through the Automation API's inline mode
 * (tests/sdks/go/main.go), against the emulator, with the native plugin. Built once per run.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeSdkLifecycle, runDriver } from "./lifecycle";

const repoRoot = path.resolve(__dirname, "../..");

describeSdkLifecycle("go", () => {
  const bin = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rtk-go-driver-")), "driver");
  execFileSync("bash", [path.join(repoRoot, "scripts/go.sh"), "build", "-o", bin, "."], {
    cwd: path.join(__dirname, "go"),
    stdio: ["ignore", "ignore", "pipe"],
  });
  return (step, env) => runDriver(bin, [step], { env });
});
