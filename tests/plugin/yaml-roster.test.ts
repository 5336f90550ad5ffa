/**
 * The plugin's Roster (served by `construct`) with an inline `participants` list, `adopt` and `prune`,
 * through the real CLI and YAML host: an existing participant is adopted (same id), a stranger in the
 * meeting is listed in the preview and deleted by `pulumi up`, and the next preview shows no changes.
 * `refreshBeforeExpiry` reaches every child: a later `pulumi up` renews the tokens that are due.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { addParticipant, callApi } from "../helpers/emulator";
import { usePluginProject } from "../helpers/plugin";

jest.setTimeout(240_000);

const program = (ids: string[], authoritative: boolean, extra = ""): string => `name: realtimekit-yaml
runtime: yaml
resources:
  standup:
    type: realtimekit:index:Meeting
    properties:
      title: Roster test
  team:
    type: realtimekit:index:Roster
    properties:
      meetingId: \${standup.meetingId}
      participants:
${ids.map((id) => `        - customParticipantId: ${id}\n          name: Person ${id}`).join("\n")}
      defaults:
        presetName: group_call_participant
${authoritative ? "      adopt: true\n      prune: true\n" : ""}${extra}outputs:
  meetingId: \${standup.meetingId}
  participantIds: \${team.participantIds}
  unmanagedCount: \${team.unmanagedCount}
`;

const plugin = usePluginProject("examples/yaml", "roster", (project) => {
  fs.rmSync(path.join(project.dir, "roster.yaml"));
  fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), program(["p-1"], false));
});

test("adopt takes over an existing participant and prune deletes the stranger, both previewed first", async () => {
  const { project } = plugin;
  await project.stack.up();
  const meetingId = (await project.stack.outputs()).meetingId.value as string;
  const existing = await addParticipant(project.emulator, meetingId, { custom_participant_id: "p-2" });
  const stranger = await addParticipant(project.emulator, meetingId, { custom_participant_id: "stranger" });

  fs.writeFileSync(path.join(project.dir, "Pulumi.yaml"), program(["p-1", "p-2"], true));
  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toMatchObject({ create: 2 }); // p-2 (adopted) and the prune resource
  expect(preview.stdout).toContain("realtimekit:index:RosterPrune");
  expect(preview.stdout).toContain(stranger.id);

  await project.stack.up();
  const outputs = await project.stack.outputs();
  expect((outputs.participantIds.value as Record<string, string>)["p-2"]).toBe(existing.id);
  expect(outputs.unmanagedCount.value).toBe(0);
  const listed = await callApi(project.emulator, "GET", `/meetings/${meetingId}/participants`);
  expect(
    (listed.body.data as { custom_participant_id: string }[]).map((p) => p.custom_participant_id).sort(),
  ).toEqual(["p-1", "p-2"]);

  expect((await project.stack.preview()).changeSummary).toEqual({ same: 6 });
  await project.stack.destroy();
});

test("refreshBeforeExpiry renews every child's token that is due, in place", async () => {
  const { project } = plugin;
  const held = () =>
    project.emulator.control
      .snapshot()
      .participants.sort((a, b) => a.custom_participant_id.localeCompare(b.custom_participant_id));
  // Day-long tokens issued as if 23 hours ago: each expires within the roster's hour.
  project.emulator.control.setSettings({ tokenTtlSeconds: 86_400, tokenIssuedSecondsAgo: 86_400 - 600 });
  fs.writeFileSync(
    path.join(project.dir, "Pulumi.yaml"),
    program(["r-1", "r-2"], false, "      refreshBeforeExpiry: 3600\n"),
  );
  await project.stack.up();
  const before = held();
  expect(before.map((p) => p.custom_participant_id)).toEqual(["r-1", "r-2"]);

  const renewal = await project.stack.up();
  expect(renewal.summary.resourceChanges).toMatchObject({ update: 2 });
  const after = held();
  expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
  expect(after.map((p) => p.tokens_issued)).toEqual(before.map((p) => p.tokens_issued + 1));

  // Fresh tokens are not due: nothing more to renew.
  project.emulator.control.setSettings({ tokenIssuedSecondsAgo: 0 });
  await project.stack.up();
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 5 });
  await project.stack.destroy();
});
