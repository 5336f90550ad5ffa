/**
 * The GitOps example's dev stack through the real CLI: the roster lives in Pulumi.dev.yaml, so a pull
 * request that edits that file is reviewed as a `pulumi preview --diff` and applied by `pulumi up`.
 */
import * as fs from "fs";
import * as path from "path";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(5 * 60 * 1000);

let project: E2eProject;

beforeAll(async () => {
  project = await createE2eProject("examples/gitops", {}, "dev");
});

afterAll(async () => {
  await project?.close();
});

function heldIds(): string[] {
  return project.emulator.control
    .snapshot()
    .participants.map((p) => p.custom_participant_id)
    .sort();
}

test("the dev stack's roster from Pulumi.dev.yaml deploys and a second preview is clean", async () => {
  await project.stack.up();
  expect(heldIds()).toEqual(["test-participant-1", "test-viewer-1", "u-1001"]);
  expect((await project.stack.preview()).changeSummary).toEqual({ same: 6 });
});

test("a pull request adding one person to Pulumi.dev.yaml previews as one create and applies as one add", async () => {
  const stackFile = path.join(project.dir, "Pulumi.dev.yaml");
  const edited = fs
    .readFileSync(stackFile, "utf8")
    .replace(
      "  realtimekit-gitops:participants:\n",
      "  realtimekit-gitops:participants:\n    - customParticipantId: u-2002\n      name: Grace Hopper\n      presetName: webinar_presenter\n",
    );
  fs.writeFileSync(stackFile, edited);

  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 6, create: 1 });
  expect(preview.stdout).toContain("u-2002");
  project.emulator.control.resetCounters();
  await project.stack.up();
  expect(project.emulator.control.counters().mutating).toBe(1);
  expect(heldIds()).toContain("u-2002");
});
