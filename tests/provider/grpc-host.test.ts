/**
 * The real dynamic-provider host shipped in @pulumi/pulumi (`cmd/dynamic-provider`), driven over gRPC the
 * way the engine drives it, with the `__provider` text a Participant really registers. This covers what
 * direct calls cannot: deserialization of the shim, `require("pulumi-realtimekit/runtime")` from the project
 * directory, config keys namespaced as the engine sends them, secrets unwrapped, and the wire format.
 *
 * The host runs in its own process; the serialized text comes from a child process too (jest breaks the
 * closure serializer). Needs `npm run build` first.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { addParticipant, createMeeting, decodeJwt, useEmulator } from "../helpers/emulator";

const ROOT = path.resolve(__dirname, "../..");
const HOST = path.join(ROOT, "node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js");
const FIXTURE = path.join(__dirname, "fixtures/serialize-participant-provider.ts");
/** The `__provider` that Participants created by version 0.1.0 hold: Pulumi's serialization of the closure shim. */
const LEGACY_PROVIDER_TEXT = fs.readFileSync(
  path.join(__dirname, "fixtures/participant-provider-0.1.0.txt"),
  "utf8",
);
const PROJECT = "realtimekit-grpc-test";
const TYPE = "pulumi-nodejs:dynamic/realtimekit:Participant";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** How the engine marks a secret value on the wire. */
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

type Props = Record<string, JavaScriptValue>;

const emu = useEmulator();
let providerText: string;
let host: ChildProcess;
let hostStderr = "";
let client: ResourceProviderClient;

