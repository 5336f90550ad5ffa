/**
 * Failures after the resource exists, through the real engine: the engine records the resource from the
 * partial-failure outputs, which must carry `__provider` (the dynamic-provider host loads the provider from
 * them on refresh and destroy) and must not hold a token in plaintext.
 */
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

/** A JWT's header and payload: no state file may hold one outside a secret's ciphertext. */
const PLAINTEXT_JWT = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\./;

let project: E2eProject;

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  outputs?: Record<string, unknown>;
}

function stateResources(): StateResource[] {
  const exported = JSON.parse(project.cli(["stack", "export"])) as {
    deployment: { resources?: StateResource[] };
  };
  return exported.deployment.resources ?? [];
}

function resourceNamed(name: string): StateResource | undefined {
  return stateResources().find((resource) => resource.urn.endsWith(`::${name}`));
}

async function setConfig(values: Record<string, string | undefined>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) await project.stack.removeConfig(key);
    else await project.stack.setConfig(key, { value });
  }
}

async function cli(args: string[]) {
  const result = await project.runCli(args);
  return { ...result, output: result.stdout + result.stderr };
}

beforeAll(async () => {
  project = await createE2eProject("tests/e2e/programs/partial-failure", {
    "realtimekit:requestsPerSecond": "0",
  });
});

afterAll(async () => {
  await project?.close();
});

test("a Meeting created but not set INACTIVE is recorded; refresh and destroy then work", async () => {
  await setConfig({ meetingStatus: "INACTIVE", withParticipant: "false" });
  project.emulator.control.injectFault({
    method: "PATCH",
    path: "/**/meetings/*",
    kind: "status",
    status: 403,
  });

  const up = await cli(["up", "--yes", "--skip-preview"]);
  expect(up.status).not.toBe(0);
  expect(up.output).toMatch(/Could not set meeting .* INACTIVE after creating it/);
  const [created] = project.emulator.control.snapshot().meetings;
  const recorded = resourceNamed("meeting");
  expect(recorded?.id).toBe(created.id);
  expect(recorded?.outputs?.__provider).toEqual(expect.any(String));

  const refresh = await cli(["refresh", "--yes", "--skip-preview"]);
  expect(refresh.output).not.toMatch(/error:/);
  expect(refresh.status).toBe(0);
  const destroy = await cli(["destroy", "--yes", "--skip-preview"]);
  expect(destroy.output).not.toMatch(/error:/);
  expect(destroy.status).toBe(0);
  expect(project.emulator.control.snapshot().meetings[0]).toMatchObject({
    id: created.id,
    status: "INACTIVE",
  });
  expect(resourceNamed("meeting")).toBeUndefined();
});

test("a Participant added but not issued a token is recorded without a token; refresh and destroy then work", async () => {
  await setConfig({ meetingStatus: undefined, withParticipant: undefined });
  const { control } = project.emulator;
  control.injectFault({ method: "POST", path: "/**/participants", kind: "persist-then-500" });
  control.injectFault({ method: "POST", path: "/**/token", kind: "status", status: 400 });

  const up = await cli(["up", "--yes", "--skip-preview"]);
  expect(up.status).not.toBe(0);
  expect(up.output).toMatch(
    /Could not create participant "pat" in meeting .*: RealtimeKit POST .*token failed: 400/,
  );
  const held = control.snapshot().participants;
  expect(held).toHaveLength(1);
  const recorded = resourceNamed("pat");
  expect(recorded?.id).toBe(held[0].id);
  expect(recorded?.outputs?.__provider).toEqual(expect.any(String));
  expect(PLAINTEXT_JWT.test(project.stateFileText())).toBe(false);

  const refresh = await cli(["refresh", "--yes", "--skip-preview"]);
  expect(refresh.output).not.toMatch(/error:/);
  expect(refresh.status).toBe(0);
  expect(resourceNamed("pat")?.id).toBe(held[0].id);
  const destroy = await cli(["destroy", "--yes", "--skip-preview"]);
  expect(destroy.output).not.toMatch(/error:/);
  expect(destroy.status).toBe(0);
  expect(control.snapshot().participants).toEqual([]);
  expect(stateResources().filter((resource) => resource.type !== "pulumi:pulumi:Stack")).toEqual([]);
});

test("an update that fails after issuing a token keeps that token encrypted in state", async () => {
  // Tokens that live a minute, then a renewal window of an hour: the update issues a token and fails on it.
  project.emulator.control.setSettings({ tokenTtlSeconds: 60 });
  expect((await cli(["up", "--yes", "--skip-preview"])).status).toBe(0);
  await setConfig({ refreshBeforeExpiry: "3600" });

  const up = await cli(["up", "--yes", "--skip-preview"]);
  expect(up.status).not.toBe(0);
  expect(up.output).toMatch(
    /refreshBeforeExpiry is 3600 seconds, but tokens RealtimeKit issues live 60 seconds/,
  );
  const state = project.stateFileText();
  expect(state).toContain('"ciphertext"');
  expect(PLAINTEXT_JWT.test(state)).toBe(false);
  expect(PLAINTEXT_JWT.test(project.cli(["stack", "export"]))).toBe(false);
  expect(resourceNamed("pat")?.outputs?.__provider).toEqual(expect.any(String));
});
