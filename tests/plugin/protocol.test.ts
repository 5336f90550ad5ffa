/**
 * The plugin process over the provider protocol, with requests shaped like the engine's: the gaps of the
 * stock `@pulumi/pulumi/provider` server that the adapter closes, one test each, against the emulator.
 */
import { packageSchema } from "../../plugin/schema";
import { SECRET_SIG, SPECIAL_SIG_KEY } from "../../plugin/secrets";
import {
  addParticipant,
  callApi,
  createMeeting,
  useEmulator,
  type EmulatorTarget,
} from "../helpers/emulator";
import { buildPlugin, removePlugin } from "../helpers/plugin";
import { provproto, startPlugin, struct, type PluginClient } from "../helpers/plugin-client";

const emu = useEmulator();
const PARTICIPANT = "urn:pulumi:dev::proj::realtimekit:index:Participant::alice";
const MEETING = "urn:pulumi:dev::proj::realtimekit:index:Meeting::standup";
const secret = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });

/** The environment without any RealtimeKit fallback: config must come from Configure. */
const bareEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !key.startsWith("CLOUDFLARE_") && !key.startsWith("REALTIMEKIT_"),
  ),
);

let plugin: PluginClient;
beforeAll(async () => {
  plugin = await startPlugin(buildPlugin().launcher, bareEnv);
}, 120_000);
afterAll(async () => {
  await plugin?.close();
  removePlugin();
});

/** Configure the way the engine does: the values only in `variables`, keyed `<package>:config:<key>`. */
async function configure(target: EmulatorTarget, omit: string[] = []): Promise<void> {
  const request = new provproto.ConfigureRequest();
  const values: Record<string, string> = {
    apiToken: target.apiToken,
    accountId: target.accountId,
    appId: target.appId,
    baseUrl: target.baseUrl,
  };
  for (const [key, value] of Object.entries(values)) {
    if (!omit.includes(key)) request.getVariablesMap().set(`realtimekit:config:${key}`, value);
  }
  request.setAcceptsecrets(true);
  request.setAcceptresources(true);
  await plugin.call<provproto.ConfigureResponse>("configure", request);
}

/** An update preview: answered by the adapter from state and inputs, without calling the API. */
async function previewUpdate(
  urn: string,
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
) {
  const request = new provproto.UpdateRequest();
  request.setUrn(urn);
  request.setId(id);
  request.setOlds(struct(olds));
  request.setNews(struct(news));
  request.setPreview(true);
  const response = await plugin.call<provproto.UpdateResponse>("update", request);
  return response.getProperties()?.toJavaScript() ?? {};
}

async function create(urn: string, properties: Record<string, unknown>) {
  const request = new provproto.CreateRequest();
  request.setUrn(urn);
  request.setProperties(struct(properties));
  const response = await plugin.call<provproto.CreateResponse>("create", request);
  return { id: response.getId(), outs: response.getProperties()?.toJavaScript() ?? {} };
}

async function read(urn: string, id: string, properties?: Record<string, unknown>) {
  const request = new provproto.ReadRequest();
  request.setUrn(urn);
  request.setId(id);
  if (properties !== undefined) request.setProperties(struct(properties));
  const response = await plugin.call<provproto.ReadResponse>("read", request);
  return {
    id: response.getId(),
    props: response.getProperties()?.toJavaScript() ?? {},
    inputs: response.getInputs()?.toJavaScript(),
  };
}

test("GetSchema serves the package schema generated from the input description", async () => {
  const request = new provproto.GetSchemaRequest();
  const response = await plugin.call<provproto.GetSchemaResponse>("getSchema", request);
  const served = JSON.parse(response.getSchema()) as { name: string; version: string };
  expect(served).toEqual(JSON.parse(JSON.stringify(packageSchema({ version: buildPlugin().version }))));
  expect(served.name).toBe("realtimekit");
});

