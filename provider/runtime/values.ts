/**
 * Small value helpers shared by the provider runtime and the program-side roster code: the engine's unknown
 * sentinel, shape tests for the plain JSON values the engine hands over, one string order, the one URL
 * rule, and how a check failure describes a rejected value without repeating it. No dependencies (but the
 * equally bare sdk/values.ts), so the program side can import it without loading the runtime.
 */
import { isRecord } from "../../sdk/values";

export { isRecord };

/** What the engine sends in place of a value that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Whether a value is, or contains, a value the engine does not know yet. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isRecord(value)) return Object.values(value).some(containsUnknown);
  return false;
}

/** Code-unit order of strings, independent of the locale (so sorted output is the same on every machine). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The one URL rule of the package: an absolute URL with a host, whose scheme is one of `protocols`
 * (default `http:` and `https:`, the only schemes the API accepts for pictures, watermarks and RTMP URLs).
 */
export function isHttpUrl(
  value: unknown,
  protocols: readonly string[] = ["http:", "https:"],
): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Whether an absolute URL's host is a loopback name or address (`localhost`, `127.x.x.x`, `[::1]`). */
export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}

/**
 * How much of a rejected value a check failure may show. Inputs reach `check` unwrapped, secrets included,
 * so by default only the value's shape is shown:
 * - `"nothing"`: the type alone (credentials, URLs that embed a key);
 * - `"shape"`: the type, and the length of a string or list (free text, ids, URLs);
 * - `"enum"`: like shape, but a string shows its first few characters (fields whose values are fixed names);
 * - `"number"`: like shape, but a number shows itself (numeric settings, where the range is the problem).
 */
export type Disclosure = "nothing" | "shape" | "enum" | "number";

/** Characters of a string an `"enum"` disclosure shows. */
const ENUM_PREFIX_LENGTH = 12;

/** Describes a rejected value for a check failure (`got <this>`), showing no more than `disclosure` allows. */
export function describeValue(value: unknown, disclosure: Disclosure = "shape"): string {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    return disclosure === "nothing" ? "a list" : `a list of ${count(value.length, "item")}`;
  }
  switch (typeof value) {
    case "string":
      if (disclosure === "nothing") return "a string";
      if (value === "") return "an empty string";
      if (disclosure === "enum") {
        if (value.length <= ENUM_PREFIX_LENGTH) return JSON.stringify(value);
        return `${JSON.stringify(`${value.slice(0, ENUM_PREFIX_LENGTH)}...`)} (${count(value.length, "character")})`;
      }
      return `${value.trim() === "" ? "a blank string" : "a string"} of ${count(value.length, "character")}`;
    case "number":
      // NaN and Infinity say nothing secret, and "a number" would not explain the rejection.
      return disclosure === "number" || !Number.isFinite(value) ? String(value) : "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
