/**
 * The SDK's error classes and the one place that turns an HTTP answer into one of them.
 *
 * Every message has one format, `RealtimeKit <METHOD> <path> failed: <reason>`, where the path is relative
 * to the app (or account) prefix, e.g. `/meetings/{id}/participants/{pid}`. Messages never contain the API
 * token, a participant token (JWTs are redacted from upstream text) or request headers.
 */
import { fromNetwork, redact, spansJoin } from "./redaction";
import { isRecord } from "./values";

export { redact } from "./redaction";

/** Where a request went, as shown in messages: the method and the path after the app or account prefix. */
export interface RequestTarget {
  method: string;
  path: string;
}

/** Fields every RealtimeKit error carries besides its message. */
export interface RealtimeKitErrorOptions {
  /**
   * True when a non-idempotent request (a POST) may have been processed although no success answer came
   * back (a 5xx, a timeout, a dropped connection). The caller must look before trying again.
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

/** Base class of every error the SDK throws; `outcomeUnknown` says whether a POST may have taken effect. */
export class RealtimeKitError extends Error {
  /** See {@link RealtimeKitErrorOptions.outcomeUnknown}. */
  readonly outcomeUnknown: boolean;
  /** The request method (empty when the error is not about a request). */
  readonly method: string;
  /** The request path relative to the app or account prefix, without the query string. */
  readonly path: string;

  constructor(target: RequestTarget, reason: string, options: RealtimeKitErrorOptions = {}) {
    const outcomeUnknown = options.outcomeUnknown ?? false;
    super(
      formatMessage(target, reason, outcomeUnknown),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "RealtimeKitError";
    this.outcomeUnknown = outcomeUnknown;
    this.method = target.method;
    this.path = target.path;
  }
}

/** What the API said when it answered with an error (or with a 2xx the client cannot use). */
export interface ApiErrorDetails {
  status: number;
  /** The first upstream error code: the HTTP status for service errors, a v4 code (e.g. 10000) otherwise. */
  code: number | string | null;
  /** The upstream error message, with any JWT redacted. */
  upstreamMessage: string;
  /** The `cf-ray` response header. */
  requestId: string | null;
}

/** The API answered, and the answer was an error (or a 2xx the client cannot use). */
export class ApiError extends RealtimeKitError {
  /** HTTP status of the answer. */
  readonly status: number;
  /** See {@link ApiErrorDetails.code}. */
  readonly code: number | string | null;
  /** See {@link ApiErrorDetails.upstreamMessage}. */
  readonly upstreamMessage: string;
  /** The `cf-ray` header of the answer, to quote to Cloudflare support. */
  readonly requestId: string | null;

  constructor(target: RequestTarget, details: ApiErrorDetails, options: RealtimeKitErrorOptions = {}) {
    // A service error's code is its HTTP status again (`400 400`): shown once. A distinct code (a v4 code
    // such as 10000, or a name) says more, so it stays.
    const code =
      details.code === null || String(details.code) === String(details.status) ? "" : ` ${details.code}`;
    const ray = details.requestId === null ? "" : ` (request id ${details.requestId})`;
    super(target, `${details.status}${code} ${details.upstreamMessage}${ray}`, options);
    this.name = "ApiError";
    this.status = details.status;
    this.code = details.code;
    this.upstreamMessage = details.upstreamMessage;
    this.requestId = details.requestId;
  }
}

/** An {@link ApiError} subclass that adds only its name; each is picked by the status it stands for. */
function statusError(name: string) {
  const Kind = class extends ApiError {
    constructor(target: RequestTarget, details: ApiErrorDetails, options?: RealtimeKitErrorOptions) {
      super(target, details, options);
      this.name = name;
    }
  };
  Object.defineProperty(Kind, "name", { value: name });
  return Kind;
}

/** 400 or 422: the request was malformed or failed validation (an unknown preset name, for example). */
export const ValidationError = statusError("ValidationError");
export type ValidationError = InstanceType<typeof ValidationError>;

/** 401: the API token is missing, malformed or revoked. */
export const AuthenticationError = statusError("AuthenticationError");
export type AuthenticationError = InstanceType<typeof AuthenticationError>;

/** 403: the token lacks the Realtime (Admin) permission, or the account lacks RealtimeKit. */
export const PermissionDeniedError = statusError("PermissionDeniedError");
export type PermissionDeniedError = InstanceType<typeof PermissionDeniedError>;

/** 404: the meeting, participant, preset or route does not exist. Deleting something gone is fine. */
export const NotFoundError = statusError("NotFoundError");
export type NotFoundError = InstanceType<typeof NotFoundError>;

/** 409: the object already exists (a duplicate preset name, or a duplicate `customParticipantId`). */
export const ConflictError = statusError("ConflictError");
export type ConflictError = InstanceType<typeof ConflictError>;

/** The one table from HTTP status to error class; 429 ({@link RateLimitError}) carries more, see fromResponse. */
const BY_STATUS: Readonly<Record<number, ReturnType<typeof statusError>>> = {
  400: ValidationError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
};

/** 429: the token's rate limit is exhausted; the request was refused, not processed. */
export class RateLimitError extends ApiError {
  /** How long the API asked to wait (from `Retry-After`), or null when it did not say. */
  readonly retryAfterMs: number | null;