/** The first line the host prints is its port; poll its output with a deadline. */
function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(
      () => reject(new Error(`host printed no port: ${stdout}${hostStderr}`)),
      timeoutMs,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^(\d+)\s*$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${hostStderr}`));
    });
  });
}

/** Calls one unary RPC and resolves with its response. */
function call<Request, Response>(
  method: (
    request: Request,
    callback: (error: grpc.ServiceError | null, response: Response) => void,
  ) => unknown,
  request: Request,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    method.call(client, request, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

const struct = (props: Props): Struct => Struct.fromJavaScript(props);
const urn = (name: string) => `urn:pulumi:test::${PROJECT}::${TYPE}::${name}`;

/** The stack config for the emulator, keys namespaced and the token wrapped as a secret, as the engine sends it. */
function emulatorConfig(): Props {
  return {
    "realtimekit:apiToken": { ...SECRET_SIG, value: emu.apiToken },
    "realtimekit:accountId": emu.accountId,
    "realtimekit:appId": emu.appId,
    "realtimekit:baseUrl": emu.baseUrl,
  };
}

async function configureHost(values: Props): Promise<void> {
  const request = new proto.ConfigureRequest();
  request.setArgs(struct(values));
  await call<proto.ConfigureRequest, proto.ConfigureResponse>(client.configure, request);
}

async function check(name: string, olds: Props, news: Props) {
  const request = new proto.CheckRequest();
  request.setUrn(urn(name));
  request.setOlds(struct(olds));
  request.setNews(struct({ ...news, __provider: providerText }));
  const response = await call<proto.CheckRequest, proto.CheckResponse>(client.check, request);
  return {
    inputs: response.getInputs()?.toJavaScript() ?? {},
    failures: response.getFailuresList().map((failure) => [failure.getProperty(), failure.getReason()]),
  };
}

async function diff(name: string, id: string, olds: Props, news: Props) {
  const request = new proto.DiffRequest();
  request.setUrn(urn(name));
  request.setId(id);
  request.setOlds(struct(olds));
  request.setNews(struct(news));
  const response = await call<proto.DiffRequest, proto.DiffResponse>(client.diff, request);
  return { changes: response.getChanges(), replaces: response.getReplacesList() };
}

async function create(name: string, inputs: Props) {
  const request = new proto.CreateRequest();
  request.setUrn(urn(name));
  request.setName(name);
  request.setType(TYPE);
  request.setProperties(struct(inputs));
  const response = await call<proto.CreateRequest, proto.CreateResponse>(client.create, request);
  return { id: response.getId(), outs: response.getProperties()?.toJavaScript() ?? {} };
}

async function read(name: string, id: string, props: Props, inputs: Props) {
  const request = new proto.ReadRequest();
  request.setUrn(urn(name));
  request.setId(id);
  request.setProperties(struct(props));
  request.setInputs(struct(inputs));
  const response = await call<proto.ReadRequest, proto.ReadResponse>(client.read, request);
  return {
    id: response.getId(),
    props: response.getProperties()?.toJavaScript() ?? {},
    inputs: response.getInputs()?.toJavaScript() ?? {},
  };
}

async function update(name: string, id: string, olds: Props, news: Props) {
  const request = new proto.UpdateRequest();
  request.setUrn(urn(name));
  request.setId(id);
  request.setOlds(struct(olds));
  request.setNews(struct(news));
  const response = await call<proto.UpdateRequest, proto.UpdateResponse>(client.update, request);
  return response.getProperties()?.toJavaScript() ?? {};
}

async function remove(name: string, id: string, props: Props): Promise<void> {
  const request = new proto.DeleteRequest();
  request.setUrn(urn(name));
  request.setId(id);
  request.setProperties(struct(props));
  await call<proto.DeleteRequest, unknown>(client.delete, request);
}

function participantsOf(meetingId: string) {
  return emu.control.snapshot().participants.filter((participant) => participant.meeting_id === meetingId);
}

beforeAll(async () => {
  const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", FIXTURE], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const [registration] = (JSON.parse(stdout) as { registrations: { provider: string }[] }).registrations;
  providerText = registration.provider;

  // Credentials must arrive through Configure: none in the host's environment.
  const env: NodeJS.ProcessEnv = { ...process.env, PULUMI_NODEJS_PROJECT: PROJECT };
  for (const name of [
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_ACCOUNT_ID",
    "REALTIMEKIT_APP_ID",
    "REALTIMEKIT_BASE_URL",
  ]) {
    delete env[name];
  }
  // The engine passes its own address; the host only needs one to be given.
  host = spawn(process.execPath, [HOST, "127.0.0.1:1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  host.stderr?.on("data", (chunk: Buffer) => {
    hostStderr += chunk.toString();
  });
  const port = await waitForPort(host, 20_000);
  client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  client?.close();
  host?.kill();
});

describe("the Participant provider in the real dynamic-provider host", () => {
  it("runs Configure, Check, Diff, Create, Read, Update and Delete against the emulator", async () => {
    await configureHost({ ...emulatorConfig(), [`${PROJECT}:unrelated`]: "ignored" });
    const meetingId = await createMeeting(emu);
    const declared = {
      meetingId,
      customParticipantId: "alice",
      presetName: "group_call_participant",
      name: "Alice",
    };

    const checked = await check("alice", {}, declared);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toEqual({ ...declared, __provider: providerText });

    const created = await create("alice", checked.inputs);
    expect(participantsOf(meetingId).map((participant) => participant.id)).toEqual([created.id]);
    expect(created.outs).toMatchObject({
      ...declared,
      participantId: created.id,
      accountId: emu.accountId,
      appId: emu.appId,
      __provider: providerText,
    });
    expect(decodeJwt(created.outs.token as string).participantId).toBe(created.id);
    expect(JSON.stringify(created.outs)).not.toContain(emu.apiToken);

    const unchanged = await diff("alice", created.id, created.outs, checked.inputs);
    expect(unchanged).toEqual({ changes: proto.DiffResponse.DiffChanges.DIFF_NONE, replaces: [] });
    // A newer package serializes a different __provider: still no diff.
    const upgraded = { ...checked.inputs, __provider: `${providerText}\n// newer` };
    expect((await diff("alice", created.id, created.outs, upgraded)).changes).toBe(
      proto.DiffResponse.DiffChanges.DIFF_NONE,
    );

    const refreshed = await read("alice", created.id, created.outs, checked.inputs);
    expect(refreshed.id).toBe(created.id);
    expect(refreshed.props).toEqual(created.outs);
    expect(refreshed.inputs).toMatchObject({ ...declared, __provider: providerText });

    const renamed = (
      await check("alice", checked.inputs, { ...declared, name: "Alice L.", tokenRotation: 1 })
    ).inputs;
    expect(await diff("alice", created.id, refreshed.props, renamed)).toEqual({
      changes: proto.DiffResponse.DiffChanges.DIFF_SOME,
      replaces: [],
    });
    const updated = await update("alice", created.id, refreshed.props, renamed);
    expect(updated).toMatchObject({ participantId: created.id, name: "Alice L.", tokenRotation: 1 });
    expect(updated.token).not.toBe(created.outs.token);

    const moved = { ...renamed, customParticipantId: "alice-2" };
    expect(await diff("alice", created.id, updated, moved)).toEqual({
      changes: proto.DiffResponse.DiffChanges.DIFF_SOME,
      replaces: ["customParticipantId"],
    });

    // State written by another package version carries another __provider text; the host deserializes it
    // anew, configures it with the same config, and it still runs the installed runtime.
    const olderProviderText = `/* pulumi-realtimekit 0.0.1 */\n${providerText}`;
    await remove("alice", created.id, { ...updated, __provider: olderProviderText });
    expect(participantsOf(meetingId)).toEqual([]);
    const gone = await read("alice", created.id, updated, renamed);
    expect(gone.id).toBe("");
  });

  it("returns check failures, accepts unknown values in preview, and surfaces API errors readably", async () => {
    const failures = (await check("bad", {}, { meetingId: "nope", customParticipantId: "", presetName: "x" }))
      .failures;
    // No property: the engine would print the raw top-level value beside it; the reason names the path.
    expect(failures.map(([property]) => property)).toEqual(["", ""]);
    expect(failures.map(([, reason]) => reason.split(" ")[0])).toEqual([
      "`meetingId`",
      "`customParticipantId`",
    ]);
    const preview = await check(
      "later",
      {},
      {
        meetingId: UNKNOWN,
        customParticipantId: "bob",
        presetName: "group_call_participant",
      },
    );
    expect(preview.failures).toEqual([]);

    const meetingId = await createMeeting(emu);
    const existing = await addParticipant(emu, meetingId, { custom_participant_id: "carol" });
    const inputs = (
      await check("carol", {}, { meetingId, customParticipantId: "carol", presetName: "group_call_host" })
    ).inputs;
    await expect(create("carol", inputs)).rejects.toThrow(
      new RegExp(
        `Could not create participant "carol" in meeting ${meetingId}: .*already exists \\(id ${existing.id}\\).*adopt: true`,
      ),
    );
    const adopted = await create("carol", { ...inputs, adopt: true });
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs).toMatchObject({ presetName: "group_call_host", adopt: true });
    expect(participantsOf(meetingId)).toHaveLength(1);
  });

  it("keeps serving participants created by version 0.1.0, whose __provider is the serialized closure shim", async () => {
    await configureHost(emulatorConfig());
    expect(LEGACY_PROVIDER_TEXT).toContain('RUNTIME_MODULE: "pulumi-realtimekit/runtime"');
    const meetingId = await createMeeting(emu);
    const declared = { meetingId, customParticipantId: "dave", presetName: "group_call_participant" };
    const inputs = { ...(await check("dave", {}, declared)).inputs, __provider: LEGACY_PROVIDER_TEXT };

    const created = await create("dave", inputs);
    expect(created.outs).toMatchObject({
      ...declared,
      participantId: created.id,
      __provider: LEGACY_PROVIDER_TEXT,
    });
    expect(participantsOf(meetingId).map((participant) => participant.id)).toEqual([created.id]);
    const refreshed = await read("dave", created.id, created.outs, inputs);
    expect(refreshed.props).toEqual(created.outs);
    const renamed = { ...inputs, name: "Dave" };
    expect((await diff("dave", created.id, refreshed.props, renamed)).changes).toBe(
      proto.DiffResponse.DiffChanges.DIFF_SOME,
    );
    expect(await update("dave", created.id, refreshed.props, renamed)).toMatchObject({ name: "Dave" });
    await remove("dave", created.id, { ...refreshed.props, __provider: LEGACY_PROVIDER_TEXT });
    expect(participantsOf(meetingId)).toEqual([]);
  });
});
