/**
 * Roster entries: their shape, reading them from YAML, JSON or CSV files, and validating them with the
 * file's line numbers. Everything here runs at program time, before any API call, and reports every
 * problem at once so one edit-and-rerun fixes a whole file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import * as YAML from "yaml";
import { isHttpUrl } from "./runtime/values";

/** One participant of a roster, keyed by `customParticipantId`. */
export interface RosterEntry {
  /** Your stable id for the participant (not PII); the roster's key, and the child resource's name. */
  customParticipantId: string;
  /** Preset to join with; falls back to the roster's `defaults.presetName`. */
  presetName?: string;
  /** Display name. */
  name?: string;
  /** Absolute http(s) URL of the participant's picture. */
  picture?: string;
  /** Change to rotate this participant's token in place (any string or number, like a keeper). */
  tokenRotation?: string | number;
}

/** Values applied to every entry that does not set its own. */
export interface RosterDefaults {
  /** Preset for entries without a `presetName`. */
  presetName?: string;
}

/** Where an entry came from, for error messages. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One thing wrong with a roster, with the file and line when the entry came from a file. */
export interface RosterProblem {
  location?: SourceLocation;
  message: string;
}

/** Thrown before any API call when a roster (or roster file) is invalid; lists every problem. */
export class RosterValidationError extends Error {
  readonly problems: readonly RosterProblem[];

  constructor(subject: string, problems: readonly RosterProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${subject} is invalid (${count}):\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "RosterValidationError";
    this.problems = problems;
  }
}

/** The keys (and CSV columns) an entry may have; anything else is reported as unknown. */
export const ROSTER_ENTRY_KEYS: readonly (keyof RosterEntry)[] = [
  "customParticipantId",
  "presetName",
  "name",
  "picture",
  "tokenRotation",
];

/** The file formats `readRosterFile` understands, by extension. */
export const ROSTER_FILE_EXTENSIONS: Readonly<Record<string, "yaml" | "json" | "csv">> = {
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".csv": "csv",
};

// Entries read from a file remember their line here, so validation that happens later (in the Roster,
// once defaults are known) can still point at the file. A WeakMap keeps RosterEntry a plain object.
const entryLocations = new WeakMap<RosterEntry, SourceLocation>();

/** The file and line an entry was read from, if it came from `readRosterFile`. */
export function locationOf(entry: RosterEntry): SourceLocation | undefined {
  return entryLocations.get(entry);
}

/** What reading a roster file produced: the entries that could be read, and every problem found. */
export interface RosterFileContents {
  entries: RosterEntry[];
  problems: RosterProblem[];
}

/**
 * Reads a roster file (`.yaml`/`.yml`, `.json` or `.csv`) without throwing: syntax errors, unknown keys
 * or columns, wrong types, bad URLs and duplicate ids all come back as problems with line numbers.
 * Missing presets are not checked here, because the roster's defaults may fill them.
 */
export function readRosterFile(filePath: string): RosterFileContents {
  const contents = parseRosterFile(filePath);
  contents.problems.push(...validateRosterEntries(contents.entries, { requirePreset: false }));
  return { entries: contents.entries, problems: sortByLine(contents.problems) };
}

/**
 * Parses a roster file into entries, reporting only what is wrong with the file as such (unreadable,
 * syntax, unknown keys or columns, rows of the wrong length). Entry values are checked by
 * {@link validateRosterEntries}; {@link readRosterFile} does both.
 */
