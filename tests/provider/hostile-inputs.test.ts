/**
 * The hostile-input catalogue: wrong types, null, NaN, Infinity, negative numbers, huge strings, control and
 * bidirectional characters, prototype-named keys at every level, unknown keys, path segments, and roster
 * files that used to be read wrongly. Each is rejected before any API call naming the property (or the file
 * and line), or accepted unchanged because the API accepts it; the emulator's request counters prove that
 * nothing reached the API, and one create proves accepted values are stored exactly as written.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as YAML from "yaml";
import { meetingRuntime } from "../../provider/runtime/meeting";
import { participantRuntime } from "../../provider/runtime/participant";
import { participantClaims } from "../../provider/runtime/participant/claims";
import type { PropertyMap, RuntimeProvider } from "../../provider/runtime/protocol";
import { rosterPruneRuntime } from "../../provider/runtime/roster-prune";
import { sharedParticipantList } from "../../provider/runtime/shared-participant-list";
import {
  MAX_ROSTER_FILE_BYTES,
  RosterValidationError,
  formatProblem,
  readRosterFile,
} from "../../provider/runtime/roster/file";
import { callApi, createMeeting, useEmulator } from "../helpers/emulator";
import { useRuntimeAgainst } from "../helpers/runtime";

const emu = useEmulator();
useRuntimeAgainst(emu);

const MEETING = "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40";
const HUGE = "x".repeat(1_000_000);
/** Marks a payload, so a test can prove no message repeats it. */
const SECRET = "hunter2-payload";
const valid = { meetingId: MEETING, customParticipantId: "alice", presetName: "group_call_participant" };

type Case = [label: string, bag: PropertyMap, path: string];

async function checkWith(provider: RuntimeProvider, bag: PropertyMap) {
  return provider.check({}, bag);
}

/** Rejected: one failure names `path` first (backticked), shows no payload, and nothing else is stored. */
async function expectRejected(provider: RuntimeProvider, bag: PropertyMap, property: string): Promise<void> {
  const { failures = [], inputs = {} } = await checkWith(provider, bag);
  const reasons = failures.map((failure) => failure.reason);
  expect(reasons.some((reason) => reason.startsWith(`\`${property}\``))).toBe(true);
  for (const failure of failures) {
    expect(failure.property).toBe(""); // the engine prints the raw value beside a named property
    expect(failure.reason).not.toContain(SECRET);
    expect(failure.reason).not.toMatch(/[\n\r\u202e]/);
    expect(failure.reason.length).toBeLessThan(600);
  }
  expect(Object.getPrototypeOf(inputs)).toBe(Object.prototype);
  for (const key of ["constructor", "toString", "hasOwnProperty", "__proto__", "__secret"]) {
    expect(Object.hasOwn(inputs, key)).toBe(false);
  }
}

/** Accepted: no failure, and the inputs hold the values exactly as given. */
async function expectAccepted(provider: RuntimeProvider, bag: PropertyMap): Promise<void> {
  const { failures, inputs } = await checkWith(provider, bag);
  expect(failures).toEqual([]);
  expect(inputs).toEqual(bag);
}

afterEach(() => {
  // `check` is pure: not one catalogue case may reach the API.
  expect(emu.control.counters().total).toBe(0);
});

