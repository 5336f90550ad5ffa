/**
 * The errors a person reads once, as the real CLI prints them for a TypeScript program (examples/roster):
 * the five cases of tests/helpers/error-cases.ts. A roster file's problems are the program's error, printed
 * as its message alone; missing credentials stop the program at its first resource; the provider's own
 * messages (an API error, a destroy with saved config) are the resource's error, said once.
 */
import * as path from "node:path";
import { errorCases, SAVED_CONFIG, tokenMissing } from "../helpers/error-cases";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(10 * 60 * 1000);

const STACK = "errors";
const TOKEN_MISSING = tokenMissing(
  "Pulumi config `realtimekit:apiToken`, Pulumi config `cloudflare:apiToken` or the environment variable CLOUDFLARE_API_TOKEN",
);
let project: E2eProject | undefined;

beforeAll(async () => {
  project = await createE2eProject("examples/roster", {}, STACK);
});

afterAll(async () => {
  await project?.close();
});

const stackHeading = `pulumi:pulumi:Stack (e2e-roster-${STACK}):`;

errorCases({
  project: () => project as E2eProject,
  stack: STACK,
  stackHeading,
  useRoster: (file) => project?.cli(["config", "set", "rosterFile", path.join(project.dir, file)]),
  rosterInvalid: (file, count) => `Roster file <dir>/${file} is invalid (${count} problems):`,
  tokenMissingAtStart: { heading: stackHeading, lines: TOKEN_MISSING },
  tokenMissingAtDestroy: () => [
    `Could not delete participant "a" in meeting <uuid>: ${TOKEN_MISSING[0]}`,
    ...TOKEN_MISSING.slice(1),
    SAVED_CONFIG,
  ],
  participantHeading: (id) => `pulumi-nodejs:dynamic/realtimekit:Participant (standup/${id}):`,
  exactAfterChildFailure: true,
  knownPresets: [
    "group_call_host",
    "group_call_participant",
    "standup_attendee",
    "standup_host",
    "webinar_presenter",
    "webinar_viewer",
  ],
  exactConfigureFailure: true,
});