export function parseRosterFile(filePath: string): RosterFileContents {
  const file = path.basename(filePath);
  const format = ROSTER_FILE_EXTENSIONS[path.extname(filePath).toLowerCase()];
  if (!format) {
    const known = Object.keys(ROSTER_FILE_EXTENSIONS).join(", ");
    return {
      entries: [],
      problems: [{ message: `${filePath}: unsupported roster file type (expected ${known})` }],
    };
  }
  let text: string;
  try {
    text = fs.readFileSync(filePath, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return { entries: [], problems: [{ message: `${filePath}: cannot read roster file (${reason})` }] };
  }
  return format === "csv" ? readCsv(file, text) : readYamlOrJson(file, text);
}

/** Options for `validateRosterEntries`. */
export interface ValidateOptions {
  /** Preset that fills entries without one. */
  defaults?: RosterDefaults;
  /** Report entries left without a preset (after defaults). The Roster sets this; file reading does not. */
  requirePreset: boolean;
}

/**
 * Checks entries as the Roster uses them: non-empty string ids, no duplicate ids, a preset for each entry
 * (its own or the default), absolute http(s) pictures, no unknown keys. Returns every problem found.
 */
export function validateRosterEntries(
  entries: readonly RosterEntry[],
  options: ValidateOptions,
): RosterProblem[] {
  const problems: RosterProblem[] = [];
  const firstSeen = new Map<string, string>();
  entries.forEach((entry, index) => {
    const location = locationOf(entry);
    const at = (message: string): void => {
      problems.push({ location, message: location ? message : `participants[${index}]: ${message}` });
    };
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      at("an entry must be an object with customParticipantId and presetName");
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!(ROSTER_ENTRY_KEYS as readonly string[]).includes(key)) at(unknownKeyMessage("key", key));
    }
    const id: unknown = entry.customParticipantId;
    if (id === undefined || id === null || id === "") {
      at("customParticipantId is required (a non-empty string)");
    } else if (typeof id !== "string") {
      at(`customParticipantId must be a string, got ${describe(id)} (quote numeric ids)`);
    } else if (id.trim() !== id) {
      at(`customParticipantId "${id}" must not start or end with spaces`);
    } else {
      const where = location ? `line ${location.line}` : `participants[${index}]`;
      const first = firstSeen.get(id);
      if (first !== undefined) at(`duplicate customParticipantId "${id}" (first declared at ${first})`);
      else firstSeen.set(id, where);
    }
    checkOptionalString(entry.presetName, "presetName", at);
    if (options.requirePreset && isMissing(entry.presetName) && isMissing(options.defaults?.presetName)) {
      at("presetName is required (set it on the entry, or set the roster's defaults.presetName)");
    }
    checkOptionalString(entry.name, "name", at);
    if (checkOptionalString(entry.picture, "picture", at) && !isHttpUrl(entry.picture)) {
      at(`picture must be an absolute http(s) URL, got "${entry.picture}"`);
    }
    const rotation: unknown = entry.tokenRotation;
    if (rotation !== undefined && typeof rotation !== "string" && typeof rotation !== "number") {
      at(`tokenRotation must be a string or a number, got ${describe(rotation)}`);
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

function readYamlOrJson(file: string, text: string): RosterFileContents {
  const lineCounter = new YAML.LineCounter();
  // JSON is YAML 1.2, so one parser gives both formats line numbers.
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const problems: RosterProblem[] = doc.errors.map((e) => ({
    location: { file, line: lineAt(e.pos[0]) },
    message: e.code === "DUPLICATE_KEY" ? "a key appears twice in the same entry" : e.message,
  }));
  // A repeated key still leaves a usable document, so keep going and report the rest too; after a real
  // syntax error the tree is guesswork, so stop there.
  if (doc.errors.some((e) => e.code !== "DUPLICATE_KEY")) return { entries: [], problems };
  let list: unknown = doc.contents;
  if (YAML.isMap(list)) {
    // A mapping root may only wrap the list: `participants: [...]`.
    let wrapped: unknown = null;
    for (const pair of list.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === "participants") wrapped = pair.value;
      else
        problems.push({ location: { file, line: lineOf(pair.key, lineAt) }, message: unknownRootKey(key) });
    }
    list = wrapped;
  }
  if (list === null || (YAML.isScalar(list) && list.value === null)) return { entries: [], problems };
  if (!YAML.isSeq(list)) {
    const line = lineOf(list, lineAt);
    problems.push({
      location: { file, line },
      message: "expected a list of participants (or `participants:` with one)",
    });
    return { entries: [], problems };
  }
  const entries: RosterEntry[] = [];
  for (const item of list.items) {
    const line = lineOf(item, lineAt);
    if (!YAML.isMap(item)) {
      problems.push({
        location: { file, line },
        message: "an entry must be a mapping with customParticipantId and presetName",
      });
      continue;
    }
    const entry: Record<string, unknown> = {};
    for (const pair of item.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyLine = lineOf(pair.key, lineAt);
      if (!(ROSTER_ENTRY_KEYS as readonly string[]).includes(key)) {
        problems.push({ location: { file, line: keyLine }, message: unknownKeyMessage("key", key) });
        continue;
      }
      const value = YAML.isNode(pair.value) ? pair.value.toJSON() : pair.value;
      // `key:` with no value means "not set", as in the CSV format's empty cell.
      if (value !== null && value !== undefined) entry[key] = value;
    }
    const rosterEntry = entry as unknown as RosterEntry;
    entryLocations.set(rosterEntry, { file, line });
    entries.push(rosterEntry);
  }
  return { entries, problems };
}

function readCsv(file: string, text: string): RosterFileContents {
  let rows: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    rows = parseCsv(text, {
      info: true,
      raw: true,
      trim: true,
      comment: "#",
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof rows;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const message = err instanceof Error ? err.message.replace(/ (at|on) line \d+.*$/, "") : String(err);
    return { entries: [], problems: [{ location: line ? { file, line } : undefined, message }] };
  }
  if (rows.length === 0) return { entries: [], problems: [] };
  const problems: RosterProblem[] = [];
  const [header, ...records] = rows;
  const headerLine = startLine(header);
  const columns = header.record;
  columns.forEach((column, index) => {
    if (!(ROSTER_ENTRY_KEYS as readonly string[]).includes(column)) {
      problems.push({ location: { file, line: headerLine }, message: unknownKeyMessage("column", column) });
    } else if (columns.indexOf(column) !== index) {
      problems.push({ location: { file, line: headerLine }, message: `column ${column} appears twice` });
    }
  });
  const entries: RosterEntry[] = [];
  for (const row of records) {
    const line = startLine(row);
    if (row.record.length !== columns.length) {
      const message = `expected ${columns.length} columns (${columns.join(",")}), got ${row.record.length}`;
      problems.push({ location: { file, line }, message });
    }
    const entry: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const cell = row.record[index];
      // Unknown columns are reported once, on the header; an empty cell means "not set".
      if ((ROSTER_ENTRY_KEYS as readonly string[]).includes(column) && cell !== undefined && cell !== "") {
        entry[column] = cell;
      }
    });
    const rosterEntry = entry as unknown as RosterEntry;
    entryLocations.set(rosterEntry, { file, line });
    entries.push(rosterEntry);
  }
  return { entries, problems };
}

/**
 * The line a CSV record starts on. csv-parse reports the line it ends on, and its raw text includes the
 * comment and blank lines skipped before it, so count back over the record's own line breaks.
 */
function startLine(row: { info: { lines: number }; raw: string }): number {
  const lines = row.raw.replace(/\r?\n$/, "").split(/\r?\n/);
  while (lines.length > 1 && (lines[0].trim() === "" || lines[0].trimStart().startsWith("#"))) lines.shift();
  return row.info.lines - (lines.length - 1);
}

function lineOf(node: unknown, lineAt: (offset: number) => number): number {
  const range = YAML.isNode(node) ? node.range : undefined;
  return range ? lineAt(range[0]) : 1;
}

function checkOptionalString(value: unknown, key: string, at: (message: string) => void): boolean {
  if (value === undefined) return false;
  if (typeof value !== "string") {
    at(`${key} must be a string, got ${describe(value)}`);
    return false;
  }
  if (value === "") {
    at(`${key} must not be empty (leave it out instead)`);
    return false;
  }
  return true;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function unknownKeyMessage(kind: "key" | "column", key: string): string {
  return `unknown ${kind} "${key}" (expected one of ${ROSTER_ENTRY_KEYS.join(", ")})`;
}

function unknownRootKey(key: string): string {
  return `unknown top-level key "${key}" (a roster file is a list of participants, or \`participants:\` with one)`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
