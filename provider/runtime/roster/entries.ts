/**
 * Roster entries as the Roster uses them: their shape (from the one input description), where each came
 * from (file, entry line, and the line of each key), and their validation, which reports every problem at
 * once with the file and line of the offending key. Runs at program time, before any API call.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkInputs, quote, rosterEntry, type RosterDefaults, type RosterEntry } from "../inputs";
import { didYouMean } from "./suggest";

export type { RosterDefaults, RosterEntry } from "../inputs";

/** Where an entry (or one of its keys) came from, for error messages. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One thing wrong with a roster, with the file and line when the entry came from a file. */
export interface RosterProblem {
  location?: SourceLocation;
  message: string;
}

/** At most this many problems are listed in one error; the rest are counted ("and N more"). */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * Thrown before any API call when a roster (or roster file) is invalid; lists the problems. A `RunError`,
 * which a Node.js program's host prints as its message alone: the list reads as the plugin prints it, with
 * no stack trace, no "unhandled exception" wrapper and no dump of `problems`.
 */
export class RosterValidationError extends pulumi.RunError {
  readonly problems: readonly RosterProblem[];

  constructor(subject: string, problems: readonly RosterProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  - ${formatProblem(p)}`);
    if (problems.length > MAX_LISTED_PROBLEMS)
      listed.push(`  - and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    super(`${subject} is invalid (${count}):\n${listed.join("\n")}`);
    this.name = "RosterValidationError";
    this.problems = problems;
  }
}

/** The keys (and CSV columns) an entry may have, from the description; anything else is unknown. */
export const ROSTER_ENTRY_KEYS: readonly (keyof RosterEntry)[] = Object.keys(
  rosterEntry.properties,
) as (keyof RosterEntry)[];

/** Whether a key (or CSV column) is one an entry may have; never consults the prototype chain. */
export function isEntryKey(key: string): key is keyof RosterEntry {
  return (ROSTER_ENTRY_KEYS as readonly string[]).includes(key);
}

/**
 * `unknown key "prest" (did you mean presetName? expected one of …)`, the key escaped and shortened (it is
 * the file's text); the suggestion only when a known key is close (./suggest.ts).
 */
export function unknownKeyMessage(kind: "key" | "column", key: string): string {
  const suggestion = didYouMean(key, ROSTER_ENTRY_KEYS);
  return `unknown ${kind} ${shown(key)} (${suggestion}expected one of ${ROSTER_ENTRY_KEYS.join(", ")})`;
}

/** A string from the file as a message shows it: quoted, control characters escaped, at most 64 characters. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}...` : text);
}

interface EntrySource extends SourceLocation {
  /** The line of each key of the entry. */
  keys: Readonly<Record<string, number>>;
}

// Entries read from a file remember their lines here, so validation that happens later (in the Roster,
// once defaults are known) can still point at the file. A WeakMap keeps RosterEntry a plain object.
// Keyed by object: a program's entry may hold a Preset's `name` output, and is still the entry read.
const sources = new WeakMap<object, EntrySource>();

/** Records where an entry read from a file came from. */
export function recordSource(entry: RosterEntry, source: EntrySource): void {
  sources.set(entry, source);
}

/** The file and line an entry was read from, if it came from `readRosterFile`. */
export function locationOf(entry: object): SourceLocation | undefined {
  const source = sources.get(entry);
  return source ? { file: source.file, line: source.line } : undefined;
}

/** Options for `validateRosterEntries`. */
export interface ValidateOptions {
  /** Preset that fills entries without one. */
  defaults?: RosterDefaults;
  /** Report entries left without a preset (after defaults). The Roster sets this; file reading does not. */
  requirePreset: boolean;
}

const ENTRY = { name: "roster entry", inputs: rosterEntry };

/**
 * Checks entries against the roster-entry description (types, lengths, URLs, no unknown keys), plus what
 * only a whole roster can say: no duplicate ids, and a preset for each entry (its own or the default).
 */
export function validateRosterEntries(
  entries: readonly RosterEntry[],
  options: ValidateOptions,
): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const firstSeen = new Map<string, string>();
  entries.forEach((entry, index) => {
    const source = sources.get(entry);
    const at = (message: string, key?: string): void => {
      if (!source) {
        problems.push({ message: `participants[${index}]: ${message}` });
        return;
      }
      const line = key !== undefined && Object.hasOwn(source.keys, key) ? source.keys[key] : source.line;
      problems.push({ location: { file: source.file, line }, message });
    };
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      at("an entry must be an object with customParticipantId and presetName");
      return;
    }
    const { failures } = checkInputs(ENTRY, entry as unknown as Record<string, unknown>);
    for (const failure of failures) at(failure.reason, failure.property.split(/[.[]/)[0]);
    const id: unknown = entry.customParticipantId;
    if (typeof id === "string" && !failures.some((failure) => failure.property === "customParticipantId")) {
      const where = source ? `line ${source.line}` : `participants[${index}]`;
      const first = firstSeen.get(id);
      if (first !== undefined)
        at(`duplicate customParticipantId ${shown(id)} (first declared at ${first})`, "customParticipantId");
      else firstSeen.set(id, where);
    }
    if (options.requirePreset && isMissing(entry.presetName) && isMissing(options.defaults?.presetName)) {
      at(`${quote("presetName")} is required (set it on the entry, or set the roster's defaults.presetName)`);
    }
  });
  return problems;
}

/** Formats a problem as `file:line: message`, the way editors and CI logs link to it. */
export function formatProblem(problem: RosterProblem): string {
  const { location, message } = problem;
  return location ? `${location.file}:${location.line}: ${message}` : message;
}

/** Problems in file order (a stable sort: problems without a line keep their place at the front). */
export function sortByLine(problems: readonly RosterProblem[]): RosterProblem[] {
  return [...problems].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}