describe("Participant check", () => {
  const rejected: Case[] = [
    ["a null meetingId", { ...valid, meetingId: null }, "meetingId"],
    ["a numeric meetingId", { ...valid, meetingId: 42 }, "meetingId"],
    ["a path as meetingId", { ...valid, meetingId: "../../accounts" }, "meetingId"],
    ["an empty customParticipantId", { ...valid, customParticipantId: "" }, "customParticipantId"],
    [
      "a newline in customParticipantId",
      { ...valid, customParticipantId: `a\n${SECRET}` },
      "customParticipantId",
    ],
    [
      "a bidi override in customParticipantId",
      { ...valid, customParticipantId: `ali\u202ece` },
      "customParticipantId",
    ],
    [
      "a zero-width space in customParticipantId",
      { ...valid, customParticipantId: "ali\u200bce" },
      "customParticipantId",
    ],
    [
      "a 1,000,000-character customParticipantId",
      { ...valid, customParticipantId: HUGE },
      "customParticipantId",
    ],
    ["a list as customParticipantId", { ...valid, customParticipantId: [SECRET] }, "customParticipantId"],
    ["an object as presetName", { ...valid, presetName: { name: SECRET } }, "presetName"],
    ["a tab in presetName", { ...valid, presetName: "group\tcall" }, "presetName"],
    ["a 1,000,000-character name", { ...valid, name: HUGE }, "name"],
    ["a newline in name", { ...valid, name: `Alice\n${SECRET}` }, "name"],
    ["a javascript: picture", { ...valid, picture: `javascript:alert("${SECRET}")` }, "picture"],
    [
      "a 3,000-character picture URL",
      { ...valid, picture: `https://example.com/${"a".repeat(3000)}` },
      "picture",
    ],
    ["NaN tokenRotation", { ...valid, tokenRotation: NaN }, "tokenRotation"],
    ["Infinity tokenRotation", { ...valid, tokenRotation: Infinity }, "tokenRotation"],
    ["a boolean tokenRotation", { ...valid, tokenRotation: true }, "tokenRotation"],
    ["a negative refreshBeforeExpiry", { ...valid, refreshBeforeExpiry: -1 }, "refreshBeforeExpiry"],
    ["NaN refreshBeforeExpiry", { ...valid, refreshBeforeExpiry: NaN }, "refreshBeforeExpiry"],
    ['adopt "true"', { ...valid, adopt: "true" }, "adopt"],
    ['accountId "."', { ...valid, accountId: "." }, "accountId"],
    ['accountId ".."', { ...valid, accountId: ".." }, "accountId"],
    ["a slash in accountId", { ...valid, accountId: "acct/../other" }, "accountId"],
    ["a 33-character accountId", { ...valid, accountId: "a".repeat(33) }, "accountId"],
    ["a NUL in appId", { ...valid, appId: "app\u0000" }, "appId"],
    ['appId ".."', { ...valid, appId: ".." }, "appId"],
    ["a constructor key", { ...valid, constructor: SECRET }, "constructor"],
    ["a toString key", { ...valid, toString: SECRET }, "toString"],
    ["a hasOwnProperty key", { ...valid, hasOwnProperty: SECRET }, "hasOwnProperty"],
    ["a __proto__ key", { ...valid, ...JSON.parse(`{"__proto__": {"adopt": true}}`) }, "__proto__"],
    ["a key starting with __", { ...valid, __secret: SECRET }, "__secret"],
    ["a set output", { ...valid, token: SECRET }, "token"],
  ];
  it.each(rejected)("rejects %s, naming the property", async (_label, bag, property) => {
    await expectRejected(participantRuntime, bag, property);
  });

  it("escapes an unknown key that holds a newline, so it cannot forge a log line", async () => {
    const { failures = [] } = await checkWith(participantRuntime, { ...valid, "nmae\nerror: forged": 1 });
    expect(failures.map((failure) => failure.reason)).toEqual([
      expect.stringMatching(/^`nmae\\nerror: forged` is not a Participant input/),
    ]);
  });

  it.each([
    [
      "a name with # and a fragment URL",
      { ...valid, name: "Team #1 lead", picture: "https://example.com/a.png#v2" },
    ],
    ["a name in several scripts with emoji", { ...valid, name: "Zoë 👩‍💻 مرحبا ‏Ω" }],
    ["a customParticipantId named like a prototype member", { ...valid, customParticipantId: "constructor" }],
    ["a negative tokenRotation (any number is a keeper)", { ...valid, tokenRotation: -1 }],
    ["an empty name (the API's own default)", { ...valid, name: "" }],
  ])("accepts %s unchanged", async (_label, bag) => {
    await expectAccepted(participantRuntime, bag);
  });
});

