/** The Meeting's `diff`, pure (no network): which tracked inputs changed. */
import { containsUnknown, isRecord } from "../values";
import { TRACKED_FIELDS, type MeetingInputs } from "./fields";

/** Deep equality over JSON-like values; `undefined` object members count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
  return true;
}

/**
 * The tracked inputs whose new value differs from the old one. An input the program no longer sets is not
 * a change: the meeting keeps its current value (the API cannot unset fields), and the field is simply no
 * longer managed. For `accountId` and `appId` the old value is the one resolved at create time, and leaving
 * them out means "wherever the meeting already is" (diff cannot see config, and must not guess).
 */
export function changedMeetingFields(
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): (keyof MeetingInputs)[] {
  return TRACKED_FIELDS.filter((key) => {
    const next = news[key];
    return next !== undefined && (containsUnknown(next) || !deepEqual(next, olds[key]));
  });
}
