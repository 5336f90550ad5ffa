/**
 * One owner per participant in YAML, through the plugin (its own Participant and the Roster it constructs):
 * the three shapes of tests/e2e/claims.test.ts, with the same scenario (tests/helpers/claims.ts). The URNs in
 * the error are the engine's, from the plugin's requests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runContest, sameIdShapes, type Declaration } from "../helpers/claims";
import { usePluginProject } from "../helpers/plugin";

jest.setTimeout(600_000);

const urnOf = (name: string, roster?: string): string =>
  `urn:pulumi:claims::realtimekit-yaml::${roster ? "realtimekit:index:Roster$" : ""}realtimekit:index:Participant::${name}`;

function resourceYaml(meetingId: string, declaration: Declaration): string {
  const head = `  ${declaration.name}:\n    type: realtimekit:index:`;
  if (declaration.kind === "participant") {
    return (
      `${head}Participant\n    properties:\n      meetingId: ${meetingId}\n` +
      `      customParticipantId: ${declaration.customParticipantId}\n      presetName: ${declaration.presetName}\n`
    );
  }
  const entries = declaration.customParticipantIds.map((id) => `        - customParticipantId: ${id}\n`);
  return (
    `${head}Roster\n    properties:\n      meetingId: ${meetingId}\n      participants:\n${entries.join("")}` +
    "      defaults:\n        presetName: group_call_participant\n"
  );
}

const plugin = usePluginProject("examples/yaml", "claims", (project) => {
  fs.rmSync(path.join(project.dir, "roster.yaml"));
  fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), "name: realtimekit-yaml\nruntime: yaml\n");
});

function writeProgram(meetingId: string, declarations: Declaration[]): void {
  const resources = declarations.map((declaration) => resourceYaml(meetingId, declaration)).join("");
  fs.writeFileSync(
    path.join(plugin.project.dir, "Pulumi.yaml"),
    `name: realtimekit-yaml\nruntime: yaml\nresources:\n${resources}`,
  );
}

const shapes = sameIdShapes(urnOf);

test("two Participants with one id", async () => {
  await runContest(plugin.project, writeProgram, shapes.participants);
});

test("a Roster and a Participant with one id", async () => {
  await runContest(plugin.project, writeProgram, shapes.rosterAndParticipant);
});

test("two Rosters with overlapping lists", async () => {
  await runContest(plugin.project, writeProgram, shapes.rosters);
});
