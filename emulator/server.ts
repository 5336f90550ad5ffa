/**
 * The emulator's one request pipeline: count, authenticate, inject faults, rate-limit, route, persist.
 * Built on node:http alone (see http.ts for why there is no framework).
 */
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { appRoutes } from "./apps";
import type { ActiveSettings, ApiContext } from "./context";
import { RateLimiter, RequestCounter, handleControl } from "./control";
import { FaultTable } from "./faults";
import {
  type ApiResponse,
  type Route,
  authenticationError,
  gatewayError,
  BodyError,
  matchRoute,
  newRayId,
  readJsonBody,
  routeNotFound,
  serviceError,
  splitPath,
  statusText,
} from "./http";
import { meetingRoutes } from "./meetings";
import { participantRoutes } from "./participants";
import { presetRoutes } from "./presets";
import { applySettings, initialSettings } from "./settings";
import { Store } from "./store";
import { webhookRoutes } from "./webhooks";
import type {
  EmulatorClock,
  EmulatorControl,
  EmulatorOptions,
  FaultSpec,
  Json,
  RunningEmulator,
} from "./types";

const API_PREFIX = "/client/v4";
const CONTROL_PREFIX = "/__emulator";
const REAL_TIME: EmulatorClock = { now: () => Date.now() };

