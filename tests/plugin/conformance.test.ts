/**
 * Every input of every resource and component, as the package schema describes it, reaches the runtime
 * both ways a user sets it: through the plugin and through the TypeScript class. The inputs are read from
 * the runtime's descriptions (never listed here), so a new input, or a new resource, is covered as soon
 * as it is described; one that is described but not wired fails here.
 *
 * - A resource: the plugin's `check` over gRPC (as the engine calls it) returns every input it was given,
 *   and the TypeScript class registers every input (under Pulumi's mocks, fixtures/conformance-mocks.ts).
 * - A component (Roster), through the plugin's `construct` code and the TypeScript class, both under the
 *   mocks: an argument that decides the children changes them; any other reaches every child as is.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { JsonSchema } from "../../plugin/schema/description";
import { unwrapDeep } from "../../plugin/secrets";
import { resourceDescriptions } from "../../provider/runtime";
import { createMeeting, useEmulator } from "../helpers/emulator";
import { runMocksProgram } from "../helpers/mocks-program";
import { buildPlugin, removePlugin } from "../helpers/plugin";
import { provproto, startPlugin, struct, type PluginClient } from "../helpers/plugin-client";
import { sample, sampleObject } from "../sdks/samples";

jest.setTimeout(120_000);

const FIXTURE = path.join(__dirname, "fixtures/conformance-mocks.ts");
const emu = useEmulator({ resetBeforeEach: false });

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
interface Report {
  name: string;
  error?: string;
  registrations?: Registration[];
}
interface PlanItem {
  side: "ts" | "plugin";
  type: string;
  name: string;
  args: Record<string, unknown>;
}

const descriptions = Object.values(resourceDescriptions);
const asJson = (schema: unknown): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema;
const inputsOf = (description: (typeof descriptions)[number]): [string, JsonSchema][] =>
  Object.entries(asJson(description.inputs).properties ?? {});

/** Runs the fixture program with these items; the emulator answers a Roster's meeting listing. */
async function runProgram(plan: PlanItem[]): Promise<Record<string, Report>> {
  const reports = await runMocksProgram<Report[]>(FIXTURE, emu, { CONFORMANCE_PLAN: JSON.stringify(plan) });
  return Object.fromEntries(reports.map((report) => [report.name, report]));
}

function registrationsOf(report: Report | undefined): Registration[] {
  if (!report || report.error !== undefined) throw new Error(`declaring failed: ${report?.error}`);
  return report.registrations ?? [];
}

let plugin: PluginClient;
beforeAll(async () => {
  plugin = await startPlugin(buildPlugin().launcher);
}, 120_000);
afterAll(async () => {
  await plugin?.close();
  removePlugin();
});

describe.each(descriptions.filter((d) => d.kind === "resource"))("resource $name", (description) => {
  const inputs = sampleObject(asJson(description.inputs));

  describe("through the plugin's check (gRPC)", () => {
    let checked: Record<string, unknown>;
    beforeAll(async () => {
      const request = new provproto.CheckRequest();
      request.setUrn(`urn:pulumi:dev::proj::${description.token}::conformance`);
      request.setOlds(struct({}));
      request.setNews(struct(inputs));
      const response = await plugin.call<provproto.CheckResponse>("check", request);
      expect(response.getFailuresList().map((failure) => failure.getReason())).toEqual([]);
      checked = unwrapDeep(response.getInputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
    });

    test.each(inputsOf(description).map(([key]) => key))("%s reaches the runtime", (key) => {
      expect(checked[key]).toEqual(inputs[key]);
    });
  });

  describe("through the TypeScript class", () => {
    let registered: Registration;
    beforeAll(async () => {
      const reports = await runProgram([{ side: "ts", type: description.name, name: "it", args: inputs }]);
      const mine = registrationsOf(reports.it).find((r) => r.name === "it");
      if (!mine) throw new Error(`${description.name} registered nothing`);
      registered = mine;
    });

    test.each(inputsOf(description).map(([key]) => key))("%s reaches the runtime", (key) => {
      expect(unwrapDeep(registered.inputs[key])).toEqual(inputs[key]);
    });
  });
});

describe.each(descriptions.filter((d) => d.kind === "component"))("component $name", (description) => {
  const properties = inputsOf(description);
  const decides = (schema: JsonSchema) => (schema as Record<string, unknown>)["x-decidesChildren"] === true;
  // An argument a Participant does not take but the pruning resource does goes to the pruner, which a
  // roster has only with `prune: true`.
  const inputsOfKind = (kind: keyof typeof resourceDescriptions) =>
    Object.keys((resourceDescriptions[kind].inputs as JsonSchema).properties ?? {});
  const toPruner = (key: string) =>
    !inputsOfKind("participant").includes(key) && inputsOfKind("rosterPrune").includes(key);
  let reports: Record<string, Report>;
  let values: Record<string, unknown>;
  let baseline: Record<string, unknown>;

  // Every argument alone on top of a working baseline, on both sides, in one program.
  beforeAll(async () => {
    const meetingId = await createMeeting(emu);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conformance-"));
    const file = path.join(dir, "roster.yaml");
    fs.writeFileSync(file, "- customParticipantId: from-file\n");
    baseline = {
      meetingId,
      participants: [{ customParticipantId: "base" }],
      defaults: { presetName: "group_call_host" },
    };
    // A value unlike the baseline's, from the description; a meeting the emulator has, and a roster file
    // that exists, where a sample cannot be.
    const fixed: Record<string, unknown> = { meetingId, file };
    values = Object.fromEntries(
      properties.map(([key, schema]) => {
        if (key in fixed) return [key, fixed[key]];
        const first = sample(schema, 0);
        return [key, JSON.stringify(first) === JSON.stringify(baseline[key]) ? sample(schema, 1) : first];
      }),
    );
    const argsFor = (key: string): Record<string, unknown> => {
      const args = { ...baseline, [key]: values[key] };
      if (key === "file") delete args.participants; // give `participants` or `file`
      if (toPruner(key)) args.prune = true;
      return args;
    };
    const plan: PlanItem[] = [];
    for (const side of ["ts", "plugin"] as const) {
      plan.push({ side, type: description.name, name: `${side}-baseline`, args: baseline });
      for (const [key] of properties) {
        plan.push({ side, type: description.name, name: `${side}-${key}`, args: argsFor(key) });
      }
    }
    reports = await runProgram(plan);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The children a declaration registered, by name relative to it, with their inputs. */
  const children = (name: string): Record<string, Registration> =>
    Object.fromEntries(
      registrationsOf(reports[name])
        .filter((r) => r.name !== name)
        .map((r) => [r.name.slice(name.length + 1), r]),
    );

  describe.each(["ts", "plugin"])("through %s", (side) => {
    test.each(properties.map(([key, schema]) => [key, decides(schema)] as const))(
      "%s (decides the children: %s) reaches them",
      (key, decidesChildren) => {
        const declared = children(`${side}-${key}`);
        const participants = Object.values(declared).filter((r) => r.type.endsWith(":Participant"));
        expect(participants.length).toBeGreaterThan(0);
        if (toPruner(key)) {
          const pruners = Object.values(declared).filter((r) => r.type.endsWith(":RosterPrune"));
          expect(pruners.map((pruner) => unwrapDeep(pruner.inputs[key]))).toEqual([values[key]]);
        } else if (decidesChildren) {
          expect(declared).not.toEqual(children(`${side}-baseline`));
        } else {
          for (const participant of participants) {
            expect(unwrapDeep(participant.inputs[key])).toEqual(values[key]);
          }
        }
      },
    );
  });
});
