/**
 * The "known presets" hint appended to a rejected preset lists names read from the API: network text, so a
 * name that echoes the API token or holds a JWT is cleaned before it reaches the message.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { checkInputs, participantDescription } from "../../provider/runtime/inputs";
import { createParticipant } from "../../provider/runtime/participant/lifecycle";
import { createMeeting } from "../helpers/emulator";
import { useRuntimeAgainst } from "../helpers/runtime";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "known-presets-"));
const stateFile = path.join(dir, "state.json");
let emulator: RunningEmulator;
const target = {
  get baseUrl() {
    return emulator.baseUrl;
  },
  get accountId() {
    return emulator.accountId;
  },
  get appId() {
    return emulator.appId;
  },
  get apiToken() {
    return emulator.apiToken;
  },
};

beforeAll(async () => {
  // Two presets whose names carry secrets, written into the emulator's state file before it serves them.
  const seeded = await startEmulator({ stateFile });
  await seeded.close();
  type Preset = { id: string; name: string };
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { apiToken: string; presets: Preset[] };
  const [first] = state.presets;
  state.presets.push(
    { ...first, id: "9a1f0b7e-0c55-4d2b-8f6e-2d4c1b3a5e01", name: `echo-${state.apiToken}` },
    { ...first, id: "9a1f0b7e-0c55-4d2b-8f6e-2d4c1b3a5e02", name: `jwt-${JWT}` },
  );
  fs.writeFileSync(stateFile, JSON.stringify(state));
  emulator = await startEmulator({ stateFile });
});

afterAll(async () => {
  await emulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

useRuntimeAgainst(target);

test("preset names from the API are redacted in the known-presets hint", async () => {
  const meetingId = await createMeeting(target);
  const { inputs } = checkInputs(participantDescription, {
    meetingId,
    customParticipantId: "pat",
    presetName: "no_such_preset",
  });
  const error = await createParticipant(inputs).then(
    () => undefined,
    (failure: Error) => failure,
  );
  expect(error?.message).toMatch(/known presets: .*echo-\[redacted\].*jwt-\[redacted\]/);
  expect(error?.message).toContain("group_call_host");
  expect(error?.message).not.toContain(emulator.apiToken);
  expect(error?.message).not.toContain(JWT);
});
