/**
 * Shared pieces of the sdk tests: virtual time, a client factory with fast retries and no pacing, and a
 * scripted HTTP server for the answers a faithful emulator never gives (2xx without data, HTTP-date
 * Retry-After) and for looking at raw request headers.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { RealtimeKitClient, type RealtimeKitClientOptions } from "../../sdk/client";
import type { Clock } from "../../sdk/pacing";
import { useEmulator, type EmulatorHandle, type EmulatorTarget } from "../helpers/emulator";

/**
 * Virtual time: sleeps take no real time. Pending sleeps wake one at a time, earliest first, and only once
 * every microtask has run (on `setImmediate`), so `now` never moves while code that was woken is still
 * running: what a test measures is exactly what pacing and retry delays asked for.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private sequence = 0;
  private scheduled = false;
  private readonly timers: Array<{ at: number; sequence: number; wake: () => void }> = [];
  /** Every sleep requested, in order. */
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((wake) => {
      this.timers.push({ at: this.time + Math.max(0, ms), sequence: this.sequence++, wake });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
      const next = this.timers.shift();
      if (!next) return;
      this.time = Math.max(this.time, next.at);
      next.wake();
      if (this.timers.length > 0) this.schedule();
    });
  }
}

/** A client for `target` with retries of 1-5 ms and no pacing, unless `overrides` say otherwise. */
export function clientFor(
  target: EmulatorTarget,
  overrides: Partial<RealtimeKitClientOptions> = {},
): RealtimeKitClient {
  return new RealtimeKitClient({
    apiToken: target.apiToken,
    accountId: target.accountId,
    appId: target.appId,
    baseUrl: target.baseUrl,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    rateLimit: false,
    ...overrides,
  });
}

/** A request as the scripted server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the scripted server answers; `"drop"` destroys the socket without an answer. */
export type ScriptedAnswer =
  { status: number; body?: string | object; headers?: Record<string, string> } | "drop";

/** A local HTTP server that answers by script and records every request. */
export interface ScriptedServer {
  baseUrl: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a scripted server on an ephemeral port; `answer` sees each request in turn. */
export async function startScriptedServer(
  answer: (request: SeenRequest, index: number) => ScriptedAnswer,
): Promise<ScriptedServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(seen);
      const reply = answer(seen, requests.length - 1);
      if (reply === "drop") {
        req.socket.destroy();
        return;
      }
      const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Target fields for a scripted server (any ids; it does not check them). */
export function scriptedTarget(server: ScriptedServer): EmulatorTarget {
  return { baseUrl: server.baseUrl, apiToken: "test-api-token-0123456789", accountId: "acc", appId: "app" };
}

/** Awaits `promise` and returns what it threw (failing the test if it did not throw). */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error("expected a rejection, but the promise resolved");
}

/**
 * The file's emulator (see `useEmulator`), logging the requests it answers. `seen()` lists those of the
 * current test (or since `forgetSeen()`, to leave out a test's setup calls) as `METHOD path -> status`, the
 * path shortened to what follows the app prefix.
 */
export function useRecordingEmulator(): { emu: EmulatorHandle; seen(): string[]; forgetSeen(): void } {
  const lines: string[] = [];
  const emu = useEmulator({ log: (line) => lines.push(line) });
  beforeEach(() => {
    lines.length = 0;
  });
  return {
    emu,
    seen() {
      const prefix = `/client/v4/accounts/${emu.accountId}/realtime/kit/${emu.appId}`;
      return lines.map((line) => line.replace(prefix, "").replace(/ \(\d+ ms\)$/, ""));
    },
    forgetSeen() {
      lines.length = 0;
    },
  };
}
