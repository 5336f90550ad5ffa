/**
 * The emulator's HTTP vocabulary: responses, the two error shapes the real API uses, paging, and the
 * hand-written route table.
 *
 * The route table is written by hand on node:http rather than with a web framework so the emulator has no
 * dependency at all: it ships inside the package, runs wherever Node runs, and starts in milliseconds.
 */
import { randomBytes } from "node:crypto";
import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Json, JsonObject } from "./types";

/** What a route handler answers; the server adds `cf-ray` and JSON-encodes `body`. */
export interface ApiResponse {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

/** Whether a handler's intermediate result is already the response to send (an error, usually). */
export function isResponse(value: object): value is ApiResponse {
  return "status" in value && "body" in value && typeof value.status === "number";
}

/** RealtimeKit's success envelope. */
export function ok(data: Json, status = 200): ApiResponse {
  return { status, body: { success: true, data } };
}

/** RealtimeKit's service error body: `{success:false, error:{code:<status>, message}}`. */
export function serviceError(status: number, message: string): ApiResponse {
  return { status, body: { success: false, error: { code: status, message } } };
}

/** The Cloudflare v4 gateway error body, used for auth, account access, rate limit and unknown routes. */
export function gatewayError(status: number, code: number, message: string): ApiResponse {
  return { status, body: { success: false, errors: [{ code, message }], messages: [], result: null } };
}

/** 401 as the Cloudflare gateway answers a missing or wrong token. */
export function authenticationError(): ApiResponse {
  return gatewayError(401, 10000, "Authentication error");
}

/** A 400 validation error. */
export function badRequest(message: string): ApiResponse {
  return serviceError(400, message);
}

/** The answer to a path or method the API does not have (a meeting DELETE included). */
export function routeNotFound(): ApiResponse {
  return serviceError(404, "Not Found");
}

/** The standard reason phrase of a status, for injected faults. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? "Error";
}

/** A `cf-ray`-like request id: 16 random hex digits and a suffix that says it came from the emulator. */
export function newRayId(): string {
  return `${randomBytes(8).toString("hex")}-EMU`;
}

// ---------------------------------------------------------------------------------------------- paging

/** Page size when `per_page` is absent or 0. */
export const DEFAULT_PER_PAGE = 20;
/** Larger `per_page` values are silently capped here, so clients must page by the answered offsets. */
export const MAX_PER_PAGE = 100;

/** A validated page request: 1-based `pageNo`. */
export interface PageRequest {
  pageNo: number;
  perPage: number;
}

/**
 * Reads `page_no` (1-based; absent or 0 means 1) and `per_page` (absent or 0 means 20, capped at 100).
 * Returns a 400 response for a value that is not a non-negative integer.
 */
export function parsePageRequest(query: URLSearchParams): PageRequest | ApiResponse {
  const pageNo = parseNonNegativeInteger(query, "page_no");
  if (typeof pageNo !== "number") return pageNo;
  const perPage = parseNonNegativeInteger(query, "per_page");
  if (typeof perPage !== "number") return perPage;
  return {
    pageNo: pageNo === 0 ? 1 : pageNo,
    perPage: perPage === 0 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE),
  };
}

function parseNonNegativeInteger(query: URLSearchParams, name: string): number | ApiResponse {
  const raw = query.get(name);
  if (raw === null || raw === "") return 0;
  if (!/^\d+$/.test(raw)) return badRequest(`"${name}" must be a non-negative integer`);
  return Number(raw);
}

/**
 * One page of `items` in the list envelope. Offsets are 1-based and inclusive; an empty page (no items at
 * all, or a page past the end) answers `start_offset: 0, end_offset: 0` with the real `total_count`.
 */
export function pageOf<T>(items: readonly T[], page: PageRequest, toJson: (item: T) => Json): ApiResponse {
  const start = (page.pageNo - 1) * page.perPage;
  const rows = items.slice(start, start + page.perPage);
  const paging = {
    total_count: items.length,
    start_offset: rows.length === 0 ? 0 : start + 1,
    end_offset: rows.length === 0 ? 0 : start + rows.length,
  };
  return { status: 200, body: { success: true, data: rows.map(toJson), paging } };
}

// ---------------------------------------------------------------------------------------------- routing

/** Everything a route handler gets about the request. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, or `undefined` when there was none. */
  body: Json | undefined;
}

/** A route: `METHOD /template` with `{name}` segments, and its handler. */
export interface Route<Context> {
  method: string;
  template: string;
  handle: (request: RouteRequest, context: Context) => ApiResponse;
}

/** The outcome of matching a path against the table. */
export type RouteMatch<Context> =
  { kind: "found"; route: Route<Context>; params: Record<string, string> } | { kind: "not-found" };

/** Finds the route for `method` and decoded `segments`; a known path with another method is not found. */
export function matchRoute<Context>(
  routes: readonly Route<Context>[],
  method: string,
  segments: readonly string[],
): RouteMatch<Context> {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchTemplate(route.template, segments);
    if (params) return { kind: "found", route, params };
  }
  return { kind: "not-found" };
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | null {
  const parts = splitPath(template);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const segment = segments[index];
    if (part.startsWith("{") && part.endsWith("}")) {
      if (segment === "") return null;
      params[part.slice(1, -1)] = segment;
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

/** Splits a path into segments, ignoring the leading and any trailing slash. */
export function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? [] : trimmed.split("/");
}

/** Whether a parsed body value is a JSON object (not null, not an array). */
export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------- bodies

const MAX_BODY_BYTES = 1024 * 1024;

/** A body that is not JSON, or is too large. */
export class BodyError extends Error {
  constructor(readonly response: ApiResponse) {
    super(JSON.stringify(response.body));
  }
}

/** Reads a request body as JSON: `undefined` when empty; throws a {@link BodyError} when not JSON or too large. */
export async function readJsonBody(request: IncomingMessage): Promise<Json | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(serviceError(413, "Request body too large"));
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new BodyError(serviceError(400, "Invalid JSON body"));
  }
}
