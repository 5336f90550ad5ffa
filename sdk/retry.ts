/**
 * The retry policy: data (`DEFAULT_RETRY`) plus pure functions. The request pipeline in client.ts is the
 * only caller; no endpoint has retry code of its own.
 *
 * Idempotent methods retry on 408, 429, 5xx, timeouts and connection errors, with capped exponential
 * backoff and jitter. POST retries only on 429, where the request was refused rather than processed: a POST
 * that may have been processed (5xx, timeout, dropped connection) is never sent twice, because adding a
 * participant twice creates two participants. The caller reconciles instead (see `outcomeUnknown`). A POST
 * that is harmless to repeat (issuing a participant a new token) is marked `idempotent` by its endpoint and
 * then retried like the idempotent methods.
 *
 * A `Retry-After` longer than `maxRetryAfterMs` is never waited out, whatever the status (429, 503, …): the
 * request fails at once with the error of that answer, rather than sleeping for as long as the server asks.
 */

/** HTTP methods the SDK sends. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How the client retries. Every field has a default in {@link DEFAULT_RETRY}. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (default 5, so at most 6 attempts: with an API failing one request in
   * five, all six fail about once in 15,000 requests). 0 disables retrying.
   */
  limit: number;
  /** Methods safe to send twice, retried on any status in `statusCodes` and on network errors. */
  methods: readonly HttpMethod[];
  /** Statuses worth retrying for those methods (default 408, 429, 500, 502, 503, 504). */
  statusCodes: readonly number[];
  /** Delay before the first retry, in milliseconds (default 500); doubles on each further retry. */
  baseDelayMs: number;
  /** Cap of the backoff delay, in milliseconds (default 30000). */
  maxDelayMs: number;
  /**
   * Fraction of each backoff delay that is randomised, 0..1 (default 0.5: the delay is between half and all
   * of the exponential value), so that many clients do not retry in lock step.
   */
  jitter: number;
  /**
   * Longest `Retry-After` the client waits out, in milliseconds (default 60000), on any status. An answer
   * asking for longer fails at once rather than hanging a deployment: a 429 (the global limit blocks a
   * token for the rest of its 5-minute window) with a `RateLimitError` carrying `retryAfterMs`, a 503 or
   * any other status with its own error.
   */
  maxRetryAfterMs: number;
}

/** The default policy. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  limit: 5,
  methods: Object.freeze(["GET", "PUT", "PATCH", "DELETE"] as const),
  statusCodes: Object.freeze([408, 429, 500, 502, 503, 504]),
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 0.5,
  maxRetryAfterMs: 60_000,
});

/** The policy with a user's overrides applied; `false` disables retrying. */
export function resolveRetryOptions(overrides: Partial<RetryOptions> | false | undefined): RetryOptions {
  if (overrides === false) return { ...DEFAULT_RETRY, limit: 0 };
  return { ...DEFAULT_RETRY, ...overrides };
}

/**
 * How one attempt ended, as far as retrying is concerned. `requestSent: false` marks connection errors that
 * happened before the request left (refused, DNS), which cannot have been processed.
 */
export type AttemptOutcome =
  | { kind: "status"; status: number; retryAfterMs?: number | null }
  | { kind: "timeout" }
  | { kind: "connection"; requestSent: boolean };

/** What a request says about itself beyond its method. */
export interface RetryFlags {
  /**
   * Safe to send twice although its method is not in the policy's `methods` (a POST that issues a new
   * token, say): retried, and never `outcomeUnknown`, like an idempotent method.
   */
  idempotent?: boolean;
}

/** Whether a request may be sent twice: its method is in the policy's `methods`, or it is flagged so. */
export function isIdempotent(method: HttpMethod, policy: RetryOptions, flags: RetryFlags = {}): boolean {
  return flags.idempotent === true || policy.methods.includes(method);
}

/** Whether attempt number `attempt` (1-based), which ended with `outcome`, should be retried. */
export function shouldRetry(
  method: HttpMethod,
  outcome: AttemptOutcome,
  attempt: number,
  policy: RetryOptions,
  flags: RetryFlags = {},
): boolean {
  if (attempt > policy.limit) return false;
  if (outcome.kind === "status" && (outcome.retryAfterMs ?? 0) > policy.maxRetryAfterMs) return false;
  if (outcome.kind === "status" && outcome.status === 429) return true;
  if (!isIdempotent(method, policy, flags)) return false;
  if (outcome.kind === "status") return policy.statusCodes.includes(outcome.status);
  return true;
}

/**
 * Whether a failed attempt may nevertheless have been processed by the server: only then is the outcome of
 * a non-idempotent request unknown. A 4xx (429 included) was refused; a 5xx or a lost answer may not be.
 */
export function mayHaveBeenProcessed(outcome: AttemptOutcome): boolean {
  if (outcome.kind === "status") return outcome.status >= 500 || outcome.status === 408;
  if (outcome.kind === "connection") return outcome.requestSent;
  return true;
}

/**
 * Milliseconds to wait before retry number `attempt` (1-based). A `Retry-After` header wins; otherwise
 * `min(maxDelayMs, baseDelayMs * 2^(attempt-1))`, of which the `jitter` fraction is randomised by `random`
 * (a function returning 0..1, `Math.random` by default).
 */
export function retryDelay(
  attempt: number,
  retryAfterHeader: string | null | undefined,
  policy: RetryOptions,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const retryAfterMs = parseRetryAfter(retryAfterHeader, now);
  if (retryAfterMs !== null) return retryAfterMs;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(exponential * (1 - jitter * random()));
}

/**
 * Parses a `Retry-After` header, either delay-seconds (`"120"`, decimals tolerated) or an HTTP date, into
 * milliseconds from `now` (never negative). Returns null for an absent or unreadable header.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (value === "") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date names its month; this keeps Date.parse from reading "-5" as the year -5.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** What {@link pauseBeforeResend} needs from its caller's pipeline: the policy, time and a log. */
export interface ResendContext {
  policy: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  log: (line: string) => void;
}

/**
 * The retry policy of a request that must never be sent twice blindly (adding a participant): after its
 * `attempt`-th send failed with `outcomeUnknown` and the caller found that it did not take effect, waits the
 * policy's backoff and returns true (send again), or returns false once `policy.limit` resends are used up.
 */
export async function pauseBeforeResend(context: ResendContext, attempt: number): Promise<boolean> {
  if (attempt > context.policy.limit) return false;
  const delay = retryDelay(attempt, null, context.policy, context.random);
  context.log(
    `RealtimeKit: not processed; sending again (retry ${attempt} of ${context.policy.limit}) in ${delay} ms`,
  );
  await context.sleep(delay);
  return true;
}

/**
 * The same policy as a loop, for callers that hand it over: when `send` fails with `outcomeUnknown`,
 * `settle` looks at the API and returns what the request produced (it took effect), or `undefined` (it did
 * not); only then is it sent again (see {@link pauseBeforeResend}). Any other failure, and the last one, is
 * thrown as is.
 */
export async function sendUntilSettled<T>(
  context: ResendContext,
  send: () => Promise<T>,
  settle: (failure: Error) => Promise<T | undefined>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const unknown =
        error instanceof Error && (error as { outcomeUnknown?: unknown }).outcomeUnknown === true;
      if (!unknown) throw error;
      const settled = await settle(error);
      if (settled !== undefined) return settled;
      if (!(await pauseBeforeResend(context, attempt))) throw error;
    }
  }
}
