/**
 * The errors a person reads once, as the real CLI prints them for a YAML program through the plugin: the
 * five cases of tests/helpers/error-cases.ts, in the plugin's words. A roster file's problems are the
 * Roster's construct error; no API token fails the plugin's Configure (in preview too), which the engine
 * reports on the first resource; the plugin names only the places it looks (its own package's config and
 * the environment: the engine hands a plugin no other package's config).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { errorCases, SAVED_CONFIG, tokenMissing } from "../helpers/error-cases";
import { usePluginProject } from "../helpers/plugin";

jest.setTimeout(10 * 60 * 1000);

const STACK = "errors";
const TOKEN_MISSING = [
  ...tokenMissing("Pulumi config `realtimekit:apiToken` or the environment variable CLOUDFLARE_API_TOKEN"),
  // Configure cannot tell a destroy from an up, so the note is always there.
  SAVED_CONFIG,
];

const program = (file: string): string => `name: realtimekit-yaml
runtime: yaml
resources:
  standup:
    type: realtimekit:index:Meeting
    properties:
      title: Errors
  team:
    type: realtimekit:index:Roster
    properties:
      meetingId: \${standup.meetingId}
      file: ${file}
      defaults:
        presetName: group_call_participant
outputs:
  participantIds: \${team.participantIds}
`;

const plugin = usePluginProject("examples/yaml", STACK, (project) => {
  fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), program("roster.yaml"));
});

errorCases({
  project: () => plugin.project,
  stack: STACK,
  stackHeading: `pulumi:pulumi:Stack (realtimekit-yaml-${STACK}):`,
  useRoster: (file) => fs.writeFileSync(path.join(plugin.project.dir, "Pulumi.yaml"), program(file)),
  rosterInvalid: (file, count) =>
    `realtimekit:index:Roster resource 'team' has a problem: Roster "team" (${file}) is invalid (${count} problems):`,
  tokenMissingAtStart: { heading: "realtimekit:index:Meeting (standup):", lines: TOKEN_MISSING },
  tokenMissingAtDestroy: () => TOKEN_MISSING,
  participantHeading: (id) => `realtimekit:index:Participant (team/${id}):`,
  // When a child fails, the engine closes its connection while the Roster's construct still waits on the
  // child, and reports that too ("grpc: the client connection is closing") under the stack.
  exactAfterChildFailure: false,
  knownPresets: ["group_call_host", "group_call_participant", "webinar_presenter", "webinar_viewer"],
  exactConfigureFailure: false,
});
