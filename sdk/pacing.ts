/**
 * Client-side pacing: one token bucket per API token, shared by every client in the process, so that many
 * resources created in parallel stay under Cloudflare's global limit (1200 requests per 5 minutes per
 * token, after which every call is refused for the rest of the window) instead of tripping it and waiting.
 *
 * Clients of one token that ask for different rates still share that one bucket, and the most restrictive
 * rate asked for wins, field by field (the lowest `requestsPerSecond`, the lowest `burst`): the limit
 * belongs to the token, so a client that asks for less (another process shares the token, say) must not be
 * outrun by one that asks for more. A client with pacing disabled bypasses the bucket and leaves it as is.
 *
 * A 429 with `Retry-After` pauses every request of that token, not just the one that was refused.
 * Registries are keyed by a hash of the token, so no map key or log line ever holds the token itself.
 */
import { createHash } from "node:crypto";

/** The client's rate: a token bucket refilled at `requestsPerSecond`, holding at most `burst` requests. */
export interface RateLimitOptions {
  /** Sustained requests per second (default 3.8). 0 disables pacing. */
  requestsPerSecond: number;
  /** Requests that may go at once after a quiet period (default 10). */
  burst: number;
}

/**
 * The default pacing. At most `requestsPerSecond * 300 + burst` requests fit in any 5 minutes: 1150 here,
 * under Cloudflare's 1200 with a margin for the two sides counting the window differently.
 */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({
  requestsPerSecond: 3.8,
  burst: 10,
});

/** Time source and timer. Injectable so tests can run pacing and retries on virtual time. */
export interface Clock {
  /** Milliseconds since some fixed point. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** Real time. */
export const SYSTEM_CLOCK: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
});

/** A token bucket that serves waiters in arrival order, one timer at a time. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private readonly waiters: Array<() => void> = [];
  private pumping = false;

  private options: RateLimitOptions;

  constructor(
    options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.options = { requestsPerSecond: options.requestsPerSecond, burst: options.burst };
    this.tokens = Math.max(1, options.burst);
    this.refilledAt = clock.now();
  }

  /** Lowers the rate and the burst to `rate`'s where those are lower; never raises either. */
  tighten(rate: RateLimitOptions): void {
    // Tokens earned so far were earned at the old rate.
    this.refill();
    this.options = {
      requestsPerSecond: Math.min(this.options.requestsPerSecond, rate.requestsPerSecond),
      burst: Math.min(this.options.burst, rate.burst),
    };
    this.tokens = Math.min(this.tokens, Math.max(1, this.options.burst));
  }

  /** Resolves when the caller may send one request. */
  take(): Promise<void> {
    if (this.waiters.length === 0 && this.refill() >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        if (this.refill() >= 1) {
          this.tokens -= 1;
          this.waiters.shift()?.();
        } else {
          await this.clock.sleep(Math.ceil(((1 - this.tokens) * 1000) / this.options.requestsPerSecond));
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private refill(): number {
    const now = this.clock.now();
    const earned = ((now - this.refilledAt) / 1000) * this.options.requestsPerSecond;
    this.tokens = Math.min(Math.max(1, this.options.burst), this.tokens + earned);
    this.refilledAt = now;
    return this.tokens;
  }
}

/** Everything one API token shares across clients: the pause set by a 429, and the one bucket. */
interface TokenPacingState {
  pausedUntil: number;
  /** Created by the token's first paced client; see the module comment for the rate it runs at. */
  bucket: TokenBucket | null;
}

/** Per clock (real time, or a test's virtual time), per token hash. */
const registry = new WeakMap<Clock, Map<string, TokenPacingState>>();

/** A client's handle on its token's shared pacing state. */
export class Pacer {
  private readonly state: TokenPacingState;
  private readonly bucket: TokenBucket | null;

  /** `rate` null (or 0 requests per second) disables the bucket; a 429 pause still applies. */
  constructor(
    apiToken: string,
    rate: RateLimitOptions | null,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {
    let byToken = registry.get(clock);
    if (!byToken) {
      byToken = new Map();
      registry.set(clock, byToken);
    }
    const key = tokenKey(apiToken);
    let state = byToken.get(key);
    if (!state) {
      state = { pausedUntil: 0, bucket: null };
      byToken.set(key, state);
    }
    this.state = state;
    this.bucket = rate && rate.requestsPerSecond > 0 ? bucketFor(state, rate, clock) : null;
  }

  /** Resolves when a request may be sent: after any 429 pause, and when the bucket has a token. */
  async acquire(): Promise<void> {
    for (;;) {
      await this.waitForPause();
      await this.bucket?.take();
      // A 429 may have arrived while this request queued for the bucket.
      if (this.clock.now() >= this.state.pausedUntil) return;
    }
  }

  /** Holds every request of this token for `ms` milliseconds from now (a 429's `Retry-After`). */
  pause(ms: number): void {
    this.state.pausedUntil = Math.max(this.state.pausedUntil, this.clock.now() + ms);
  }

  /** Milliseconds left of the current pause (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.state.pausedUntil - this.clock.now());
  }

  private async waitForPause(): Promise<void> {
    for (let left = this.pausedFor(); left > 0; left = this.pausedFor()) await this.clock.sleep(left);
  }
}

function bucketFor(state: TokenPacingState, rate: RateLimitOptions, clock: Clock): TokenBucket {
  if (state.bucket === null) state.bucket = new TokenBucket(rate, clock);
  else state.bucket.tighten(rate);
  return state.bucket;
}

/** A short, one-way digest of the token: enough to tell tokens apart, useless to anyone who reads it. */
function tokenKey(apiToken: string): string {
  return createHash("sha256").update(apiToken).digest("hex").slice(0, 16);
}

/** The client's pacing with its overrides applied; `false` (or 0 requests per second) disables it. */
export function resolveRateLimit(options: RateLimitOptions | false | undefined): RateLimitOptions | null {
  if (options === false) return null;
  const rate = { ...DEFAULT_RATE_LIMIT, ...options };
  return rate.requestsPerSecond > 0 ? rate : null;
}
