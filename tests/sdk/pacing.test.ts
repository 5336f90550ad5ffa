import { RateLimitError } from "../../sdk/errors";
import { DEFAULT_RATE_LIMIT, Pacer, resolveRateLimit } from "../../sdk/pacing";
import { createMeeting, useEmulator } from "../helpers/emulator";
import { VirtualClock, caught, clientFor } from "./support";

/** Starts `count` acquires at once and returns the virtual time at which each was let through. */
async function releaseTimes(pacer: Pacer, clock: VirtualClock, count: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      await pacer.acquire();
      times.push(clock.now());
    }),
  );
  return times;
}

describe("Pacer", () => {
  test("lets a burst through at once, then one request per 1/rate seconds", async () => {
    const clock = new VirtualClock();
    const pacer = new Pacer("token-a", { requestsPerSecond: 4, burst: 10 }, clock);
    const times = await releaseTimes(pacer, clock, 50);
    const expected = Array.from({ length: 50 }, (_, i) => Math.max(0, i - 9) * 250);
    expect(times).toEqual(expected);
  });

  test("refills while idle, up to the burst size only", async () => {
    const clock = new VirtualClock();
    const pacer = new Pacer("token-b", { requestsPerSecond: 10, burst: 3 }, clock);
    await releaseTimes(pacer, clock, 3);
    await clock.sleep(10_000);
    const start = clock.now();
    const times = await releaseTimes(pacer, clock, 5);
    expect(times.map((t) => t - start)).toEqual([0, 0, 0, 100, 200]);
  });

  test("shares one bucket between clients of the same API token", async () => {
    const clock = new VirtualClock();
    const rate = { requestsPerSecond: 10, burst: 5 };
    const first = new Pacer("shared-token", rate, clock);
    const second = new Pacer("shared-token", rate, clock);
    const [a, b] = await Promise.all([releaseTimes(first, clock, 10), releaseTimes(second, clock, 10)]);
    expect(Math.max(...a, ...b)).toBe(1500);
  });

  test("gives another API token its own bucket", async () => {
    const clock = new VirtualClock();
    const rate = { requestsPerSecond: 10, burst: 5 };
    await releaseTimes(new Pacer("token-c", rate, clock), clock, 5);
    const times = await releaseTimes(new Pacer("token-d", rate, clock), clock, 5);
    expect(times).toEqual([0, 0, 0, 0, 0]);
  });

  test("a 429 pause holds every request of the token, and only of that token", async () => {
    const clock = new VirtualClock();
    const paused = new Pacer("token-e", null, clock);
    const sameToken = new Pacer("token-e", { requestsPerSecond: 100, burst: 100 }, clock);
    const otherToken = new Pacer("token-f", null, clock);
    paused.pause(2000);
    expect(sameToken.pausedFor()).toBe(2000);
    await otherToken.acquire();
    expect(clock.now()).toBe(0);
    await sameToken.acquire();
    expect(clock.now()).toBe(2000);
    expect(paused.pausedFor()).toBe(0);
  });

  test("rateLimit false or 0 requests per second disables the bucket", async () => {
    expect(resolveRateLimit(false)).toBeNull();
    expect(resolveRateLimit({ requestsPerSecond: 0, burst: 10 })).toBeNull();
    expect(resolveRateLimit(undefined)).toEqual({ requestsPerSecond: 3.8, burst: 10 });
    const clock = new VirtualClock();
    const times = await releaseTimes(new Pacer("token-g", null, clock), clock, 100);
    expect(new Set(times)).toEqual(new Set([0]));
  });

  test("the default stays at the API's global budget of 1200 requests per 5 minutes", () => {
    expect(DEFAULT_RATE_LIMIT.requestsPerSecond * 300).toBeLessThanOrEqual(1200);
  });

  test("the default's worst case, a full burst plus 5 minutes of refill, stays under 1200 requests", () => {
    const { requestsPerSecond, burst } = DEFAULT_RATE_LIMIT;
    expect(requestsPerSecond * 300 + burst).toBeLessThanOrEqual(1200);
  });

  test("at the default pacing, no 5 minutes of a 1500-request rush hold more than 1200 requests", async () => {
    const clock = new VirtualClock();
    const times = await releaseTimes(new Pacer("token-i", DEFAULT_RATE_LIMIT, clock), clock, 1500);
    const busiest = Math.max(
      ...times.map((start) => times.filter((t) => t >= start && t < start + 300_000).length),
    );
    expect(busiest).toBeLessThanOrEqual(1200);
  });

  test.each([
    ["the faster client first", { requestsPerSecond: 10, burst: 5 }, { requestsPerSecond: 2, burst: 2 }],
    ["the slower client first", { requestsPerSecond: 2, burst: 2 }, { requestsPerSecond: 10, burst: 5 }],
  ])(
    "clients of one token with different rates share one bucket at the most restrictive rate (%s)",
    async (_label, firstRate, secondRate) => {
      const clock = new VirtualClock();
      const first = new Pacer("token-h", firstRate, clock);
      const second = new Pacer("token-h", secondRate, clock);
      const [a, b] = await Promise.all([releaseTimes(first, clock, 3), releaseTimes(second, clock, 3)]);
      // 2 at once, then one every 500 ms, whichever client asks.
      expect([...a, ...b].sort((x, y) => x - y)).toEqual([0, 0, 500, 1000, 1500, 2000]);
    },
  );

  test("the most restrictive rate wins field by field: the lower rate of one, the lower burst of the other", async () => {
    const clock = new VirtualClock();
    new Pacer("token-j", { requestsPerSecond: 2, burst: 20 }, clock);
    const pacer = new Pacer("token-j", { requestsPerSecond: 10, burst: 3 }, clock);
    const times = await releaseTimes(pacer, clock, 5);
    expect(times).toEqual([0, 0, 0, 500, 1000]);
  });

  test("a client with pacing disabled neither waits for the token's bucket nor changes it", async () => {
    const clock = new VirtualClock();
    const paced = new Pacer("token-k", { requestsPerSecond: 2, burst: 2 }, clock);
    const unpaced = new Pacer("token-k", null, clock);
    expect(await releaseTimes(unpaced, clock, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(await releaseTimes(paced, clock, 3)).toEqual([0, 0, 500]);
  });
});

describe("pacing against the emulator", () => {
  const emu = useEmulator();

  test("a burst of 50 requests respects the bucket", async () => {
    const meetingId = await createMeeting(emu);
    emu.control.resetCounters();
    const clock = new VirtualClock();
    const completions: number[] = [];
    const client = clientFor(emu, {
      clock,
      rateLimit: { requestsPerSecond: 10, burst: 5 },
      log: (line) => {
        if (line.includes(": 200 in")) completions.push(clock.now());
      },
    });
    await Promise.all(Array.from({ length: 50 }, () => client.meetings.get(meetingId)));
    expect(emu.control.counters().total).toBe(50);
    expect(completions).toHaveLength(50);
    // The k-th answer cannot come before the bucket let k requests go: k - burst of them paid 100 ms each.
    completions.forEach((time, index) =>
      expect(time).toBeGreaterThanOrEqual(Math.max(0, index + 1 - 5) * 100),
    );
  });

  test("a 429 pauses the other clients of the same token until Retry-After", async () => {
    const meetingId = await createMeeting(emu);
    const clock = new VirtualClock();
    const refused = clientFor(emu, { clock, retry: false });
    const other = clientFor(emu, { clock });
    emu.control.injectFault({
      method: "GET",
      path: "/meetings",
      kind: "status",
      status: 429,
      retryAfterSeconds: 3,
    });
    const error = await caught(refused.meetings.get(meetingId));
    expect(error).toBeInstanceOf(RateLimitError);
    const before = clock.now();
    await other.meetings.get(meetingId);
    expect(clock.now() - before).toBeGreaterThanOrEqual(3000);
  });
});
