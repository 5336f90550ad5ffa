/**
 * What makes the emulator controllable: the optional global rate limit, request counters, and the HTTP
 * control surface under `/__emulator/` that exposes them (and the faults of faults.ts) to tests running it
 * as a separate process. Control requests answer plain JSON (no RealtimeKit envelope) and are never counted
 * or faulted.
 *
 * The control surface can reset or rewrite everything (the state file included), so a web page must not be
 * able to drive it: a request is refused unless it comes from loopback, names this emulator in `Host` (a
 * DNS-rebinding page names its own host), carries no foreign `Origin`, and carries the
 * {@link CONTROL_HEADER} header, which a browser sends cross-origin only after a CORS preflight that this
 * surface never grants.
 */
import type { IncomingMessage } from "node:http";
import {
  type ApiResponse,
  type Route,
  BodyError,
  isJsonObject,
  matchRoute,
  readJsonBody,
  splitPath,
} from "./http";
import { checkSettings } from "./settings";
import type { EmulatorControl, EmulatorSettings, FaultSpec, Json, RateLimit, RequestCounters } from "./types";

/** The header every control request must carry (any non-empty value, e.g. `1`). */
export const CONTROL_HEADER = "x-emulator-control";

/**
 * Answers one request under `/__emulator/` (`path` is what follows it). `ownHosts` are the `host:port`
 * names of this emulator, the only ones accepted in `Host` and `Origin`.
 */
export async function handleControl(
  request: IncomingMessage,
  method: string,
  path: string,
  control: EmulatorControl,
  ownHosts: ReadonlySet<string>,
): Promise<ApiResponse> {
  const refusal = refusalOf(request, ownHosts);
  if (refusal !== null) return { status: 403, body: { error: refusal } };
  let body: Json | undefined;
  try {
    body = await readJsonBody(request);
  } catch (error) {
    if (error instanceof BodyError)
      return { status: error.response.status, body: { error: "invalid JSON body" } };
    throw error;
  }
  const match = matchRoute(controlRoutes, method, splitPath(path));
  if (match.kind === "not-found")
    return { status: 404, body: { error: `no control route ${method} ${path}` } };
  return match.route.handle({ params: match.params, query: new URLSearchParams(), body }, control);
}

/** Why a control request is refused, or null when it may proceed. */
function refusalOf(request: IncomingMessage, ownHosts: ReadonlySet<string>): string | null {
  if (!isLoopback(request.socket.remoteAddress)) return "the control surface only answers loopback clients";
  const host = request.headers.host;
  if (host === undefined || !ownHosts.has(host.toLowerCase())) {
    return `the control surface only answers requests addressed to this emulator (Host ${[...ownHosts].join(" or ")})`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, ownHosts)) {
    return "the control surface refuses requests from a web page of another origin";
  }
  const marker = request.headers[CONTROL_HEADER];
  if (typeof marker !== "string" || marker.trim() === "") {
    return `control requests must carry the header ${CONTROL_HEADER} (e.g. \`${CONTROL_HEADER}: 1\`)`;
  }
  return null;
}

function isOwnOrigin(origin: string, ownHosts: ReadonlySet<string>): boolean {
  return (
    origin.toLowerCase().startsWith("http://") && ownHosts.has(origin.slice("http://".length).toLowerCase())
  );
}

function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === "::1" || /^(::ffff:)?127\./.test(address));
}

/** A fixed window that starts with the first request after the previous one ended. */
export class RateLimiter {
  private windowStart: number | undefined;
  private count = 0;

  constructor(private limit: RateLimit | null) {}

  /** The limit in force, if any. */
  get current(): RateLimit | null {
    return this.limit;
  }

  /** Replaces the limit and starts a fresh window. */
  set(limit: RateLimit | null): void {
    if (limit !== null && !(limit.requests >= 0 && limit.windowMs > 0)) {
      throw new Error("Invalid rate limit: requests must be >= 0 and windowMs > 0");
    }
    this.limit = limit === null ? null : { requests: limit.requests, windowMs: limit.windowMs };
    this.resetWindow();
  }

