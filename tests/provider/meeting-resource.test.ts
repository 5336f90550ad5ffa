/**
 * What a program's Meeting sends to the engine, captured under Pulumi's mocks in a child process
 * (fixtures/meeting-mocks.ts; jest breaks Pulumi's closure serialization). Needs `npm run build` first.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(__dirname, "fixtures/meeting-mocks.ts");
/** The engine's marker of a secret value in a serialized property. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

interface FixtureOutput {
  registrations: { type: string; name: string; provider: string; recordingConfig: Record<string, unknown> }[];
  outputs: Record<string, { value: unknown; secret: boolean }>;
  bareOutputs: Record<string, { isOutput: boolean; value?: unknown }>;
}

let output: FixtureOutput;
const registration = (name: string) => {
  const found = output.registrations.find((r) => r.name === name);
  if (!found) throw new Error(`${name} was not registered`);
  return found;
};

beforeAll(() => {
  // Synchronous is fine here: the fixture talks to no server.
  const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", FIXTURE], {
    cwd: ROOT,
    encoding: "utf8",
  });
  output = JSON.parse(stdout) as FixtureOutput;
}, 60_000);

describe("a Meeting in a program", () => {
  it("registers under the realtimekit:Meeting type token with the small runtime shim as its provider", () => {
    const { type, provider } = registration("plain");
    expect(type).toBe("pulumi-nodejs:dynamic/realtimekit:Meeting");
    expect(Buffer.byteLength(provider)).toBeLessThanOrEqual(128);
    expect(provider).toBe(
      'exports.handler = () => require("pulumi-realtimekit/runtime").dynamicProvider("meeting");\n',
    );
  });

  it("sends a recordingConfig that carries storage credentials as a secret, even when given as plain strings", () => {
    const { recordingConfig, provider } = registration("recorded");
    expect(recordingConfig[SECRET_SIG]).toBeDefined();
    expect(provider).not.toContain("plain-secret-9d2e");
    expect(output.outputs.recordedConfig.secret).toBe(true);
  });

  it("leaves a recordingConfig without credentials in the clear", () => {
    expect(registration("plain").recordingConfig).toEqual({ maxSeconds: 600 });
    expect(output.outputs.plainConfig.secret).toBe(false);
  });

  it("exposes the resource id as meetingId, which stays known when a preview updates the meeting", () => {
    expect(output.outputs.recordedMeetingId).toEqual({ value: "recorded-id", secret: false });
  });

  it("exposes every declared output even when its argument is left out, filled from the provider's state", () => {
    const notOutputs = Object.entries(output.bareOutputs)
      .filter(([, property]) => !property.isOutput)
      .map(([key]) => key);
    expect(notOutputs).toEqual([]);
    expect(Object.keys(output.bareOutputs)).toHaveLength(15);
    expect(output.bareOutputs).toMatchObject({
      meetingId: { value: "bare-id" },
      status: { value: "ACTIVE" },
      persistChat: { value: false },
      accountId: { value: "resolved-account" },
      appId: { value: "resolved-app" },
    });
    expect(output.bareOutputs.title).toEqual({ isOutput: true });
  });
});