describe("Meeting check", () => {
  const rejected: Case[] = [
    [
      "a constructor key under recordingConfig",
      { recordingConfig: { constructor: SECRET } },
      "recordingConfig.constructor",
    ],
    [
      "a toString key two levels down",
      { recordingConfig: { videoConfig: { toString: SECRET } } },
      "recordingConfig.videoConfig.toString",
    ],
    [
      "a __proto__ key under aiConfig.transcription",
      JSON.parse(`{"aiConfig": {"transcription": {"__proto__": {"language": "de"}}}}`) as PropertyMap,
      "aiConfig.transcription.__proto__",
    ],
    ["a hasOwnProperty key at the top", { hasOwnProperty: SECRET }, "hasOwnProperty"],
    ["a top-level key starting with __", { __internal: SECRET }, "__internal"],
    ["a 1,000,000-character title", { title: HUGE }, "title"],
    ["NaN sessionKeepAliveTimeInSecs", { sessionKeepAliveTimeInSecs: NaN }, "sessionKeepAliveTimeInSecs"],
    ["Infinity maxSeconds", { recordingConfig: { maxSeconds: Infinity } }, "recordingConfig.maxSeconds"],
    ["a negative maxSeconds", { recordingConfig: { maxSeconds: -1 } }, "recordingConfig.maxSeconds"],
    [
      "a number among keywords",
      { aiConfig: { transcription: { keywords: ["ok", 7] } } },
      "aiConfig.transcription.keywords[1]",
    ],
    [
      "a credential of the wrong type",
      { recordingConfig: { storageConfig: { type: "aws", secret: 42 } } },
      "recordingConfig.storageConfig.secret",
    ],
    [
      "an unknown field inside storageConfig",
      { recordingConfig: { storageConfig: { type: "aws", constructor: 1 } } },
      "recordingConfig.storageConfig.constructor",
    ],
    ['accountId ".."', { accountId: ".." }, "accountId"],
  ];
  it.each(rejected)("rejects %s, naming its path", async (_label, bag, property) => {
    await expectRejected(meetingRuntime, bag, property);
  });

  it.each([
    ["a title with # in it", { title: "Team #1 sync" }],
    ["storageConfig null (RealtimeKit's own storage)", { recordingConfig: { storageConfig: null } }],
    ["a title in several scripts", { title: "Réunion 会议 ‏اجتماع" }],
  ])("accepts %s unchanged", async (_label, bag) => {
    await expectAccepted(meetingRuntime, bag);
  });
});

describe("RosterPrune check", () => {
  const listed = { customParticipantId: "eve", participantId: "p-eve" };
  const rejected: Case[] = [
    ["a null list", { meetingId: MEETING, undeclared: null }, "undeclared"],
    ["a string list", { meetingId: MEETING, undeclared: SECRET }, "undeclared"],
    [
      "a constructor key in an item",
      { meetingId: MEETING, undeclared: [{ ...listed, constructor: 1 }] },
      "undeclared[0].constructor",
    ],
    [
      "an item without participantId",
      { meetingId: MEETING, undeclared: [{ customParticipantId: "eve" }] },
      "undeclared[0].participantId",
    ],
    ['meetingId "."', { meetingId: ".", undeclared: [] }, "meetingId"],
    ["a toString key at the top", { meetingId: MEETING, undeclared: [], toString: 1 }, "toString"],
  ];
  it.each(rejected)("rejects %s, naming its path", async (_label, bag, property) => {
    await expectRejected(rosterPruneRuntime, bag, property);
  });

  it("accepts a roster whose own ids are named like prototype members (they are data, not keys of ours)", async () => {
    await expectAccepted(rosterPruneRuntime, {
      meetingId: MEETING,
      undeclared: [listed],
      managed: JSON.parse(`{"constructor": "p-1", "__proto__": "p-2"}`) as Record<string, string>,
    });
  });
});