  resetWindow(): void {
    this.windowStart = undefined;
    this.count = 0;
  }

  /** Records one request at `nowMs`; returns the milliseconds left in the window when it is over the limit. */
  hit(nowMs: number): number | null {
    if (!this.limit) return null;
    if (this.windowStart === undefined || nowMs - this.windowStart >= this.limit.windowMs) {
      this.windowStart = nowMs;
      this.count = 0;
    }
    this.count += 1;
    return this.count > this.limit.requests ? this.windowStart + this.limit.windowMs - nowMs : null;
  }
}

/** Counts API requests by method and by `METHOD /template`. */
export class RequestCounter {
  private counts: RequestCounters = emptyCounters();

  record(method: string, routeKey: string): void {
    this.counts.total += 1;
    if (method !== "GET") this.counts.mutating += 1;
    this.counts.byMethod[method] = (this.counts.byMethod[method] ?? 0) + 1;
    this.counts.byRoute[routeKey] = (this.counts.byRoute[routeKey] ?? 0) + 1;
  }

  snapshot(): RequestCounters {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = emptyCounters();
  }
}

function emptyCounters(): RequestCounters {
  return { total: 0, mutating: 0, byMethod: {}, byRoute: {} };
}

// ------------------------------------------------------------------------------------ HTTP control surface

function done(): ApiResponse {
  return { status: 200, body: { ok: true } };
}

function invalid(message: string): ApiResponse {
  return { status: 400, body: { error: message } };
}

/** Runs a control action that may throw on invalid input, answering 400 with the message if it does. */
function attempt(action: () => void): ApiResponse {
  try {
    action();
    return done();
  } catch (error) {
    return invalid(error instanceof Error ? error.message : String(error));
  }
}

function toFault(body: Json | undefined): FaultSpec | string {
  if (!isJsonObject(body)) return "body must be a FaultSpec object";
  return body as unknown as FaultSpec;
}

function toRateLimit(body: Json | undefined): RateLimit | null | string {
  if (body === null || body === undefined) return null;
  if (!isJsonObject(body) || typeof body.requests !== "number" || typeof body.windowMs !== "number") {
    return "body must be {requests, windowMs} or null";
  }
  return { requests: body.requests, windowMs: body.windowMs };
}

function toSettings(body: Json | undefined): EmulatorSettings | string {
  if (!isJsonObject(body)) return "body must be an object";
  try {
    return checkSettings(body);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The routes under `/__emulator/`, mirroring `EmulatorControl`. */
const controlRoutes: Route<EmulatorControl>[] = [
  {
    method: "POST",
    template: "/faults",
    handle: (request, control) => {
      const fault = toFault(request.body);
      return typeof fault === "string" ? invalid(fault) : attempt(() => control.injectFault(fault));
    },
  },
  {
    method: "DELETE",
    template: "/faults",
    handle: (_request, control) => attempt(() => control.clearFaults()),
  },
  {
    method: "PUT",
    template: "/rate-limit",
    handle: (request, control) => {
      const limit = toRateLimit(request.body);
      return typeof limit === "string" ? invalid(limit) : attempt(() => control.setRateLimit(limit));
    },
  },
  {
    method: "PUT",
    template: "/settings",
    handle: (request, control) => {
      const settings = toSettings(request.body);
      return typeof settings === "string" ? invalid(settings) : attempt(() => control.setSettings(settings));
    },
  },
  {
    method: "GET",
    template: "/counters",
    handle: (_request, control) => ({ status: 200, body: control.counters() as unknown as Json }),
  },
  {
    method: "POST",
    template: "/counters/reset",
    handle: (_request, control) => attempt(() => control.resetCounters()),
  },
  { method: "POST", template: "/reset", handle: (_request, control) => attempt(() => control.reset()) },
  {
    method: "GET",
    template: "/state",
    handle: (_request, control) => ({ status: 200, body: control.snapshot() as unknown as Json }),
  },
];
