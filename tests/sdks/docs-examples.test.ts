/**
 * The reference pages' examples work as written: each YAML example is a whole program that `pulumi up`
 * deploys with the plugin and the YAML language host against the emulator (and destroys), and each
 * TypeScript example type-checks against the package's own types.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { MEMBERS } from "../../plugin/schema";
import { createE2eProject } from "../e2e/harness";
import { buildPlugin, removePlugin } from "../helpers/plugin";

jest.setTimeout(300_000);

const repoRoot = path.resolve(__dirname, "../..");
const docs = path.join(repoRoot, "generated", "docs");

/** The fenced code blocks of one language on a reference page. */
function blocks(page: string, language: string): string[] {
  const text = fs.readFileSync(path.join(docs, page), "utf8");
  return [...text.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

/** Pages whose YAML example is a whole program (RosterPrune's shows the Roster option that creates it). */
const programs = MEMBERS.map(
  (member) => [member.name, blocks(`${member.name}.md`, "yaml")[0]] as const,
).filter(([, example]) => example?.startsWith("resources:"));

afterAll(() => removePlugin());

test("every reference page but RosterPrune's has a whole YAML program", () => {
  expect(programs.map(([name]) => name)).toEqual([
    "Participant",
    "Meeting",
    "Roster",
    "Preset",
    "Webhook",
    "App",
    "getMeetingParticipants",
  ]);
});

test.each(programs)("the YAML example of %s deploys and destroys", async (name, example) => {
  const plugin = buildPlugin();
  const program = fs.mkdtempSync(path.join(repoRoot, ".pulumi-state", `docs-${name}-`));
  const settings = `name: docs-${name.toLowerCase()}\nruntime: yaml\nplugins:\n  providers:\n    - name: realtimekit\n      path: ${plugin.dir}\n`;
  fs.writeFileSync(path.join(program, "Pulumi.yaml"), `${settings}${example}`);
  const project = await createE2eProject(path.relative(repoRoot, program), {}, "docs");
  try {
    const up = await project.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges?.create).toBeGreaterThanOrEqual(2);
    const destroy = await project.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
  } finally {
    await project.close();
    fs.rmSync(program, { recursive: true, force: true });
  }
});

test("every TypeScript example type-checks against the package", () => {
  const dir = fs.mkdtempSync(path.join(repoRoot, ".pulumi-state", "docs-ts-"));
  try {
    const files = MEMBERS.flatMap((member) =>
      blocks(`${member.name}.md`, "typescript").map((code, i) => {
        const file = path.join(dir, `${member.name}-${i}.ts`);
        // Snippets may use names the page's text introduces (RosterPrune's shows a Roster option).
        const prelude = code.includes("import ")
          ? ""
          : 'import { Meeting, Roster } from "pulumi-realtimekit";\nconst meeting = new Meeting("m", {});\n';
        fs.writeFileSync(file, `${prelude}${code}\nexport {};\n`);
        return file;
      }),
    );
    expect(files).toHaveLength(MEMBERS.length);
    const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");
    const args = ["--noEmit", "--strict", "--module", "node16", "--moduleResolution", "node16"];
    let errors = "";
    try {
      execFileSync(tsc, [...args, "--skipLibCheck", ...files], { cwd: repoRoot, encoding: "utf8" });
    } catch (error) {
      errors = String((error as { stdout?: string }).stdout ?? error); // tsc reports on stdout
    }
    expect(errors).toBe("");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