describe("roster files", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-roster-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const problems = (file: string): string[] => readRosterFile(file).problems.map(formatProblem);

  it("round-trips `Team #1 lead` and a #fragment URL through CSV, YAML and JSON unchanged", () => {
    const entry = {
      customParticipantId: "lead-1",
      name: "Team #1 lead",
      picture: "https://example.com/a.png#v2",
    };
    const files = [
      write(
        "round.csv",
        `customParticipantId,name,picture\n${entry.customParticipantId},${entry.name},${entry.picture}\n`,
      ),
      write("round.yaml", YAML.stringify([entry])),
      write("round.json", JSON.stringify([entry], null, 2)),
    ];
    for (const file of files) expect(readRosterFile(file)).toEqual({ entries: [entry], problems: [] });
  });

  it("reports an unquoted YAML comment that would cut a value, at its line", () => {
    const file = write(
      "cut.yaml",
      "- customParticipantId: a\n  name: Team #1 lead\n  presetName: host # the lead\n",
    );
    expect(problems(file)).toEqual([
      expect.stringMatching(/^cut\.yaml:2: name: "#" after a space starts a YAML comment/),
    ]);
  });

  it("resolves YAML aliases", () => {
    const file = write(
      "alias.yaml",
      "- customParticipantId: a\n  presetName: &p host\n- customParticipantId: b\n  presetName: *p\n",
    );
    expect(readRosterFile(file).entries.map((entry) => entry.presetName)).toEqual(["host", "host"]);
  });

  it.each(["yaml", "json", "csv"])("accepts a byte-order mark in %s", (format) => {
    const body = {
      yaml: "- customParticipantId: a\n",
      json: '[{"customParticipantId": "a"}]',
      csv: "customParticipantId\na\n",
    }[format];
    expect(readRosterFile(write(`bom.${format}`, `\uFEFF${body}`))).toEqual({
      entries: [{ customParticipantId: "a" }],
      problems: [],
    });
  });

  it("reports bytes that are not UTF-8 with their line, never replacing them", () => {
    const bytes = Buffer.concat([
      Buffer.from("customParticipantId,name\na,Alice\nb,Bj"),
      Buffer.from([0xf6]),
      Buffer.from("rn\n"),
    ]);
    expect(problems(write("latin1.csv", bytes))).toEqual([
      "latin1.csv:3: is not valid UTF-8 text (save the file as UTF-8)",
    ]);
  });

  it("counts lines exactly after a quoted CSV cell that holds CRLF", () => {
    const file = write("crlf.csv", 'customParticipantId,name\r\na,"two\r\nlines"\r\nb,x\r\nc,\r\n');
    const { entries } = readRosterFile(file);
    expect(entries.map((entry) => entry.customParticipantId)).toEqual(["a", "b", "c"]);
    expect(problems(file)).toEqual([expect.stringMatching(/^crlf\.csv:2: `name` must be/)]);
    const bad = write("crlf-bad.csv", 'customParticipantId,picture\r\na,"x"\r\nb,ftp://x\r\n');
    expect(problems(bad)).toEqual([
      expect.stringMatching(/^crlf-bad\.csv:2: `picture`/),
      expect.stringMatching(/^crlf-bad\.csv:3: `picture`/),
    ]);
  });

  it.each([".nan", ".inf", "-.inf"])("rejects tokenRotation: %s at the key's line", (value) => {
    const file = write(
      "nan.yaml",
      `- customParticipantId: a\n  presetName: host\n  tokenRotation: ${value}\n`,
    );
    expect(problems(file)).toEqual([
      expect.stringMatching(
        /^nan\.yaml:3: `tokenRotation` must be a string or a number.*; got -?(NaN|Infinity)$/,
      ),
    ]);
  });

  it("reports a bad picture at the picture's line, not the entry's first line", () => {
    const file = write(
      "picture.yaml",
      "- customParticipantId: a\n  presetName: host\n  picture: ftp://example.com/a.png\n",
    );
    expect(problems(file)).toEqual([
      "picture.yaml:3: `picture` must be an absolute http(s) URL; got a string of 23 characters",
    ]);
  });

  it("rejects prototype-named keys and columns as unknown, at their line", () => {
    const yamlFile = write("proto.yaml", "- customParticipantId: a\n  constructor: x\n  __proto__: y\n");
    expect(problems(yamlFile)).toEqual([
      expect.stringMatching(/^proto\.yaml:2: unknown key "constructor"/),
      expect.stringMatching(/^proto\.yaml:3: unknown key "__proto__"/),
    ]);
    const csvFile = write("proto.csv", "customParticipantId,toString\na,x\n");
    expect(problems(csvFile)).toEqual([expect.stringMatching(/^proto\.csv:1: unknown column "toString"/)]);
  });

  it("accepts a participant whose id is named like a prototype member", () => {
    const file = write(
      "ids.json",
      '[{"customParticipantId": "__proto__"}, {"customParticipantId": "constructor"}]',
    );
    const { entries, problems: found } = readRosterFile(file);
    expect(found).toEqual([]);
    expect(entries.map((entry) => entry.customParticipantId)).toEqual(["__proto__", "constructor"]);
  });

  it("refuses a symlink to /dev/zero, a directory and a pipe at once, without reading them", () => {
    const zero = path.join(dir, "zero.yaml");
    fs.symlinkSync("/dev/zero", zero);
    const folder = path.join(dir, "folder.csv");
    fs.mkdirSync(folder);
    const pipe = path.join(dir, "pipe.json");
    execFileSync("mkfifo", [pipe]);
    for (const file of [zero, folder, pipe]) {
      expect(problems(file)).toEqual([expect.stringContaining(`${file}: is not a regular file`)]);
    }
  });

  it("refuses a file over the size limit before parsing it", () => {
    const file = path.join(dir, "large.yaml");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, MAX_ROSTER_FILE_BYTES + 1);
    expect(problems(file)).toEqual([
      expect.stringContaining(`larger than the ${MAX_ROSTER_FILE_BYTES}-byte limit`),
    ]);
  });

  it("lists at most 100 of 150,000 problems in one error, with the count of the rest", () => {
    const file = write("many.csv", `customParticipantId\n${"dup\n".repeat(150_001)}`);
    const { problems: found } = readRosterFile(file);
    expect(found).toHaveLength(150_000);
    const error = new RosterValidationError("Roster file many.csv", found);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(1 + 100 + 1);
    expect(lines.at(-1)).toBe("  - and 149900 more");
    expect(lines[1]).toBe('  - many.csv:3: duplicate customParticipantId "dup" (first declared at line 2)');
  });
});

