/**
 * `RealtimeKitClient` and the one request pipeline every endpoint goes through: URL and path encoding,
 * Bearer auth, JSON, the per-request timeout, pacing, the retry loop, error mapping and the
 * `{success, data, paging}` envelope. Endpoint groups (participants.ts, meetings.ts, …) only build a path,
 * call `request`, and map the result.
 */
import axios, { AxiosError, type AxiosResponse } from "axios";
import { Apps } from "./apps";
import {
  ApiError,
  ConnectionError,
  RealtimeKitError,
  TimeoutError,
  fromResponse,
  type ErrorResponse,
  type RequestTarget,
} from "./errors";
import { Meetings } from "./meetings";
import { Pacer, SYSTEM_CLOCK, resolveRateLimit, type Clock, type RateLimitOptions } from "./pacing";
import { displayPath, encodeSegment, isValidSegment } from "./path";
import { Participants } from "./participants";
import { Presets } from "./presets";
import { fromNetwork } from "./redaction";
import {
  isIdempotent,
  mayHaveBeenProcessed,
  parseRetryAfter,
  resolveRetryOptions,
  retryDelay,
  pauseBeforeResend,
  sendUntilSettled,
  type ResendContext,
  shouldRetry,
  type AttemptOutcome,
  type HttpMethod,
  type RetryOptions,
} from "./retry";
import type { WirePaging } from "./types";
import { isRecord } from "./values";
import { Webhooks } from "./webhooks";

/** The public Cloudflare API. */
export const DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
/** Per-attempt timeout when none is given, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of {@link RealtimeKitClient}. */
export interface RealtimeKitClientOptions {
  /** Cloudflare API token with the Realtime Admin permission. Never logged, never in an error message. */
  apiToken: string;
  /** Cloudflare account id (32 hex characters). */
  accountId: string;
  /** RealtimeKit app id. Needed by every call except `apps.list` and `apps.create`. */
  appId?: string;
  /** API base URL (default `https://api.cloudflare.com/client/v4`); point it at the emulator in tests. */
  baseUrl?: string;
  /** Timeout of each attempt, in milliseconds (default 30000). */
  timeoutMs?: number;
  /** Overrides of {@link DEFAULT_RETRY}; `false` disables retrying. */
  retry?: Partial<RetryOptions> | false;
  /** Client-side pacing (default 3.8 requests/s, burst 10), shared per API token; `false` disables it. */
  rateLimit?: RateLimitOptions | false;
  /** Receives one line per attempt, retry and pause (method, path, status, timing). Silent by default. */
  log?: (line: string) => void;
  /** Time source for pacing and retry delays (default real time); tests inject virtual time. */
  clock?: Clock;
  /** Source of retry jitter, returning 0..1 (default `Math.random`). */
  random?: () => number;
}

/** One API call, as an endpoint group describes it. */
export interface ApiRequest {
  method: HttpMethod;
  /** `app` (default): under `/accounts/{accountId}/realtime/kit/{appId}`; `account`: under `…/realtime/kit`. */
  scope?: "app" | "account";
  /** Path segments after the prefix, e.g. `["meetings", meetingId, "participants"]`; each is encoded. */
  path: readonly string[];
  /** Query parameters in wire form; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  body?: unknown;
  /**
   * True when sending the request twice is harmless although its method is not idempotent (a POST that
   * issues a new token): the retry policy then treats it like an idempotent method.
   */
  idempotent?: boolean;
}

/** An unwrapped list envelope: `data` is checked to be an array and `paging` to be present. */
export interface ApiPage<T> {
  data: T[];
  paging: WirePaging;
}

/** What one attempt produced: an HTTP answer, or the reason there was none. */
type Attempt =
  | { kind: "response"; response: AxiosResponse<string> }
  | { kind: "timeout" }
  | { kind: "connection"; requestSent: boolean; code: string; detail: string };

