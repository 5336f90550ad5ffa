/**
 * Points the provider runtime (what the serialized shim loads) at a test's emulator, the way the
 * dynamic-provider host's `configure` would, with the SDK's pacing off and backoff shortened: both are the
 * SDK's business and tested there, and here they would only slow the suite.
 */
import { setClientTuning, setStackConfig } from "../../provider/runtime/context";
import type { EmulatorTarget } from "./emulator";

/** The stack config the engine sends for an emulator: namespaced keys, plain strings. */
export function emulatorStackConfig(target: EmulatorTarget): Record<string, string> {
  return {
    "realtimekit:apiToken": target.apiToken,
    "realtimekit:accountId": target.accountId,
    "realtimekit:appId": target.appId,
    "realtimekit:baseUrl": target.baseUrl,
  };
}

/** Before each test: configure the runtime for `target`; after the file: undo it. */
export function useRuntimeAgainst(target: EmulatorTarget): void {
  beforeEach(() => {
    const config = emulatorStackConfig(target);
    setStackConfig({ get: (key) => config[key] });
    setClientTuning({ retry: { baseDelayMs: 1, maxDelayMs: 5 }, rateLimit: false });
  });
  afterAll(() => {
    setStackConfig(undefined);
    setClientTuning({});
  });
}