describe("accepted values reach the API exactly as written", () => {
  it("stores a hostile but valid name, picture and id unchanged", async () => {
    sharedParticipantList.clear();
    const meetingId = await createMeeting(emu, { title: "hostile" });
    const declared = {
      meetingId,
      customParticipantId: "constructor",
      presetName: "group_call_participant",
      name: "Team #1 lead 👩‍💻 ‏مرحبا",
      picture: "https://example.com/a.png#v2",
    };
    const { inputs } = await participantRuntime.check({}, declared);
    expect(inputs).toEqual(declared);
    const created = await participantRuntime.create(inputs ?? {});
    const listed = await callApi(emu, "GET", `/meetings/${meetingId}/participants`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        id: created.id,
        custom_participant_id: "constructor",
        name: declared.name,
        picture: declared.picture,
      }),
    ]);
    emu.control.resetCounters(); // the create's own calls are the point of this test
  });

  it("has the emulator reject prototype-named fields too, so it can catch a provider that sends them", async () => {
    const result = await callApi(emu, "POST", "/meetings", { recording_config: { constructor: { x: 1 } } });
    emu.control.resetCounters(); // this request is the point of the test
    expect(result.status).toBe(400);
    expect((result.body.error as { message: string }).message).toBe(
      '"recording_config.constructor" is not allowed',
    );
  });
});

/** Two resources of one deployment declaring one participant (issue 18; the CLI shapes: e2e/claims.test.ts). */
describe("one owner per participant", () => {
  const urn = (name: string) => `urn:pulumi:dev::p::pulumi-nodejs:dynamic/realtimekit:Participant::${name}`;
  beforeEach(() => participantClaims.clear());

  it("fails the second claimant's check naming both URNs and the meeting", async () => {
    expect((await participantRuntime.check({}, { ...valid, __owner: urn("a") })).failures).toEqual([]);
    const { failures } = await participantRuntime.check({}, { ...valid, __owner: urn("b") });
    expect(failures).toEqual([
      {
        property: "",
        reason: expect.stringContaining(
          `customParticipantId "alice" in meeting ${MEETING} is already declared by "${urn("a")}"; "${urn("b")}" declares it too.`,
        ),
      },
    ]);
  });

  it("treats an id with surrounding spaces as the same participant", async () => {
    await participantRuntime.check({}, { ...valid, __owner: urn("a") });
    const { failures } = await participantRuntime.check(
      {},
      { ...valid, customParticipantId: " alice ", __owner: urn("b") },
    );
    expect(failures).toHaveLength(1);
  });

  it("quotes a claimant whose name holds a line break, so it cannot forge a log line", async () => {
    await participantRuntime.check({}, { ...valid, __owner: urn("a") });
    const { failures } = await participantRuntime.check(
      {},
      { ...valid, __owner: urn(`b\nerror: forged ${SECRET}`) },
    );
    expect(failures?.[0].reason).not.toContain("\n");
    expect(failures?.[0].reason).toContain("\\nerror: forged");
  });

  it.each([
    ["a number", 7],
    ["an empty string", ""],
    ["an object", { urn: "x" }],
  ])("ignores an owner that is %s and never stores it", async (_label, owner) => {
    const first = await participantRuntime.check({}, { ...valid, __owner: owner });
    const second = await participantRuntime.check({}, { ...valid, __owner: owner });
    expect(first).toEqual({ inputs: valid, failures: [] });
    expect(second).toEqual({ inputs: valid, failures: [] });
  });
});
