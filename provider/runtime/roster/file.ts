/**
 * Reading roster files (YAML, JSON or CSV) into entries, with the line of every entry and key. A file is
 * never silently changed on the way in: `#` starts a CSV comment only at the start of a line, a byte-order
 * mark is accepted in every format, YAML aliases resolve (once each, see yaml-aliases.ts), a YAML null spelt
 * other than empty or `null` (`~`, `Null`, `NULL`) is an error asking to quote the value, invalid UTF-8 is an
 * error with its line, and a path that is not a regular file, a symbolic link to a file that is not a roster
 * file, or a file over {@link MAX_ROSTER_FILE_BYTES}, fails at once. Any line ending (LF, CRLF, a lone CR)
 * counts one line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import * as YAML from "yaml";
import { resolveAliasesOnce, shallowValue } from "./yaml-aliases";
import {
  isEntryKey,
  recordSource,
  shown,
  sortByLine,
  unknownKeyMessage,
  validateRosterEntries,
  type RosterEntry,
  type RosterProblem,
} from "./entries";

export {
  MAX_LISTED_PROBLEMS,
  ROSTER_ENTRY_KEYS,
  RosterValidationError,
  formatProblem,
  locationOf,
  sortByLine,
  validateRosterEntries,
  type RosterDefaults,
  type RosterEntry,
  type RosterProblem,
  type SourceLocation,
  type ValidateOptions,
} from "./entries";

/** The largest roster file read: 10 MiB, about 100,000 entries, far beyond any real meeting. */
export const MAX_ROSTER_FILE_BYTES = 10 * 1024 * 1024;

/** The file formats `readRosterFile` understands, by extension. */
export const ROSTER_FILE_EXTENSIONS: Readonly<Record<string, "yaml" | "json" | "csv">> = {
  ".yaml": "yaml",
  ".yml": "yaml",
  ".json": "json",
  ".csv": "csv",
};

/** What reading a roster file produced: the entries that could be read, and every problem found. */
export interface RosterFileContents {
  entries: RosterEntry[];
  problems: RosterProblem[];
}

/**
 * Reads a roster file (`.yaml`/`.yml`, `.json` or `.csv`) without throwing: unreadable files, syntax errors,
 * unknown keys or columns, wrong types, bad URLs and duplicate ids all come back as problems with line
 * numbers. Missing presets are not checked here, because the roster's defaults may fill them.
 */
export function readRosterFile(filePath: string): RosterFileContents {
  const contents = parseRosterFile(filePath);
  const problems = contents.problems.concat(
    validateRosterEntries(contents.entries, { requirePreset: false }),
  );
  return { entries: contents.entries, problems: sortByLine(problems) };
}

/**
 * Parses a roster file into entries, reporting only what is wrong with the file as such (unreadable, too
 * large, not UTF-8, syntax, unknown keys or columns, rows of the wrong length). Entry values are checked by
 * `validateRosterEntries`; {@link readRosterFile} does both.
 */
export function parseRosterFile(filePath: string): RosterFileContents {
  const file = path.basename(filePath);
  const format = Object.hasOwn(ROSTER_FILE_EXTENSIONS, path.extname(filePath).toLowerCase())
    ? ROSTER_FILE_EXTENSIONS[path.extname(filePath).toLowerCase()]
    : undefined;
  const fail = (message: string, line?: number): RosterFileContents => ({
    entries: [],
    problems: [
      {
        location: line === undefined ? undefined : { file, line },
        message: line === undefined ? `${filePath}: ${message}` : message,
      },
    ],
  });
  if (!format) {
    return fail(`unsupported roster file type (expected ${Object.keys(ROSTER_FILE_EXTENSIONS).join(", ")})`);
  }
  const read = readLimited(filePath, format);
  if (typeof read === "string") return fail(read);
  const decoded = decodeUtf8(read);
  if (typeof decoded === "number") return fail("is not valid UTF-8 text (save the file as UTF-8)", decoded);
  // A byte-order mark is how some editors mark UTF-8; it is not part of the first key or column name. Old
  // Mac files end lines with a lone CR: as one line ending, every problem keeps its own line number.
  const text = (decoded.startsWith("\uFEFF") ? decoded.slice(1) : decoded).replace(/\r\n?/g, "\n");
  return format === "csv" ? readCsv(file, text) : readYamlOrJson(file, text);
}