test("Configure hands the request's variables to the provider (the stock server drops them)", async () => {
  const meetingId = await createMeeting(emu);
  // No token anywhere fails Configure itself, naming the places the plugin looks (its own config, the
  // environment: never another package's config, which the engine does not hand a plugin).
  await expect(configure(emu, ["apiToken"])).rejects.toThrow(
    /apiToken: set Pulumi config `realtimekit:apiToken` or the environment variable CLOUDFLARE_API_TOKEN\n/,
  );
  // An id a resource argument may give is judged per resource.
  await configure(emu, ["accountId"]);
  const missing = create(PARTICIPANT, {
    meetingId,
    customParticipantId: "alice",
    presetName: "group_call_host",
  });
  await expect(missing).rejects.toThrow(/accountId: set the resource argument `accountId`, Pulumi config/);

  await configure(emu);
  const { id, outs } = await create(PARTICIPANT, {
    meetingId,
    customParticipantId: "alice",
    presetName: "group_call_host",
  });
  expect(outs).toMatchObject({ participantId: id, accountId: emu.accountId, appId: emu.appId });
  const listed = await callApi(emu, "GET", `/meetings/${meetingId}/participants`);
  expect((listed.body.data as { id: string }[]).map((p) => p.id)).toEqual([id]);
});

test("secret inputs are unwrapped for the runtime and their outputs, and the token, wrapped again", async () => {
  await configure(emu);
  const meetingId = await createMeeting(emu);
  const news = {
    meetingId,
    customParticipantId: "alice",
    presetName: "group_call_host",
    name: secret("Alice"),
  };

  const check = new provproto.CheckRequest();
  check.setUrn(PARTICIPANT);
  check.setOlds(struct({}));
  check.setNews(struct(news));
  const checked = await plugin.call<provproto.CheckResponse>("check", check);
  expect(checked.getFailuresList()).toEqual([]);
  expect(checked.getInputs()?.toJavaScript()).toEqual(news);

  const { id, outs } = await create(PARTICIPANT, news);
  expect(outs.name).toEqual(secret("Alice"));
  expect(outs.token).toEqual(secret(expect.stringMatching(/^ey/)));
  expect(outs.customParticipantId).toBe("alice");
  const remote = await callApi(emu, "GET", `/meetings/${meetingId}/participants/${id}`);
  expect((remote.body.data as { name: string }).name).toBe("Alice");

  // The state holds wrapped values: compared unwrapped, nothing changed.
  const diff = new provproto.DiffRequest();
  diff.setUrn(PARTICIPANT);
  diff.setId(id);
  diff.setOlds(struct(outs));
  diff.setNews(struct(news));
  const answered = await plugin.call<provproto.DiffResponse>("diff", diff);
  expect(answered.getChanges()).toBe(provproto.DiffResponse.DiffChanges.DIFF_NONE);

  // Refresh keeps the (wrapped) token the API never returns.
  const refreshed = await read(PARTICIPANT, id, outs);
  expect(refreshed.props.token).toEqual(outs.token);
});

test("import: Read without properties rebuilds the participant's inputs from the API record", async () => {
  await configure(emu);
  const meetingId = await createMeeting(emu);
  const existing = await addParticipant(emu, meetingId, {
    custom_participant_id: "oob-1",
    preset_name: "group_call_host",
    name: "Out of band",
  });
  const imported = await read(PARTICIPANT, `${meetingId}/${existing.id}`);
  expect(imported.id).toBe(existing.id);
  expect(imported.inputs).toEqual({
    meetingId,
    customParticipantId: "oob-1",
    presetName: "group_call_host",
    name: "Out of band",
  });
  // The API never returns a join token: the first `pulumi up` after the import issues one.
  expect(imported.props).not.toHaveProperty("token");
  expect(imported.props).toMatchObject({ participantId: existing.id, accountId: emu.accountId });
});

test("import of a participant that does not exist fails naming the id (not 'does not support importing')", async () => {
  await configure(emu);
  const meetingId = await createMeeting(emu);
  const missing = "00000000-0000-4000-8000-000000000000";
  await expect(read(PARTICIPANT, `${meetingId}/${missing}`)).rejects.toThrow(
    new RegExp(
      `Cannot import Participant "${meetingId}/${missing}": meeting ${meetingId} has no participant with id "${missing}"`,
    ),
  );
  await expect(read(PARTICIPANT, missing)).rejects.toThrow(
    /the import id must be <meetingId>\/<participantId>/,
  );
});

