/**
 * Roster files: YAML, JSON and CSV read into the same entries; every problem reported at once, each with
 * the file's line number; entries remember their line for checks the Roster makes later.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  formatProblem,
  locationOf,
  readRosterFile,
  validateRosterEntries,
  type RosterEntry,
} from "../../provider/runtime/roster/file";

const fixture = (name: string): string => path.join(__dirname, "fixtures", "roster", name);
const messages = (file: string): string[] => readRosterFile(fixture(file)).problems.map(formatProblem);

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("reading a good roster file", () => {
  it("reads YAML entries with every field", () => {
    const { entries, problems } = readRosterFile(fixture("good.yaml"));
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        customParticipantId: "alice",
        presetName: "group_call_host",
        name: "Alice Example",
        picture: "https://example.com/alice.png",
      },
      { customParticipantId: "bob", presetName: "group_call_participant", name: "Bob Example" },
      { customParticipantId: "carol", name: "Carol Example", tokenRotation: 2 },
    ]);
  });

  it("accepts a YAML mapping that wraps the list in `participants:`", () => {
    const { entries, problems } = readRosterFile(fixture("good-wrapped.yml"));
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.customParticipantId)).toEqual(["alice", "bob"]);
  });

  it("reads JSON the same way as YAML", () => {
    const { entries, problems } = readRosterFile(fixture("good.json"));
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { customParticipantId: "alice", presetName: "group_call_host", name: "Alice Example" },
      { customParticipantId: "bob", presetName: "group_call_participant" },
      { customParticipantId: "carol", tokenRotation: "2026-q3" },
    ]);
  });

  it("reads CSV with a header row, comments, blank lines, quoted commas and empty cells as unset", () => {
    const { entries, problems } = readRosterFile(fixture("good.csv"));
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        customParticipantId: "alice",
        presetName: "group_call_host",
        name: "Alice Example",
        picture: "https://example.com/alice.png",
      },
      { customParticipantId: "bob", presetName: "group_call_participant", name: "Example, Bob" },
      { customParticipantId: "carol", name: "Carol Example" },
    ]);
  });

  it("remembers the line each entry starts on", () => {
    const lines = (file: string): (number | undefined)[] =>
      readRosterFile(fixture(file)).entries.map((e) => locationOf(e)?.line);
    expect(lines("good.yaml")).toEqual([2, 6, 9]);
    expect(lines("good.json")).toEqual([2, 3, 4]);
    expect(lines("good.csv")).toEqual([3, 5, 6]);
  });

  it("counts a quoted multi-line CSV cell from the line its record starts on", () => {
    const file = tempFile("multi.csv", 'customParticipantId,name\n\n# note\n"al\nice",Alice\nbob,Bob\n');
    const { entries } = readRosterFile(file);
    expect(entries.map((e) => [e.customParticipantId, locationOf(e)?.line])).toEqual([
      ["al\nice", 4],
      ["bob", 6],
    ]);
  });

  it("reads an empty file as an empty roster", () => {
    expect(readRosterFile(tempFile("empty.yaml", "# nobody yet\n"))).toEqual({ entries: [], problems: [] });
    expect(readRosterFile(tempFile("empty.csv", "customParticipantId,presetName\n"))).toEqual({
      entries: [],
      problems: [],
    });
  });

  it("leaves a missing preset to the roster, which may have a default", () => {
    expect(readRosterFile(fixture("no-preset.yaml")).problems).toEqual([]);
  });
});

describe("reading a bad roster file", () => {
  it("reports every YAML problem at once, in file order, with line numbers", () => {
    expect(messages("bad.yaml")).toEqual([
      'bad.yaml:5: unknown key "prest" (did you mean presetName? expected one of customParticipantId, presetName, name, picture, tokenRotation)',
      "bad.yaml:6: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
      'bad.yaml:8: duplicate customParticipantId "alice" (first declared at line 1)',
      // The line of the offending key, and the rejected URL described, never repeated.
      "bad.yaml:12: `picture` must be an absolute http(s) URL; got a string of 26 characters",
      "bad.yaml:13: `customParticipantId` must be a non-empty string without leading or trailing spaces (quote numeric ids); got a number",
    ]);
  });

  it("reports JSON problems with line numbers", () => {
    expect(messages("bad.json")).toEqual([
      'bad.json:3: duplicate customParticipantId "alice" (first declared at line 2)',
      'bad.json:4: unknown key "colour" (expected one of customParticipantId, presetName, name, picture, tokenRotation)',
      "bad.json:4: `customParticipantId` must be a non-empty string without leading or trailing spaces (quote numeric ids); got an empty string",
    ]);
  });

  it("reports unknown CSV columns on the header line and short rows on their own line", () => {
    expect(messages("bad.csv")).toEqual([
      'bad.csv:1: unknown column "role" (expected one of customParticipantId, presetName, name, picture, tokenRotation)',
      "bad.csv:3: expected 3 columns (customParticipantId,presetName,role), got 2",
      'bad.csv:4: duplicate customParticipantId "alice" (first declared at line 2)',
      "bad.csv:5: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
    ]);
  });

  it("reports a YAML syntax error with its line and nothing it cannot trust", () => {
    // Written at test time: a broken file in the tree would trip the repository's formatter.
    const file = tempFile(
      "broken.yaml",
      "- customParticipantId: alice\n  presetName: [group_call_host\n- customParticipantId: bob\n",
    );
    const { entries, problems } = readRosterFile(file);
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0])).toMatch(/^broken\.yaml:3: Flow sequence/);
  });

  it("reports a key repeated within one entry, and keeps checking the rest", () => {
    const file = tempFile(
      "repeat.yaml",
      "- customParticipantId: a\n  customParticipantId: b\n- presetName: x\n",
    );
    expect(readRosterFile(file).problems.map(formatProblem)).toEqual([
      "repeat.yaml:2: a key appears twice in the same entry",
      "repeat.yaml:3: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
    ]);
  });

  it("reports a malformed CSV record with its line", () => {
    const file = tempFile("quote.csv", 'customParticipantId,presetName\nalice,"host"x\n');
    expect(readRosterFile(file).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^quote\.csv:2: Invalid Closing Quote/),
    ]);
  });

  it("reports a root that is not a list, and unknown top-level keys", () => {
    expect(readRosterFile(tempFile("scalar.yaml", "alice\n")).problems.map(formatProblem)).toEqual([
      "scalar.yaml:1: expected a list of participants (or `participants:` with one)",
    ]);
    const file = tempFile("extra.yaml", "defaults: {}\nparticipants:\n  - customParticipantId: a\n");
    expect(readRosterFile(file).problems.map(formatProblem)).toEqual([
      'extra.yaml:1: unknown top-level key "defaults" (a roster file is a list of participants, or `participants:` with one)',
    ]);
  });

  it("reports an unsupported extension and a missing file without throwing", () => {
    expect(messages("roster.txt")).toEqual([
      expect.stringContaining("unsupported roster file type (expected .yaml, .yml, .json, .csv)"),
    ]);
    expect(messages("missing.yaml")).toEqual([expect.stringContaining("cannot read roster file (ENOENT)")]);
  });
});

describe("validating roster entries", () => {
  it("requires a preset on each entry unless the roster sets a default", () => {
    const entries: RosterEntry[] = [
      { customParticipantId: "a", presetName: "host" },
      { customParticipantId: "b" },
    ];
    expect(validateRosterEntries(entries, { requirePreset: true }).map(formatProblem)).toEqual([
      "participants[1]: `presetName` is required (set it on the entry, or set the roster's defaults.presetName)",
    ]);
    expect(
      validateRosterEntries(entries, { requirePreset: true, defaults: { presetName: "viewer" } }),
    ).toEqual([]);
  });

  it("points at the file line for entries read from a file", () => {
    const { entries } = readRosterFile(fixture("no-preset.yaml"));
    expect(validateRosterEntries(entries, { requirePreset: true }).map(formatProblem)).toEqual([
      "no-preset.yaml:3: `presetName` is required (set it on the entry, or set the roster's defaults.presetName)",
    ]);
  });

  it("names entries declared in code by their position", () => {
    const entries = [
      { customParticipantId: "a", presetName: "host", picture: "not a url" },
      { customParticipantId: "a", presetName: "host", role: "x" },
      { customParticipantId: " b", presetName: "", tokenRotation: true },
    ] as unknown as RosterEntry[];
    expect(validateRosterEntries(entries, { requirePreset: true }).map(formatProblem)).toEqual([
      "participants[0]: `picture` must be an absolute http(s) URL; got a string of 9 characters",
      "participants[1]: `role` is not a roster entry input; the inputs are: customParticipantId, presetName, name, picture, tokenRotation",
      'participants[1]: duplicate customParticipantId "a" (first declared at participants[0])',
      "participants[2]: `customParticipantId` must be a non-empty string without leading or trailing spaces (quote numeric ids); got a string of 2 characters",
      "participants[2]: `presetName` must be a non-empty string (leave it out instead); got an empty string",
      "participants[2]: `tokenRotation` must be a string or a number (change it to issue a new token); got a boolean",
      "participants[2]: `presetName` is required (set it on the entry, or set the roster's defaults.presetName)",
    ]);
  });
});