/** Network error codes raised before the request left the machine: such a request cannot have been processed. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * A typed client for the RealtimeKit REST API.
 *
 * @example
 * const client = new RealtimeKitClient({ apiToken, accountId, appId });
 * const alice = await client.participants.add(meetingId, { customParticipantId: "alice", presetName: "group_call_host" });
 */
export class RealtimeKitClient {
  /** Participants of a meeting: add, get, list, listAll, edit, delete, refreshToken. */
  readonly participants: Participants;
  /** Meetings: create, get, list, listAll, update (PATCH), replace (PUT). */
  readonly meetings: Meetings;
  /** Presets (roles): create, get, list, listAll, update (PATCH), replace (PUT), delete. */
  readonly presets: Presets;
  /** Webhooks: create, get, list, update (PATCH), replace (PUT), delete. */
  readonly webhooks: Webhooks;
  /** Apps of the account: list, listAll, create. */
  readonly apps: Apps;

  // A private field, so the token does not show when the client is logged or inspected.
  readonly #apiToken: string;
  readonly #accountPrefix: string;
  readonly #appPrefix: string | null;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #retry: RetryOptions;
  readonly #pacer: Pacer;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #log: (line: string) => void;

  constructor(options: RealtimeKitClientOptions) {
    requireText(options.apiToken, "apiToken");
    requireText(options.accountId, "accountId");
    if (options.appId !== undefined) requireText(options.appId, "appId");
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new TypeError("RealtimeKitClient: timeoutMs must be a positive number");
    this.#apiToken = options.apiToken;
    this.#accountPrefix = `/accounts/${encodeSegment(options.accountId)}/realtime/kit`;
    this.#appPrefix =
      options.appId === undefined ? null : `${this.#accountPrefix}/${encodeSegment(options.appId)}`;
    this.#baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.#timeoutMs = timeoutMs;
    this.#retry = resolveRetryOptions(options.retry);
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#pacer = new Pacer(options.apiToken, resolveRateLimit(options.rateLimit), this.#clock);
    this.#random = options.random ?? Math.random;
    this.#log = options.log ?? (() => undefined);
    this.participants = new Participants(this);
    this.meetings = new Meetings(this);
    this.presets = new Presets(this);
    this.webhooks = new Webhooks(this);
    this.apps = new Apps(this);
  }

  /**
   * Sends one API call through pacing and the retry policy and returns the unwrapped envelope: the
   * endpoint groups' building block, public for endpoints this client does not wrap yet. Throws a
   * {@link RealtimeKitError}; for a POST that may have been processed, its `outcomeUnknown` is true.
   */
  async request<T>(request: ApiRequest): Promise<{ data: T }> {
    const { data } = await this.#call(request, false);
    return { data: data as T };
  }

  /** Like {@link request}, for list endpoints: the answer must carry an array of `data` and `paging`. */
  async requestPage<T>(request: ApiRequest): Promise<ApiPage<T>> {
    const { data, paging } = await this.#call(request, true);
    return { data: data as T[], paging: paging as WirePaging };
  }