test("import of a meeting rebuilds its inputs; a participant that is gone reads as gone", async () => {
  await configure(emu);
  const meetingId = await createMeeting(emu, { title: "Standup", persist_chat: true });
  const imported = await read(MEETING, meetingId);
  expect(imported.id).toBe(meetingId);
  expect(imported.inputs).toMatchObject({ title: "Standup", persistChat: true, status: "ACTIVE" });
  expect(imported.inputs).not.toHaveProperty("accountId");
  // The API's nulls (unset nested fields) are left out, as the generated code leaves them out.
  expect(JSON.stringify(imported.inputs)).not.toContain("null");
  const unknown = "11111111-1111-4111-8111-111111111111";
  await expect(read(MEETING, unknown)).rejects.toThrow(
    new RegExp(`Cannot import Meeting "${unknown}": there is no meeting`),
  );

  // A participant the API no longer has reads as gone (id ""), which drops it from state on refresh.
  const outs = {
    meetingId,
    customParticipantId: "bob",
    presetName: "group_call_host",
    participantId: unknown,
  };
  expect((await read(PARTICIPANT, unknown, outs)).id).toBe("");
});

test("Invoke getMeetingParticipants lists every participant; bad arguments fail by name", async () => {
  await configure(emu);
  const meetingId = await createMeeting(emu);
  await addParticipant(emu, meetingId, { custom_participant_id: "b" });
  await addParticipant(emu, meetingId, { custom_participant_id: "a" });
  const request = new provproto.InvokeRequest();
  request.setTok("realtimekit:index:getMeetingParticipants");
  request.setArgs(struct({ meetingId }));
  const response = await plugin.call<provproto.InvokeResponse>("invoke", request);
  const result = response.getReturn()?.toJavaScript() as { participants: { customParticipantId: string }[] };
  expect(result.participants.map((p) => p.customParticipantId)).toEqual(["a", "b"]);

  request.setArgs(struct({ meeting: meetingId }));
  const failed = await plugin.call<provproto.InvokeResponse>("invoke", request);
  const reasons = failed.getFailuresList().map((f) => f.getReason());
  expect(reasons).toEqual([
    "`meeting` is not a getMeetingParticipants input; the inputs are: meetingId, accountId, appId",
    expect.stringMatching(/^`meetingId` is required: the id of a RealtimeKit meeting/),
  ]);
});

test("previews of updates keep the outputs an update never changes, and call no API", async () => {
  const request = new provproto.ConfigureRequest();
  request.getVariablesMap().set("realtimekit:config:apiToken", emu.apiToken);
  request.getVariablesMap().set("realtimekit:config:accountId", emu.accountId);
  request.getVariablesMap().set("realtimekit:config:appId", emu.appId);
  request.getVariablesMap().set("realtimekit:config:baseUrl", emu.baseUrl);
  const configured = await plugin.call<provproto.ConfigureResponse>("configure", request);
  expect(configured.getSupportspreview()).toBe(true);
  expect(configured.getAcceptsecrets()).toBe(true);

  const meetingId = await createMeeting(emu, { title: "Before" });
  const meeting = await read(MEETING, meetingId);
  const { id, outs } = await create(PARTICIPANT, {
    meetingId,
    customParticipantId: "carol",
    presetName: "group_call_host",
    name: "Carol",
  });
  const news = { meetingId, customParticipantId: "carol", presetName: "group_call_host", name: "Caroline" };
  const previewed = await previewUpdate(PARTICIPANT, id, outs, news);
  expect(previewed).toEqual({
    ...news,
    participantId: id,
    createdAt: outs.createdAt,
    accountId: emu.accountId,
    appId: emu.appId,
  });
  const remote = await callApi(emu, "GET", `/meetings/${meetingId}/participants/${id}`);
  expect((remote.body.data as { name: string }).name).toBe("Carol");

  const meetingPreview = await previewUpdate(MEETING, meetingId, meeting.props, { title: "After" });
  expect(meetingPreview).toMatchObject({ title: "After", meetingId });
  const stored = await callApi(emu, "GET", `/meetings/${meetingId}`);
  expect((stored.body.data as { title: string }).title).toBe("Before");
});