/**
 * Why a symbolic link is refused: its target must be a roster file of the same format too, so a link named
 * `roster.yaml` to some other file (`/etc/passwd`, a key) is never parsed, and nothing of it is echoed.
 * Throws what `fs` throws; the caller reports it.
 */
function linkTargetProblem(filePath: string, format: string): string | undefined {
  if (!fs.lstatSync(filePath).isSymbolicLink()) return undefined;
  const extension = path.extname(fs.realpathSync(filePath)).toLowerCase();
  if (Object.hasOwn(ROSTER_FILE_EXTENSIONS, extension) && ROSTER_FILE_EXTENSIONS[extension] === format) {
    return undefined;
  }
  return `is a symbolic link to a file that is not a ${format} roster file; link to the roster file itself`;
}

/** The file's bytes, or why they cannot be read: only a regular file up to the size limit is opened. */
function readLimited(filePath: string, format: string): Buffer | string {
  let fd: number | undefined;
  try {
    // Checked before opening: opening a FIFO would block, and a device such as /dev/zero never ends.
    const before = fs.statSync(filePath);
    if (!before.isFile())
      return `is not a regular file (a roster file must be a ${kindOf(before)}'s contents, not the ${kindOf(before)} itself)`;
    const linked = linkTargetProblem(filePath, format);
    if (linked !== undefined) return linked;
    fd = fs.openSync(filePath, "r");
    const size = fs.fstatSync(fd).size;
    if (size > MAX_ROSTER_FILE_BYTES) return tooLarge(size);
    // Read one byte past the limit, so a file that grew since the stat is caught too.
    const buffer = Buffer.alloc(Math.min(size, MAX_ROSTER_FILE_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_ROSTER_FILE_BYTES) return tooLarge(length);
    return buffer.subarray(0, length);
  } catch (err) {
    return `cannot read roster file (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function kindOf(stats: fs.Stats): string {
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "pipe";
  if (stats.isSocket()) return "socket";
  return "device";
}

function tooLarge(bytes: number): string {
  return `is ${bytes} bytes, larger than the ${MAX_ROSTER_FILE_BYTES}-byte limit of a roster file`;
}

/** The text, or the line of the first byte that is not UTF-8 (never replaced with U+FFFD). */
function decodeUtf8(bytes: Buffer): string | number {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index++) {
      if (index < bytes.length && bytes[index] !== 0x0a) continue;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line += 1;
      start = index + 1;
    }
    return line;
  }
}

function readYamlOrJson(file: string, text: string): RosterFileContents {
  const lineCounter = new YAML.LineCounter();
  // JSON is YAML 1.2, so one parser gives both formats line numbers.
  const doc = YAML.parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  const lineOf = (node: unknown): number => (YAML.isNode(node) && node.range ? lineAt(node.range[0]) : 1);
  const problems: RosterProblem[] = doc.errors.map((e) => ({
    location: { file, line: lineAt(e.pos[0]) },
    message: e.code === "DUPLICATE_KEY" ? "a key appears twice in the same entry" : e.message,
  }));
  const at = (node: unknown, message: string): void => {
    problems.push({ location: { file, line: lineOf(node) }, message });
  };
  // A repeated key still leaves a usable document, so keep going and report the rest too; after a real
  // syntax error the tree is guesswork, so stop there.
  if (doc.errors.some((e) => e.code !== "DUPLICATE_KEY")) return { entries: [], problems };
  const resolve = resolveAliasesOnce(doc);
  for (const alias of resolve.unresolved) {
    at(alias, `alias ${shown(`*${alias.source}`)} has no anchor ${shown(`&${alias.source}`)} before it`);
  }
  let list = resolve(doc.contents);
  if (YAML.isMap(list)) {
    // A mapping root may only wrap the list: `participants: [...]`.
    let wrapped: unknown = null;
    for (const pair of list.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === "participants") wrapped = resolve(pair.value);
      else
        at(
          pair.key,
          `unknown top-level key ${shown(key)} (a roster file is a list of participants, or \`participants:\` with one)`,
        );
    }
    list = wrapped;
  }
  if (list === null || (YAML.isScalar(list) && list.value === null)) return { entries: [], problems };
  if (!YAML.isSeq(list)) {
    at(list, "expected a list of participants (or `participants:` with one)");
    return { entries: [], problems };
  }
  const entries: RosterEntry[] = [];
  for (const listed of list.items) {
    const item = resolve(listed);
    if (!YAML.isMap(item)) {
      at(listed, "an entry must be a mapping with customParticipantId and presetName");
      continue;
    }
    const entry: Record<string, unknown> = {};
    const keys: Record<string, number> = {};
    for (const pair of item.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!isEntryKey(key)) {
        at(pair.key, unknownKeyMessage("key", key));
        continue;
      }
      keys[key] = lineOf(pair.key);
      const shallow = shallowValue(resolve(pair.value), doc);
      if (shallow.spelledNull !== undefined) {
        at(
          pair.value,
          `${key}: ${shown(shallow.spelledNull)} is YAML for "no value"; quote the value if it is the text, or leave it empty to unset ${key}`,
        );
        continue;
      }
      const value = shallow.value;
      if (
        YAML.isScalar(pair.value) &&
        pair.value.type === "PLAIN" &&
        /^[^\s]/.test(pair.value.comment ?? " ")
      ) {
        // `name: Team #1 lead` is "Team" plus a comment in YAML; a comment nobody meant is data lost.
        at(
          pair.value,
          `${key}: "#" after a space starts a YAML comment, so the value would be cut to ${shown(String(value))}; quote the value, or put a space after "#" if it is a comment`,
        );
      }
      // `key:` with no value means "not set", as in the CSV format's empty cell.
      if (value !== null && value !== undefined) entry[key] = value;
    }
    const rosterEntry = entry as unknown as RosterEntry;
    recordSource(rosterEntry, { file, line: lineOf(listed), keys });
    entries.push(rosterEntry);
  }
  return { entries, problems };
}

