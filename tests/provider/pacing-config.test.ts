/**
 * Pacing is the user's to set: `realtimekit:requestsPerSecond` and `realtimekit:burst`, then the
 * environment, through the one config resolution, and from there into every client the runtime builds.
 */
import { InvalidConfigError, resolveConfig, type ConfigSource } from "../../provider/runtime/config";
import { connect, setClientTuning, setStackConfig } from "../../provider/runtime/context";
import { useEmulator } from "../helpers/emulator";
import { emulatorStackConfig } from "../helpers/runtime";
import { VirtualClock } from "../sdk/support";

function config(values: Record<string, string>): ConfigSource {
  return { get: (key) => values[key] };
}

const CREDENTIALS = { "realtimekit:apiToken": "t", "realtimekit:accountId": "a", "realtimekit:appId": "b" };

describe("resolveConfig: pacing", () => {
  it("leaves pacing undefined, for the SDK default, when nothing sets it", () => {
    expect(resolveConfig({}, config(CREDENTIALS), {}).rateLimit).toBeUndefined();
  });

  it("prefers Pulumi config over the environment, value by value", () => {
    const resolved = resolveConfig({}, config({ ...CREDENTIALS, "realtimekit:requestsPerSecond": "2.5" }), {
      REALTIMEKIT_REQUESTS_PER_SECOND: "9",
      REALTIMEKIT_BURST: "4",
    });
    expect(resolved.rateLimit).toEqual({ requestsPerSecond: 2.5, burst: 4 });
  });

  it("fills the value not set with the SDK default (3.8 per second, burst 10)", () => {
    expect(resolveConfig({}, config({ ...CREDENTIALS, "realtimekit:burst": "3" }), {}).rateLimit).toEqual({
      requestsPerSecond: 3.8,
      burst: 3,
    });
    expect(
      resolveConfig({}, config(CREDENTIALS), { REALTIMEKIT_REQUESTS_PER_SECOND: "0" }).rateLimit,
    ).toEqual({
      requestsPerSecond: 0,
      burst: 10,
    });
  });

  it.each([
    [
      "realtimekit:requestsPerSecond",
      "fast",
      /Pulumi config `realtimekit:requestsPerSecond` must be a number of requests per second >= 0/,
    ],
    ["realtimekit:requestsPerSecond", "-1", /requestsPerSecond` must be a number/],
    ["realtimekit:burst", "0", /Pulumi config `realtimekit:burst` must be a whole number of requests >= 1/],
    ["realtimekit:burst", "2.5", /realtimekit:burst` must be a whole number/],
  ])("refuses %s = %j, naming where it was set and what is expected", (key, value, message) => {
    const resolve = () => resolveConfig({}, config({ ...CREDENTIALS, [key]: value }), {});
    expect(resolve).toThrow(InvalidConfigError);
    expect(resolve).toThrow(message);
    expect(resolve).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(JSON.stringify(value)) }),
    );
  });

  it("names the environment variable when the bad value came from there", () => {
    expect(() => resolveConfig({}, config(CREDENTIALS), { REALTIMEKIT_BURST: "many" })).toThrow(
      "RealtimeKit configuration: the environment variable REALTIMEKIT_BURST must be a whole number of requests >= 1, e.g. 10.",
    );
  });
});

describe("the runtime's clients pace as configured", () => {
  const emu = useEmulator();
  afterAll(() => {
    setStackConfig(undefined);
    setClientTuning({});
  });

  /** Sends `count` list calls at once through the runtime's client and returns the waits pacing asked for. */
  async function pacedWaits(pacing: Record<string, string>, count: number): Promise<number[]> {
    const clock = new VirtualClock();
    const stack = { ...emulatorStackConfig(emu), ...pacing };
    setStackConfig({ get: (key) => stack[key] });
    // The test's own tuning would turn pacing off; configured pacing must win over it.
    setClientTuning({ clock, rateLimit: false });
    const { client } = connect({});
    await Promise.all(Array.from({ length: count }, () => client.presets.list()));
    return clock.sleeps;
  }

  it("2 requests per second after a burst of 1: each further request waits half a second", async () => {
    const waits = await pacedWaits({ "realtimekit:requestsPerSecond": "2", "realtimekit:burst": "1" }, 4);
    expect(waits).toEqual([500, 500, 500]);
  });

  it("0 requests per second turns pacing off", async () => {
    expect(await pacedWaits({ "realtimekit:requestsPerSecond": "0" }, 20)).toEqual([]);
  });
});
