/**
 * "Did you mean": an unknown roster key or CSV column is matched against the description's keys (never a
 * hand list) by edit distance, to the whole key or to a run of its camelCase words, without case or
 * separators; nothing is suggested when no key is close.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatProblem, readRosterFile, ROSTER_ENTRY_KEYS } from "../../provider/runtime/roster/file";
import { closestKey, editDistance } from "../../provider/runtime/roster/suggest";

describe("edit distance", () => {
  it.each([
    ["preset", "preset", 0],
    ["prest", "preset", 1],
    ["nmae", "name", 1], // a swapped pair is one slip
    ["colour", "color", 1],
    ["", "name", 4],
    ["kitten", "sitting", 3],
  ])("%j to %j is %d", (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits);
    expect(editDistance(b, a)).toBe(edits);
  });
});

describe("the key a typo meant", () => {
  it("takes its candidates from the roster-entry description", () => {
    expect(ROSTER_ENTRY_KEYS).toEqual([
      "customParticipantId",
      "presetName",
      "name",
      "picture",
      "tokenRotation",
    ]);
  });

  it.each([
    ["prest", "presetName"], // one edit from its first word
    ["preset", "presetName"],
    ["preset_name", "presetName"], // separators and case are not differences
    ["Preset Name", "presetName"],
    ["presetname", "presetName"],
    ["custom_participant_id", "customParticipantId"],
    ["participantId", "customParticipantId"],
    ["id", "customParticipantId"],
    ["nmae", "name"],
    ["nam", "name"], // the whole key `name` beats the word `Name` of presetName at the same distance
    ["Name", "name"],
    ["pictrue", "picture"],
    ["token_rotaton", "tokenRotation"],
    ["rotation", "tokenRotation"],
  ])("%j -> %s", (typed, key) => {
    expect(closestKey(typed, ROSTER_ENTRY_KEYS)).toBe(key);
  });

  it.each(["colour", "role", "email", "x", "", "_", "ids"])("%j -> nothing close", (typed) => {
    expect(closestKey(typed, ROSTER_ENTRY_KEYS)).toBeUndefined();
  });
});

describe("in a roster file's problems", () => {
  function problems(name: string, text: string): string[] {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "roster-suggest-")), name);
    fs.writeFileSync(file, text);
    return readRosterFile(file).problems.map(formatProblem);
  }
  const expected = "expected one of customParticipantId, presetName, name, picture, tokenRotation";

  it("suggests the key for a YAML typo, and none where nothing is close", () => {
    expect(problems("roster.yaml", "- customParticipantId: a\n  prest: host\n  colour: red\n")).toEqual([
      `roster.yaml:2: unknown key "prest" (did you mean presetName? ${expected})`,
      `roster.yaml:3: unknown key "colour" (${expected})`,
    ]);
  });

  it("suggests the column for a wrong CSV header", () => {
    expect(problems("roster.csv", "id,preset,name\na,host,A\n")).toEqual([
      `roster.csv:1: unknown column "id" (did you mean customParticipantId? ${expected})`,
      `roster.csv:1: unknown column "preset" (did you mean presetName? ${expected})`,
      "roster.csv:2: `customParticipantId` is required: a non-empty string without leading or trailing spaces (quote numeric ids)",
    ]);
  });
});
