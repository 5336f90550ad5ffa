/**
 * Injected faults: their validation, the table consulted by every API request, and the path patterns that
 * select requests. A pattern is a substring or a glob of whole path segments, never a user regex, so no
 * fault a test (or a page that reached the control surface) injects can make matching hang.
 */
import { splitPath } from "./http";
import type { FaultSpec } from "./types";

const FAULT_KINDS: readonly FaultSpec["kind"][] = ["status", "latency", "drop", "persist-then-500"];
/** Longer patterns are refused: a path pattern names a route, not a document. */
const MAX_PATH_PATTERN = 256;
/**
 * The most faults in force at once: every API request walks the table, so an unbounded one (a loop gone
 * wrong, a page that reached the control surface) would slow every request and grow without end.
 */
export const MAX_FAULTS = 1000;

/** Returns what is wrong with a fault spec, or null when it can be injected. */
export function checkFault(fault: FaultSpec): string | null {
  if (!FAULT_KINDS.includes(fault.kind)) return `kind must be one of ${FAULT_KINDS.join(", ")}`;
  if (fault.method !== undefined && typeof fault.method !== "string") return "method must be a string";
  if (fault.path !== undefined) {
    const problem = checkPathPattern(fault.path);
    if (problem !== null) return problem;
  }
  if (
    fault.retryAfterSeconds !== undefined &&
    !(typeof fault.retryAfterSeconds === "number" && fault.retryAfterSeconds >= 0)
  ) {
    return "retryAfterSeconds must be a non-negative number";
  }
  if (fault.kind === "status" && !isErrorStatus(fault.status)) {
    // A 1xx is not a final answer (the client would wait for one that never comes), and a 2xx or 3xx is not
    // a fault.
    return "status must be an HTTP error status 400..599";
  }
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
  return null;
}

function isErrorStatus(status: number | undefined): boolean {
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status <= 599;
}

function checkPathPattern(pattern: unknown): string | null {
  if (typeof pattern !== "string") return "path must be a string";
  if (pattern.length > MAX_PATH_PATTERN) return `path must be at most ${MAX_PATH_PATTERN} characters`;
  if (!pattern.includes("*")) return null;
  const stray = splitPath(pattern).find(
    (segment) => segment.includes("*") && segment !== "*" && segment !== "**",
  );
  return stray === undefined
    ? null
    : `path: a * must be a whole segment (* is one segment, ** any number), not ${JSON.stringify(stray)}`;
}

/**
 * The matcher of a checked pattern. Without `*` it is a substring of the path (after `/client/v4`, query
 * excluded). With `*` it is a glob over the whole path: `*` matches exactly one segment, `**` any number
 * (none included), e.g. `/**\/participants/*` matches one participant's path but not the list or a token.
 */
function pathMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.includes("*")) return (path) => path.includes(pattern);
  const wanted = splitPath(pattern);
  return (path) => globMatches(wanted, splitPath(path));
}

/**
 * Wildcard matching with one remembered `**`, backtracking only to it: at most segments x pattern steps,
 * whatever the input.
 */
function globMatches(pattern: readonly string[], segments: readonly string[]): boolean {
  let p = 0;
  let s = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (s < segments.length) {
    if (p < pattern.length && pattern[p] === "**") {
      starAt = p++;
      resumeAt = s;
    } else if (p < pattern.length && (pattern[p] === "*" || pattern[p] === segments[s])) {
      p++;
      s++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      s = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "**") p++;
  return p === pattern.length;
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
    if (this.faults.length >= MAX_FAULTS) {
      throw new Error(`Invalid fault: ${MAX_FAULTS} faults are in force already (clear them first)`);
    }
    this.faults.push({
      spec: { ...spec },
      matchesPath: pathMatcher(spec.path ?? ""),
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
