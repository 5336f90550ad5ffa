/** Value helpers shared by the SDK and the provider runtime (which builds on the SDK, never the reverse). */

/** A JSON object: not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The record without its undefined entries (absent and undefined mean the same on the wire and in state). */
export function dropUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