const API_ROUTES: Route<ApiContext>[] = [
  ...appRoutes,
  ...presetRoutes,
  ...meetingRoutes,
  ...participantRoutes,
  ...webhookRoutes,
];

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const store = Store.open(
    { apiToken: options.apiToken, accountId: options.accountId, appId: options.appId },
    options.stateFile,
  );
  const initial = initialSettings(options);
  const initialRateLimit = options.rateLimit ?? null;
  const settings: ActiveSettings = { ...initial };
  const faults = new FaultTable();
  const rateLimiter = new RateLimiter(null);
  rateLimiter.set(initialRateLimit);
  const counter = new RequestCounter();

  const control: EmulatorControl = {
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setRateLimit: (limit) => rateLimiter.set(limit),
    setSettings: (changes) => applySettings(settings, changes),
    counters: () => counter.snapshot(),
    resetCounters: () => counter.reset(),
    reset: () => {
      store.reset();
      faults.clear();
      counter.reset();
      rateLimiter.set(initialRateLimit);
      Object.assign(settings, initial);
    },
    snapshot: () => store.snapshot(),
  };

  const delays = new Set<{ timer: NodeJS.Timeout; finish: () => void }>();
  /** Resolves after `ms`, or at once when the emulator closes. */
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => entry.finish(), ms),
        finish: () => {
          clearTimeout(entry.timer);
          delays.delete(entry);
          resolve();
        },
      };
      delays.add(entry);
    });
  let closing = false;

  const pipeline: Pipeline = {
    store,
    settings,
    faults,
    rateLimiter,
    counter,
    control,
    delay,
    isClosing: () => closing,
    ownHosts: new Set(),
    log: options.log,
    clock: options.clock ?? REAL_TIME,
  };
  const server = createServer((request, response) => {
    handle(pipeline, request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        send(
          response,
          serviceError(500, `Emulator error: ${error instanceof Error ? error.message : "unknown"}`),
        );
      } else {
        response.destroy();
      }
    });
  });
  // Like the real API, connections stay open between requests, and longer than Node's client agent keeps
  // an idle one (5 s): the client always closes first, so it never reuses a connection the server is
  // closing at that moment (an ECONNRESET that makes a POST's outcome unknown). An announced timeout of 1 s
  // or less would make the agent open a new connection for every request. close() ends idle connections
  // itself (closeAllConnections), so nothing waits on them.
  server.keepAliveTimeout = 60_000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${urlHost(host)}:${port}`;
  for (const name of [urlHost(host), "127.0.0.1", "localhost", "[::1]"])
    pipeline.ownHosts.add(`${name}:${port}`);

  return {
    baseUrl: `${origin}${API_PREFIX}`,
    origin,
    accountId: store.accountId,
    appId: store.appId,
    apiToken: store.apiToken,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        pipeline.store.flush();
        for (const entry of [...delays]) entry.finish();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** An unspecified listen address is reached through loopback; IPv6 literals need brackets in URLs. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function checkOptions(options: EmulatorOptions): void {
  if (options.accountId !== undefined && !/^[0-9a-f]{32}$/.test(options.accountId)) {
    throw new Error("accountId must be 32 lowercase hex characters");
  }
  if (options.appId !== undefined && options.appId.trim() === "") throw new Error("appId must not be empty");
  if (options.apiToken !== undefined && options.apiToken.trim() === "") {
    throw new Error("apiToken must not be empty");
  }
  if (options.clock !== undefined && typeof options.clock.now !== "function") {
    throw new Error("clock must have a now() method");
  }
}

// ---------------------------------------------------------------------------------------------- pipeline

interface Pipeline {
  store: Store;
  settings: ActiveSettings;
  faults: FaultTable;
  rateLimiter: RateLimiter;
  counter: RequestCounter;
  control: EmulatorControl;
  delay: (ms: number) => Promise<void>;
  isClosing: () => boolean;
  /** `host:port` names this emulator answers control requests for (filled in once it listens). */
  ownHosts: Set<string>;
  log: ((line: string) => void) | undefined;
  /** Drives the rate-limit window. */
  clock: EmulatorClock;
}

async function handle(pipeline: Pipeline, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = Date.now();
  response.setHeader("cf-ray", newRayId());
  const method = (request.method ?? "GET").toUpperCase();
  const url = new URL(request.url ?? "/", "http://emulator.invalid");
  const pathname = url.pathname;

  if (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)) {
    const controlPath = pathname.slice(CONTROL_PREFIX.length);
    send(response, await handleControl(request, method, controlPath, pipeline.control, pipeline.ownHosts));
    return;
  }

  const answer = await handleApi(pipeline, request, response, method, pathname, url.searchParams);
  if (answer === "dropped") {
    pipeline.log?.(`${method} ${pathname} -> dropped`);
    return;
  }
  send(response, answer);
  pipeline.log?.(`${method} ${pathname} -> ${answer.status} (${Date.now() - started} ms)`);
}

async function handleApi(
  pipeline: Pipeline,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  pathname: string,
  query: URLSearchParams,
): Promise<ApiResponse | "dropped"> {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) {
    return gatewayError(404, 7000, "No route for that URI");
  }
  const apiPath = pathname.slice(API_PREFIX.length);
  let segments: string[];
  try {
    segments = splitPath(apiPath).map((segment) => decodeURIComponent(segment));
  } catch {
    return gatewayError(400, 7003, "Could not route to the URI, perhaps your object identifier is invalid?");
  }
  const match = matchRoute(API_ROUTES, method, segments);
  pipeline.counter.record(
    method,
    match.kind === "found" ? `${method} ${match.route.template}` : `${method} (unmatched)`,
  );

  // Authentication comes first, as at Cloudflare's edge: a request without the token is refused before any
  // fault or the rate limit applies, and does not use up the token's window.
  if (request.headers.authorization !== `Bearer ${pipeline.store.apiToken}`) return authenticationError();

  const fault = pipeline.faults.take(method, apiPath);
  if (fault?.kind === "drop") {
    request.socket.destroy();
    return "dropped";
  }
  if (fault?.kind === "status") return injectedStatus(fault);
  if (fault?.kind === "latency") {
    await pipeline.delay(fault.latencyMs ?? 0);
    if (pipeline.isClosing() || response.destroyed) {
      request.socket.destroy();
      return "dropped";
    }
  }

  let body: Json | undefined;
  try {
    body = await readJsonBody(request);
  } catch (error) {
    if (error instanceof BodyError) return error.response;
    throw error;
  }

  const limit = pipeline.rateLimiter.current;
  const remainingMs = pipeline.rateLimiter.hit(pipeline.clock.now());
  if (limit && remainingMs !== null) return rateLimited(limit.requests, limit.windowMs, remainingMs);

  if (match.kind === "not-found") {
    return segments[0] === "accounts" ? routeNotFound() : gatewayError(404, 7000, "No route for that URI");
  }
  const { params } = match;
  // An account the token cannot reach answers as the Cloudflare gateway does: 403, v4 shape.
  if (params.account_id !== undefined && params.account_id !== pipeline.store.accountId) {
    return gatewayError(403, 9109, "Unauthorized to access requested resource");
  }
  if (params.app_id !== undefined && !pipeline.store.apps.has(params.app_id)) {
    return serviceError(404, `No app found with id ${params.app_id}`);
  }

  const answer = match.route.handle(
    { params, query, body },
    { store: pipeline.store, settings: pipeline.settings },
  );
  if (method !== "GET" && answer.status < 400) pipeline.store.persist();
  if (fault?.kind === "persist-then-500") return serviceError(500, statusText(500));
  return answer;
}

function injectedStatus(fault: FaultSpec): ApiResponse {
  const status = fault.status as number;
  const headers: Record<string, string> =
    fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
  if (status === 429) {
    return { ...gatewayError(429, 10100, "Rate limited (injected fault)"), headers };
  }
  if (status === 401) return { ...authenticationError(), headers };
  return { ...serviceError(status, statusText(status)), headers };
}

function rateLimited(requests: number, windowMs: number, remainingMs: number): ApiResponse {
  const windowSeconds = Number((windowMs / 1000).toFixed(3));
  const retryAfter = Math.max(1, Math.ceil(remainingMs / 1000));
  return {
    ...gatewayError(429, 10100, `More than ${requests} requests per ${windowSeconds} seconds reached`),
    headers: { "retry-after": String(retryAfter) },
  };
}

function send(response: ServerResponse, answer: ApiResponse): void {
  if (response.destroyed || response.headersSent) return;
  const payload = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...answer.headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
  });
  response.end(payload);
}
