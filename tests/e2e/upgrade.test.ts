/**
 * Upgrading the package under existing resources: the serialized provider (`__provider`) only loads
 * `pulumi-realtimekit/runtime` by name, so a new runtime shows no `~__provider` change in the preview, and
 * refresh and destroy of resources created by the old version run the newly installed code.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createMeeting } from "../helpers/emulator";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(5 * 60 * 1000);

let project: E2eProject;
let runtimeFile: string;
let marker: string;

/** The `__provider` text stored with each participant. */
async function serializedProviders(): Promise<string[]> {
  const { deployment } = await project.stack.exportStack();
  const resources = (deployment as { resources: { type: string; outputs?: { __provider?: string } }[] })
    .resources;
  return resources.filter((r) => r.type.endsWith(":Participant")).map((r) => r.outputs?.__provider ?? "");
}

beforeAll(async () => {
  const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rtk-upgrade-")), "roster.json");
  project = await createE2eProject("tests/e2e/programs/participants", { rosterFile }, "e2e", {
    vendorPackage: true,
  });
  runtimeFile = path.join(project.dir, "node_modules/pulumi-realtimekit/dist/provider/runtime/index.js");
  marker = path.join(project.dir, "upgraded-runtime-ran");
  const meetingId = await createMeeting(project.emulator, { title: "upgrade" });
  fs.writeFileSync(
    rosterFile,
    JSON.stringify({
      meetingId,
      participants: ["ann", "ben"].map((id) => ({
        resourceName: id,
        customParticipantId: id,
        presetName: "group_call_participant",
      })),
    }),
  );
});

afterAll(async () => {
  await project?.close();
});

test("resources created by one version are refreshed and destroyed by the upgraded runtime, with no __provider diff", async () => {
  await project.stack.up();
  const providersBefore = await serializedProviders();
  expect(providersBefore).toHaveLength(2);

  // The "new version": the same runtime plus a visible side effect whenever the host loads it.
  const original = fs.readFileSync(runtimeFile, "utf8");
  fs.writeFileSync(
    runtimeFile,
    `${original}\nrequire("fs").writeFileSync(${JSON.stringify(marker)}, "loaded");\n`,
  );

  const preview = await project.stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 3 });
  expect(preview.stdout).not.toContain("__provider");

  const refresh = await project.stack.refresh();
  expect(refresh.summary.resourceChanges).toEqual({ same: 3 });
  expect(fs.existsSync(marker)).toBe(true); // the refresh ran the installed (upgraded) runtime
  expect(await serializedProviders()).toEqual(providersBefore);

  fs.rmSync(marker);
  await project.stack.destroy();
  expect(fs.existsSync(marker)).toBe(true); // and so did destroy
  expect(project.emulator.control.snapshot().participants).toEqual([]);
});
