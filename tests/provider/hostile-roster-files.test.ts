/**
 * The hostile-input catalogue for roster files, continued from tests/provider/hostile-inputs.test.ts: YAML
 * alias bombs and unresolved aliases, YAML nulls spelt as text, lone-CR line endings and symbolic links to
 * other files. Each is a problem with its file and line (or the path), never a silent change, a raw
 * exception or an echo of a file that is not a roster.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { formatProblem, readRosterFile } from "../../provider/runtime/roster/file";

describe("roster files", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-roster-files-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const problems = (file: string): string[] => readRosterFile(file).problems.map(formatProblem);

  it("reports an alias bomb in an entry value at its line, expanding nothing", () => {
    const levels = ["- &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, previous] of [..."bcdefghi"].map((c, i) => [c, "abcdefghi"[i]]))
      levels.push(`- &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    const file = write(
      "laughs.yaml",
      `participants:\n  - customParticipantId: a\n    presetName: host\n    name: &n [1]\n` +
        `  - customParticipantId: b\n    presetName: host\n    name: *n\n` +
        `anchors:\n${levels.map((line) => `  ${line}`).join("\n")}\n`,
    );
    const laughs = write(
      "laughs-list.yaml",
      `${levels.join("\n")}\n- customParticipantId: c\n  presetName: host\n  name: *i\n`,
    );
    expect(problems(file)).toEqual([
      "laughs.yaml:4: `name` must be a non-empty string (leave it out instead); got a list of 1 item",
      "laughs.yaml:7: `name` must be a non-empty string (leave it out instead); got a list of 1 item",
      expect.stringMatching(/^laughs\.yaml:8: unknown top-level key "anchors"/),
    ]);
    expect(problems(laughs).at(-1)).toBe(
      "laughs-list.yaml:12: `name` must be a non-empty string (leave it out instead); got a list of 9 items",
    );
  });

  it("reports an alias with no anchor before it at its line", () => {
    const file = write("nope.yaml", "- customParticipantId: a\n  presetName: *nope\n");
    expect(problems(file)).toEqual(['nope.yaml:2: alias "*nope" has no anchor "&nope" before it']);
  });

  it.each(["~", "Null", "NULL"])("asks to quote %s in a string field instead of unsetting it", (spelled) => {
    const file = write(
      "null.yaml",
      `- customParticipantId: a\n  presetName: ${spelled}\n  name: ${spelled}\n`,
    );
    const message = (key: string) =>
      `${JSON.stringify(spelled)} is YAML for "no value"; quote the value if it is the text, or leave it empty to unset ${key}`;
    expect(problems(file)).toEqual([
      `null.yaml:2: presetName: ${message("presetName")}`,
      `null.yaml:3: name: ${message("name")}`,
    ]);
    // Empty and `null` (JSON's spelling) still unset a field, and a quoted "~" is text.
    const unset = write(
      "unset.yaml",
      '- customParticipantId: a\n  presetName:\n  name: null\n  picture: \n- customParticipantId: "~"\n',
    );
    expect(readRosterFile(unset)).toEqual({
      entries: [{ customParticipantId: "a" }, { customParticipantId: "~" }],
      problems: [],
    });
  });

  it("reports problems of a file with lone-CR line endings at their own lines", () => {
    const file = write("cr.csv", "customParticipantId,picture\ra,ftp://x\rb,\rb,\r");
    expect(problems(file)).toEqual([
      expect.stringMatching(/^cr\.csv:2: `picture`/),
      'cr.csv:4: duplicate customParticipantId "b" (first declared at line 3)',
    ]);
    const yamlFile = write("cr.yaml", "- customParticipantId: a\r  presetName: host\r  picture: ftp://x\r");
    expect(problems(yamlFile)).toEqual([expect.stringMatching(/^cr\.yaml:3: `picture`/)]);
  });

  it("refuses a symlink to a file that is not a roster file, echoing nothing of it", () => {
    const secret = write("credentials.txt", "root:hunter2-secret:0:0\n");
    const link = path.join(dir, "linked.yaml");
    fs.symlinkSync(secret, link);
    expect(problems(link)).toEqual([
      `${link}: is a symbolic link to a file that is not a yaml roster file; link to the roster file itself`,
    ]);
    const roster = write("real.yaml", "- customParticipantId: a\n");
    const good = path.join(dir, "good.yaml");
    fs.symlinkSync(roster, good);
    expect(readRosterFile(good).entries).toEqual([{ customParticipantId: "a" }]);
  });
});