interface CsvRow {
  record: string[];
  raw: string;
}

function readCsv(file: string, crlfText: string): RosterFileContents {
  // One line ending, so csv-parse never mistakes a CR for a record delimiter (which shifts line numbers).
  const text = crlfText.replace(/\r\n/g, "\n");
  let rows: CsvRow[];
  try {
    rows = parseCsv(text, {
      raw: true,
      trim: true,
      comment: "#",
      // `Team #1 lead` and `https://example.com/a.png#v2` are data: only a line starting with # is a comment.
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as CsvRow[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const message = err instanceof Error ? err.message.replace(/ (at|on) line \d+.*$/, "") : String(err);
    return { entries: [], problems: [{ location: line ? { file, line } : undefined, message }] };
  }
  if (rows.length === 0) return { entries: [], problems: [] };
  const problems: RosterProblem[] = [];
  const lines = startLines(rows);
  const [header, ...records] = rows;
  const columns = header.record;
  columns.forEach((column, index) => {
    if (!isEntryKey(column))
      problems.push({ location: { file, line: lines[0] }, message: unknownKeyMessage("column", column) });
    else if (columns.indexOf(column) !== index) {
      problems.push({ location: { file, line: lines[0] }, message: `column ${column} appears twice` });
    }
  });
  const entries: RosterEntry[] = [];
  records.forEach((row, index) => {
    const line = lines[index + 1];
    if (row.record.length !== columns.length) {
      const message = `expected ${columns.length} columns (${columns.join(",")}), got ${row.record.length}`;
      problems.push({ location: { file, line }, message });
    }
    const entry: Record<string, unknown> = {};
    const keys: Record<string, number> = {};
    columns.forEach((column, position) => {
      const cell = row.record[position];
      // Unknown columns are reported once, on the header; an empty cell means "not set".
      if (isEntryKey(column) && cell !== undefined && cell !== "") {
        entry[column] = cell;
        keys[column] = line;
      }
    });
    const rosterEntry = entry as unknown as RosterEntry;
    recordSource(rosterEntry, { file, line, keys });
    entries.push(rosterEntry);
  });
  return { entries, problems };
}

/**
 * The line each CSV record starts on. Each record's raw text starts right after the previous one and
 * includes the comment and blank lines skipped before it, so the offsets add up and the skipped lines
 * are counted over.
 */
function startLines(rows: readonly CsvRow[]): number[] {
  let line = 1;
  return rows.map((row) => {
    const rawLines = row.raw.split("\n");
    let skipped = 0;
    while (
      skipped < rawLines.length - 1 &&
      (rawLines[skipped].trim() === "" || rawLines[skipped].trimStart().startsWith("#"))
    )
      skipped++;
    const start = line + skipped;
    line += rawLines.length - 1;
    return start;
  });
}
