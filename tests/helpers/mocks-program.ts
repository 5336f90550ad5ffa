/**
 * Runs a fixture program under Pulumi's mocks in a child process (jest breaks Pulumi's closure
 * serialization), with the emulator's credentials in its environment for program-time API calls.
 * Asynchronous on purpose: the emulator serves the child from this process's event loop.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import type { EmulatorTarget } from "./emulator";

const ROOT = path.resolve(__dirname, "../..");
const run = promisify(execFile);

/** The fixture's stdout, parsed as JSON. `env` adds the fixture's own input variables. */
export async function runMocksProgram<T>(
  fixture: string,
  target: EmulatorTarget,
  env: Record<string, string>,
): Promise<T> {
  const { stdout } = await run(process.execPath, ["-r", "ts-node/register/transpile-only", fixture], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      CLOUDFLARE_API_TOKEN: target.apiToken,
      CLOUDFLARE_ACCOUNT_ID: target.accountId,
      REALTIMEKIT_APP_ID: target.appId,
      REALTIMEKIT_BASE_URL: target.baseUrl,
      ...env,
    },
  });
  return JSON.parse(stdout) as T;
}
