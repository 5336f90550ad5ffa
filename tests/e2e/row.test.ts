/**
 * The tested row (scripts/rows/rows.json) is what really runs: the Pulumi program and the dynamic-provider
 * host (which runs every Participant) report the Node.js and @pulumi/pulumi they loaded, from inside, and
 * the CLI reports its version. `make test` sets RTK_ROW; without it, the row is the one of this Node.js.
 */
import { execFileSync } from "child_process";
import { rows, selectRow, major } from "../../scripts/rows/rows";
import { createMeeting } from "../helpers/emulator";
import { createE2eProject, type E2eProject } from "./harness";

jest.setTimeout(5 * 60 * 1000);

const rowName = selectRow(process.env.RTK_ROW, process.version);
const row = rows[rowName];
let project: E2eProject;

beforeAll(async () => {
  project = await createE2eProject("tests/e2e/programs/row-probe");
  const meetingId = await createMeeting(project.emulator, { title: "row probe" });
  await project.stack.setConfig("meetingId", { value: meetingId });
});

afterAll(async () => {
  await project?.close();
});

test(`jest itself runs in the ${rowName} row: Node.js ${major(row.node)}, @pulumi/pulumi ${row.pulumi}`, () => {
  expect(major(process.version)).toBe(major(row.node));
  expect(require("@pulumi/pulumi/package.json").version).toBe(row.pulumi);
});

test(`the program and the dynamic-provider host run on this Node.js and @pulumi/pulumi ${row.pulumi}, under CLI ${row.cli}`, async () => {
  expect(execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim()).toBe(`v${row.cli}`);

  const { outputs, stdout } = await project.stack.up();
  // Differences between Node.js lines are handled in the package, not shown to users (provider/quiet-builtins.ts).
  expect(stdout).not.toMatch(/Warning/);
  // The project is a copy inside this row's tree: both processes must load that tree's @pulumi/pulumi.
  const treePulumi = require.resolve("@pulumi/pulumi/package.json");
  const expected = { node: process.version, pulumi: row.pulumi, pulumiPath: treePulumi };
  expect(outputs.program.value).toEqual(expected);
  expect(outputs.provider.value).toEqual(expected);
  expect(outputs.participantId.value).toEqual(expect.any(String));
  expect(project.emulator.control.snapshot().participants.map((p) => p.custom_participant_id)).toEqual([
    "row-probe",
  ]);
});
