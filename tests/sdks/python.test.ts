/**
 * Python: the generated Python SDK (generated/sdk/python) in a Python program run through the Automation
 * API's inline mode (tests/sdks/python/driver.py), with the `pulumi` package from the package index in a
 * cached virtual environment (scripts/python-venv.sh), against the emulator, with the native plugin.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeSdkLifecycle, runDriver } from "./lifecycle";

const repoRoot = path.resolve(__dirname, "../..");

describeSdkLifecycle("python", () => {
  const python = execFileSync("bash", [path.join(repoRoot, "scripts/python-venv.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  })
    .trim()
    .split("\n")
    .pop() as string;
  // Installed as a user would (`pip install <sdk dir>`; the SDK reads its version from its package
  // metadata), from a copy so that no build output lands in generated/, into a folder of its own.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rtk-python-sdk-"));
  fs.cpSync(path.join(repoRoot, "generated/sdk/python"), path.join(scratch, "src"), { recursive: true });
  const target = path.join(scratch, "site");
  execFileSync(
    python,
    ["-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", target, "./src"],
    { cwd: scratch, stdio: ["ignore", "ignore", "pipe"] },
  );
  const sdk = { PYTHONPATH: target, PYTHONDONTWRITEBYTECODE: "1" };
  return (step, env) =>
    runDriver(python, [path.join(__dirname, "python/driver.py"), step], { env: { ...env, ...sdk } });
});
