/**
 * What a Pulumi program stores in `__provider` for a Participant (the one-line module of provider/shim.ts),
 * and what Pulumi's closure serializer makes of the exported `participantProvider` (the form resources of
 * version 0.1.0 stored). Both run in a child process (fixtures/serialize-participant-provider.ts), because
 * jest's module system breaks Pulumi's closure serializer. Needs `npm run build` first: the fixture loads
 * the installed package by name, as programs do.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(__dirname, "fixtures/serialize-participant-provider.ts");

const SECRETS = {
  CLOUDFLARE_API_TOKEN: "cf-api-token-from-env-3f9a1c",
  CLOUDFLARE_ACCOUNT_ID: "account-from-env-77d2",
  REALTIMEKIT_APP_ID: "app-from-env-5be0",
};
const CONFIG_SECRET = "realtimekit-token-from-config-a81e";

interface FixtureOutput {
  direct: { text: string; containsSecrets: boolean; exportName: string };
  registrations: { type: string; provider: unknown }[];
}

let output: FixtureOutput;

beforeAll(() => {
  const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", FIXTURE], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      ...SECRETS,
      // Stack config as the language host hands it to a program.
      PULUMI_CONFIG: JSON.stringify({ "realtimekit:apiToken": CONFIG_SECRET }),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(["realtimekit:apiToken"]),
    },
  });
  output = JSON.parse(stdout) as FixtureOutput;
}, 60_000);

describe("the exported participantProvider, serialized by Pulumi's closure serializer", () => {
  it("stays under the 4 KB budget", () => {
    expect(Buffer.byteLength(output.direct.text)).toBeLessThan(4096);
  });

  it("contains no secret even when credentials are in the environment and the stack config", () => {
    expect(output.direct.containsSecrets).toBe(false);
    for (const secret of [...Object.values(SECRETS), CONFIG_SECRET]) {
      expect(output.direct.text).not.toContain(secret);
    }
  });

  it("loads the installed runtime by package name instead of embedding provider code", () => {
    expect(output.direct.text).toContain('RUNTIME_MODULE: "pulumi-realtimekit/runtime"');
    expect(output.direct.text).toContain("require(RUNTIME_MODULE)");
    expect(output.direct.text).not.toMatch(/axios|RealtimeKitClient|\/dist\/|@pulumi\/pulumi/);
  });
});

describe("what a Participant registers as __provider", () => {
  it("is registered under the realtimekit:Participant dynamic type token, as plain text", () => {
    expect(output.registrations).toHaveLength(1);
    const [registration] = output.registrations;
    expect(registration.type).toBe("pulumi-nodejs:dynamic/realtimekit:Participant");
    expect(typeof registration.provider).toBe("string");
  });

  it("is one line that loads the installed runtime by package name, far under the 4 KB budget", () => {
    const text = output.registrations[0].provider as string;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(128);
    expect(text).toBe(
      'exports.handler = () => require("pulumi-realtimekit/runtime").dynamicProvider("participant");\n',
    );
  });

  it("contains no secret even when credentials are in the environment and the stack config", () => {
    const text = output.registrations[0].provider as string;
    for (const secret of [...Object.values(SECRETS), CONFIG_SECRET]) expect(text).not.toContain(secret);
  });
});
