/**
 * Path segments: every id goes into a URL through `encodeSegment`, and an empty, `.` or `..` id is refused
 * before any request, so that no input can address another endpoint than the one the caller meant.
 */

/** Whether `segment` may be used as one path segment. */
export function isValidSegment(segment: unknown): segment is string {
  return typeof segment === "string" && segment !== "" && segment !== "." && segment !== "..";
}

/** Percent-encodes one path segment (`/`, `?`, `#` and `%` included). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment);
}

/**
 * The path as messages and logs show it, relative to the app or account prefix (e.g.
 * `/meetings/{id}/participants`); invalid segments are shown as given, to point at them.
 */
export function displayPath(segments: readonly string[]): string {
  return segments
    .map((segment) => `/${isValidSegment(segment) ? encodeSegment(segment) : String(segment)}`)
    .join("");
}