  constructor(
    target: RequestTarget,
    details: ApiErrorDetails,
    retryAfterMs: number | null,
    options?: RealtimeKitErrorOptions,
  ) {
    super(target, details, options);
    this.name = "RateLimitError";
    this.retryAfterMs = retryAfterMs;
  }
}

/** No answer: the connection was refused, reset or dropped. `cause` holds the network error code only. */
export class ConnectionError extends RealtimeKitError {
  constructor(target: RequestTarget, reason: string, options?: RealtimeKitErrorOptions) {
    super(target, reason, options);
    this.name = "ConnectionError";
  }
}

/** No answer within the client's `timeoutMs`. */
export class TimeoutError extends RealtimeKitError {
  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(target: RequestTarget, timeoutMs: number, options?: RealtimeKitErrorOptions) {
    super(target, `no answer within ${timeoutMs} ms`, options);
    this.name = "TimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/** Whether `error` is an SDK error saying a POST may have been processed, so the caller must reconcile. */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof RealtimeKitError && error.outcomeUnknown;
}

/** An HTTP error answer, as the request pipeline hands it over: the body is read exactly once, as text. */
export interface ErrorResponse {
  status: number;
  /** Raw response body. */
  body: string;
  /** The `cf-ray` header, if any. */
  requestId: string | null;
  /** `Retry-After` already converted to milliseconds (see retry.ts), for 429s. */
  retryAfterMs: number | null;
}

/**
 * Builds the error for an HTTP error answer. Accepts RealtimeKit's `{error:{code,message}}`, Cloudflare
 * v4's `{errors:[{code,message}]}`, Dyte's `{message}` and non-JSON bodies. Every piece of upstream text
 * (code, message, request id) goes through `fromNetwork`: `secrets` (the API token) and anything shaped like
 * a JWT are redacted, and long text is cut.
 */
export function fromResponse(
  target: RequestTarget,
  response: ErrorResponse,
  secrets: readonly string[],
  options: RealtimeKitErrorOptions = {},
): ApiError {
  const cleaned = parseErrorBody(response.body, (text) => fromNetwork(text, secrets));
  // Each piece is clean, but the message puts the code and the message side by side: a token split
  // between them would show there, so both are withheld.
  const raw = parseErrorBody(response.body, (text) => text);
  const upstream = spansJoin(raw.code === null ? "" : String(raw.code), raw.message, secrets)
    ? { code: "[redacted]", message: "[redacted]" }
    : cleaned;
  const details: ApiErrorDetails = {
    status: response.status,
    code: upstream.code,
    upstreamMessage: upstream.message || `HTTP ${response.status}`,
    // The pipeline hands the header over cleaned; cleaning is idempotent, and this keeps callers honest.
    requestId: response.requestId === null ? null : fromNetwork(response.requestId, secrets),
  };
  const Kind = Object.hasOwn(BY_STATUS, response.status) ? BY_STATUS[response.status] : ApiError;
  const error =
    response.status === 429
      ? new RateLimitError(target, details, response.retryAfterMs, options)
      : new Kind(target, details, options);
  return redactedOnceMore(error, secrets);
}

/** The final message (and the stack that repeats it) redacted once more, whatever was joined into it. */
function redactedOnceMore<E extends Error>(error: E, secrets: readonly string[]): E {
  const clean = redact(error.message, secrets);
  if (clean !== error.message) {
    error.stack = error.stack?.split(error.message).join(clean);
    error.message = clean;
  }
  return error;
}

/** Reads the code and message of an error body; `clean` redacts and cuts each piece of upstream text. */
function parseErrorBody(
  body: string,
  clean: (text: string) => string,
): { code: number | string | null; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { code: null, message: clean(body.trim()) };
  }
  if (!isRecord(parsed)) return { code: null, message: clean(body.trim()) };
  const service = parsed.error;
  if (isRecord(service)) {
    return { code: codeOf(service.code, clean), message: messageOf(service.message, clean) };
  }
  if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
    const [first] = parsed.errors as unknown[];
    if (isRecord(first)) {
      const rest = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : "";
      return { code: codeOf(first.code, clean), message: `${messageOf(first.message, clean)}${rest}` };
    }
  }
  if (typeof parsed.message === "string") return { code: null, message: clean(parsed.message) };
  if (typeof service === "string") return { code: null, message: clean(service) };
  return { code: null, message: clean(body.trim()) };
}

function codeOf(value: unknown, clean: (text: string) => string): number | string | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return typeof value === "string" ? clean(value) : null;
}

function messageOf(value: unknown, clean: (text: string) => string): string {
  return typeof value === "string" ? clean(value) : "";
}

function formatMessage(target: RequestTarget, reason: string, outcomeUnknown: boolean): string {
  const suffix = outcomeUnknown
    ? "; outcome unknown: the request may have been processed, check before retrying"
    : "";
  return `RealtimeKit ${target.method} ${target.path} failed: ${reason}${suffix}`;
}
