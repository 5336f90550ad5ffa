/**
 * What makes the emulator controllable: injected faults, the optional global rate limit, request counters,
 * and the HTTP control surface under `/__emulator/` that exposes them to tests running it as a separate
 * process. Control requests answer plain JSON (no RealtimeKit envelope) and are never counted or faulted.
 */
import { type ApiResponse, type Route, isJsonObject } from "./http";
import type { EmulatorControl, EmulatorSettings, FaultSpec, Json, RateLimit, RequestCounters } from "./types";

const FAULT_KINDS: readonly FaultSpec["kind"][] = ["status", "latency", "drop", "persist-then-500"];

/** Returns what is wrong with a fault spec, or null when it can be injected. */
export function checkFault(fault: FaultSpec): string | null {
  if (!FAULT_KINDS.includes(fault.kind)) return `kind must be one of ${FAULT_KINDS.join(", ")}`;
  if (fault.method !== undefined && typeof fault.method !== "string") return "method must be a string";
  if (fault.path !== undefined && typeof fault.path !== "string") return "path must be a string";
  if (
    fault.retryAfterSeconds !== undefined &&
    !(typeof fault.retryAfterSeconds === "number" && fault.retryAfterSeconds >= 0)
  ) {
    return "retryAfterSeconds must be a non-negative number";
  }
  if (fault.kind === "status" && !isHttpStatus(fault.status)) return "status must be an HTTP status 100..599";
  if (fault.kind === "latency" && !(typeof fault.latencyMs === "number" && fault.latencyMs >= 0)) {
    return "latencyMs must be a non-negative number";
  }
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
    return "times must be a positive integer";
  }
  const probability = fault.probability;
  if (
    probability !== undefined &&
    !(typeof probability === "number" && probability > 0 && probability <= 1)
  ) {
    return "probability must be in (0, 1]";
  }
  if (fault.path !== undefined && pathMatcher(fault.path) === null) return "path is not a valid /regex/";
  return null;
}

function isHttpStatus(status: number | undefined): boolean {
  return typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 599;
}

/** A `/regex/flags` string becomes a RegExp; anything else matches as a substring. */
function pathMatcher(path: string): ((candidate: string) => boolean) | null {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(path);
  if (!regex) return (candidate) => candidate.includes(path);
  try {
    const pattern = new RegExp(regex[1], regex[2]);
    return (candidate) => pattern.test(candidate);
  } catch {
    return null;
  }
}

interface ActiveFault {
  spec: FaultSpec;
  matchesPath: (path: string) => boolean;
  /** Requests left to fault; undefined for a probability fault, which stays until cleared. */
  remaining: number | undefined;
}

/** The injected faults, consulted in the order they were added. */
export class FaultTable {
  private faults: ActiveFault[] = [];

  /** Adds a fault; throws on an invalid spec. */
  add(spec: FaultSpec): void {
    const problem = checkFault(spec);
    if (problem) throw new Error(`Invalid fault: ${problem}`);
    this.faults.push({
      spec: { ...spec },
      matchesPath: pathMatcher(spec.path ?? "") as (path: string) => boolean,
      remaining: spec.probability === undefined ? (spec.times ?? 1) : undefined,
    });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault to apply to this request, if any; a counted fault is used up by it. */
  take(method: string, path: string): FaultSpec | undefined {
    for (const fault of this.faults) {
      if (fault.spec.method && fault.spec.method.toUpperCase() !== method) continue;
      if (!fault.matchesPath(path)) continue;
      if (fault.remaining === undefined) {
        if (Math.random() < (fault.spec.probability as number)) return fault.spec;
        continue;
      }
      fault.remaining -= 1;
      if (fault.remaining === 0) this.faults = this.faults.filter((other) => other !== fault);
      return fault.spec;
    }
    return undefined;
  }
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
  const settings: EmulatorSettings = {};
  if (body.tokenTtlSeconds !== undefined) {
    if (typeof body.tokenTtlSeconds !== "number") return "tokenTtlSeconds must be a number";
    settings.tokenTtlSeconds = body.tokenTtlSeconds;
  }
  if (body.duplicateCustomParticipantId !== undefined) {
    const policy = body.duplicateCustomParticipantId;
    if (policy !== "allow" && policy !== "reject")
      return "duplicateCustomParticipantId must be allow or reject";
    settings.duplicateCustomParticipantId = policy;
  }
  return settings;
}

/** The routes under `/__emulator/`, mirroring `EmulatorControl`. */
export const controlRoutes: Route<EmulatorControl>[] = [
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