  /**
   * For a request that must never go twice blindly (an add): after its `attempt`-th send failed with
   * `outcomeUnknown` and the caller found it did not take effect, waits the client's retry backoff and
   * returns true (send it again), or false once the policy's retries are used up (see `pauseBeforeResend`).
   */
  async pauseBeforeResend(attempt: number): Promise<boolean> {
    return pauseBeforeResend(this.#resendContext(), attempt);
  }

  /**
   * The same policy as one call: after a failure whose outcome is unknown, `settle` checks the API and
   * returns what the request produced, or `undefined` when it did not take effect, and only then is it sent
   * again (see `sendUntilSettled`).
   */
  async reconcile<T>(send: () => Promise<T>, settle: (failure: Error) => Promise<T | undefined>): Promise<T> {
    return sendUntilSettled(this.#resendContext(), send, settle);
  }

  #resendContext(): ResendContext {
    return {
      policy: this.#retry,
      sleep: (ms: number) => this.#clock.sleep(ms),
      random: this.#random,
      log: this.#log,
    };
  }

  async #call(request: ApiRequest, paged: boolean): Promise<{ data: unknown; paging?: unknown }> {
    const target: RequestTarget = { method: request.method, path: displayPath(request.path) };
    const url = this.#url(request, target);
    const idempotent = isIdempotent(request.method, this.#retry, request);
    for (let attempt = 1; ; attempt++) {
      await this.#pacer.acquire();
      const started = Date.now();
      const result = await this.#send(request, url);
      // Retry-After dates are wall-clock time, whatever clock paces the requests.
      const retryAfter = this.#header(result, "retry-after");
      const outcome = toOutcome(result, retryAfter, Date.now());
      this.#log(
        `RealtimeKit ${target.method} ${target.path}: ${describe(result)} in ${Date.now() - started} ms`,
      );
      if (result.kind === "response" && result.response.status < 300) {
        return this.#unwrap(request, paged, target, result.response);
      }
      const delay = retryDelay(attempt, retryAfter, this.#retry, this.#random, Date.now());
      const rateLimited = outcome.kind === "status" && outcome.status === 429;
      // A 429 holds every request of this token, not only this one; a wait longer than the policy
      // accepts is not held, since that request fails at once and the others will hear 429 themselves.
      if (rateLimited && !tooLong(outcome, this.#retry)) {
        this.#log(`RealtimeKit: 429, holding every request of this API token for ${delay} ms`);
        this.#pacer.pause(delay);
      }
      if (shouldRetry(request.method, outcome, attempt, this.#retry, request)) {
        this.#log(
          `RealtimeKit ${target.method} ${target.path}: retry ${attempt} of ${this.#retry.limit} in ${delay} ms`,
        );
        // After a 429 the pause above already makes this request wait, in `acquire`.
        if (!rateLimited) await this.#clock.sleep(delay);
        continue;
      }
      const outcomeUnknown = !idempotent && mayHaveBeenProcessed(outcome);
      throw this.#failure(target, result, outcome, outcomeUnknown);
    }
  }

  #url(request: ApiRequest, target: RequestTarget): string {
    const invalid = request.path.find((segment) => !isValidSegment(segment));
    if (invalid !== undefined) {
      throw new RealtimeKitError(
        target,
        `invalid path segment ${JSON.stringify(invalid)}: ids must be non-empty and not "." or ".."`,
      );
    }
    let prefix = this.#accountPrefix;
    if ((request.scope ?? "app") === "app") {
      if (this.#appPrefix === null)
        throw new RealtimeKitError(target, "the client was created without an appId");
      prefix = this.#appPrefix;
    }
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.toString() === "" ? "" : `?${query.toString()}`;
    return `${this.#baseUrl}${prefix}${target.path}${search}`;
  }

  async #send(request: ApiRequest, url: string): Promise<Attempt> {
    // axios' own `timeout` only bounds socket inactivity; the abort bounds the whole exchange.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      const response = await axios.request<string>({
        method: request.method,
        url,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        headers: {
          Authorization: `Bearer ${this.#apiToken}`,
          Accept: "application/json",
          ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        timeout: this.#timeoutMs,
        signal: controller.signal,
        responseType: "text",
        transformResponse: (body: unknown) => body,
        validateStatus: () => true,
        maxRedirects: 0,
      });
      return { kind: "response", response };
    } catch (error) {
      if (!(error instanceof AxiosError)) throw error;
      if (controller.signal.aborted || error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") {
        return { kind: "timeout" };
      }
      const code = error.code ?? "ERR_NETWORK";
      return { kind: "connection", requestSent: !NOT_SENT_CODES.has(code), code, detail: error.message };
    } finally {
      clearTimeout(timer);
    }
  }

  #unwrap(
    request: ApiRequest,
    paged: boolean,
    target: RequestTarget,
    response: AxiosResponse<string>,
  ): { data: unknown; paging?: unknown } {
    const envelope = parseJson(response.data);
    const processedButUnusable = { outcomeUnknown: !isIdempotent(request.method, this.#retry, request) };
    if (isRecord(envelope) && envelope.success === false) {
      throw fromResponse(target, this.#errorResponse(response, null), [this.#apiToken], processedButUnusable);
    }
    const data = isRecord(envelope) ? envelope.data : undefined;
    const paging = isRecord(envelope) ? envelope.paging : undefined;
    let problem: string | null = null;
    if (data === undefined || data === null) problem = "the answer has no data";
    else if (paged && !Array.isArray(data)) problem = "the list answer's data is not an array";
    else if (paged && !isPaging(paging)) problem = "the list answer has no paging";
    if (problem !== null) {
      const details = {
        status: response.status,
        code: "invalid_response",
        upstreamMessage: problem,
        requestId: this.#header({ kind: "response", response }, "cf-ray"),
      };
      throw new ApiError(target, details, processedButUnusable);
    }
    return { data, paging };
  }

  #failure(
    target: RequestTarget,
    result: Attempt,
    outcome: AttemptOutcome,
    outcomeUnknown: boolean,
  ): RealtimeKitError {
    if (result.kind === "timeout") return new TimeoutError(target, this.#timeoutMs, { outcomeUnknown });
    if (result.kind === "connection") {
      // The cause is a plain Error with the network code only: an AxiosError would carry the request
      // headers, Authorization included, into anything that logs the error with its cause.
      const cause = new Error(fromNetwork(`${result.code}: ${result.detail}`, [this.#apiToken]));
      return new ConnectionError(target, `connection error ${result.code}`, { outcomeUnknown, cause });
    }
    const retryAfterMs = outcome.kind === "status" ? (outcome.retryAfterMs ?? null) : null;
    return fromResponse(target, this.#errorResponse(result.response, retryAfterMs), [this.#apiToken], {
      outcomeUnknown,
    });
  }

  #errorResponse(response: AxiosResponse<string>, retryAfterMs: number | null): ErrorResponse {
    return {
      status: response.status,
      body: String(response.data ?? ""),
      requestId: this.#header({ kind: "response", response }, "cf-ray"),
      retryAfterMs,
    };
  }

  /** A response header, cleaned by `fromNetwork` before anything reads it; null when absent or empty. */
  #header(result: Attempt, name: "cf-ray" | "retry-after"): string | null {
    if (result.kind !== "response") return null;
    const value: unknown = result.response.headers[name];
    return typeof value === "string" && value !== "" ? fromNetwork(value, [this.#apiToken]) : null;
  }
}

function toOutcome(result: Attempt, retryAfter: string | null, now: number): AttemptOutcome {
  if (result.kind === "timeout") return { kind: "timeout" };
  if (result.kind === "connection") return { kind: "connection", requestSent: result.requestSent };
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  return { kind: "status", status: result.response.status, retryAfterMs };
}

function tooLong(outcome: { retryAfterMs?: number | null }, policy: RetryOptions): boolean {
  return (outcome.retryAfterMs ?? 0) > policy.maxRetryAfterMs;
}

function describe(result: Attempt): string {
  if (result.kind === "timeout") return "timed out";
  if (result.kind === "connection") return `connection error ${result.code}`;
  return String(result.response.status);
}

function requireText(value: unknown, name: string): void {
  if (!isValidSegment(value)) throw new TypeError(`RealtimeKitClient: ${name} must be a non-empty string`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isPaging(value: unknown): value is WirePaging {
  return (
    isRecord(value) &&
    typeof value.total_count === "number" &&
    typeof value.start_offset === "number" &&
    typeof value.end_offset === "number"
  );
}
