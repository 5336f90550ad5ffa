/**
 * The cloudflare-kv example's wiring, offline: the program runs under Pulumi's mocks in a child process
 * (fixtures/cloudflare-kv-mocks.ts; jest breaks Pulumi's closure serialization), so no Cloudflare account
 * is needed. Needs `npm run build` first: the example imports the package by name, as users do.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { readRosterFile } from "../../provider/runtime/roster/file";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(__dirname, "fixtures/cloudflare-kv-mocks.ts");
const EXAMPLE = path.join(ROOT, "examples/cloudflare-kv");

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  secretInputs: string[];
}

interface FixtureOutput {
  meetingId: string;
  accountId: string;
  registrations: Registration[];
  exported: Record<string, unknown>;
}

const KV = "cloudflare:index/workersKv:WorkersKv";
const NAMESPACE = "cloudflare:index/workersKvNamespace:WorkersKvNamespace";
const rosterIds = readRosterFile(path.join(EXAMPLE, "roster.yaml")).entries.map((e) => e.customParticipantId);

let output: FixtureOutput;
const ofType = (type: string): Registration[] => output.registrations.filter((r) => r.type === type);

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", FIXTURE],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  output = JSON.parse(stdout) as FixtureOutput;
}, 60_000);

describe("the cloudflare-kv example", () => {
  it("is a Pulumi project with a README", () => {
    expect(fs.readFileSync(path.join(EXAMPLE, "Pulumi.yaml"), "utf8")).toContain("main: index.ts");
    expect(fs.existsSync(path.join(EXAMPLE, "README.md"))).toBe(true);
  });

  it("creates one KV namespace in the RealtimeKit account, named after the stack", () => {
    expect(ofType(NAMESPACE).map((r) => r.inputs)).toEqual([
      { accountId: output.accountId, title: "realtimekit-tokens-dev" },
    ]);
  });

  it("writes one KV entry per roster participant, keyed by customParticipantId", () => {
    const entries = ofType(KV);
    expect(entries.map((r) => r.name).sort()).toEqual(rosterIds.map((id) => `token-${id}`).sort());
    for (const entry of entries) {
      const id = entry.name.slice("token-".length);
      expect(entry.inputs).toMatchObject({
        accountId: output.accountId,
        namespaceId: "kv-namespace-id",
        keyName: `token:${id}`,
        value: `token-${id}`,
      });
      expect(JSON.parse(String(entry.inputs.metadata))).toEqual({ meetingId: output.meetingId });
    }
  });

  it("passes each token to Cloudflare as a secret", () => {
    for (const entry of ofType(KV)) expect(entry.secretInputs).toContain("value");
  });

  it("adds every roster participant to the meeting, and exports the ids without any token", () => {
    const participants = ofType("pulumi-nodejs:dynamic/realtimekit:Participant");
    expect(participants.map((r) => r.inputs.customParticipantId).sort()).toEqual([...rosterIds].sort());
    expect(participants.every((r) => r.inputs.meetingId === output.meetingId)).toBe(true);
    expect(output.exported).toEqual({
      meetingId: output.meetingId,
      kvNamespaceId: "kv-namespace-id",
      participantIds: Object.fromEntries(rosterIds.map((id) => [id, `pid-${id}`])),
    });
    expect(JSON.stringify(output.exported)).not.toContain("token-");
  });
});
