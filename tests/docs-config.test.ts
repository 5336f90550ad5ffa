/**
 * Every config fallback, as the one config table (provider/runtime/config.ts) states it, is what the
 * generated outputs (generated/schema.json, the config page generated/docs/README.md) and the hand-written
 * docs (docs/installation-configuration.md) say: the environment variable of each value, which values a
 * resource argument overrides, and that another package's config (`cloudflare:apiToken`) is a fallback of
 * TypeScript programs only, never of the plugin. Read from the files as committed, as a reader sees them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_VARIABLES, type ConfigKey } from "../provider/runtime/config";
import { resourceDescriptions } from "../provider/runtime/inputs";
import { annotationsOf } from "../provider/runtime/inputs/keywords";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), "utf8");

const schema = JSON.parse(read("generated/schema.json")) as {
  config: { variables: Record<string, { description?: string; secret?: boolean }> };
};
const configPage = read("generated/docs/README.md");
const guide = read("docs/installation-configuration.md");
const keys = Object.keys(CONFIG_VARIABLES) as ConfigKey[];

/** The cells of the first Markdown table row of `text` that contains `needle`. */
function row(text: string, needle: string): string[] {
  const line = text.split("\n").find((candidate) => candidate.startsWith("|") && candidate.includes(needle));
  if (line === undefined) throw new Error(`no table row with ${needle}`);
  return line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
}

/** The text of the section that starts with `heading` (up to the next heading of any level). */
function section(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const rest = text.slice(start + heading.length + 1);
  const end = rest.search(/^#{1,6} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe.each(keys)("config %s", (key) => {
  const variable = CONFIG_VARIABLES[key];
  const configKey = `realtimekit:${key}`;

  it("has the same description in the schema and on the generated config page", () => {
    const [shownKey, secret, description] = row(configPage, `\`${configKey}\``);
    expect(shownKey).toBe(`\`${configKey}\``);
    expect(description).toBe(schema.config.variables[key].description);
    expect(secret).toBe(variable.secret ? "yes" : "no");
    expect(schema.config.variables[key].secret ?? false).toBe(variable.secret ?? false);
  });

  it("falls back to its environment variable, in the generated outputs and in the guide", () => {
    expect(schema.config.variables[key].description).toContain(`Falls back to ${variable.environment}`);
    expect(row(guide, `\`${configKey}\``).join(" ")).toContain(`\`${variable.environment}\``);
  });

  it("names another package's config as a TypeScript fallback only, never as the plugin's", () => {
    const other = variable.otherPackageConfig;
    const generated = schema.config.variables[key].description ?? "";
    const typescriptRow = row(guide, `\`${configKey}\``);
    if (other === undefined) {
      expect(generated).not.toMatch(/cloudflare:/);
      expect(typescriptRow.join(" ")).not.toMatch(/cloudflare:/);
      return;
    }
    expect(generated).toContain(`not to \`${other}\``);
    expect(generated).not.toContain(`Falls back to \`${other}\``);
    // The TypeScript table lists it after the package's own config and before the environment.
    const cells = typescriptRow.map((cell) => cell.replace(/`/g, ""));
    expect(cells.indexOf(other)).toBeGreaterThan(cells.indexOf(configKey));
    expect(cells.indexOf(other)).toBeLessThan(cells.indexOf(variable.environment));
    expect(section(guide, "### Plugin configuration")).toContain(`\`${other}\` is not a fallback here`);
  });

  it("is overridden by a resource argument exactly when the table says so", () => {
    const defaultedFrom = new Set(
      Object.values(resourceDescriptions).flatMap((description) =>
        Object.values(description.inputs.properties).map((schema) => annotationsOf(schema)["x-defaultFrom"]),
      ),
    );
    expect(defaultedFrom.has(key)).toBe(variable.argument === true);
    const [, second] = row(guide, `\`${configKey}\``);
    // The pacing table has no argument column: its second cell is the config key.
    const argument = second === `\`${configKey}\`` ? "(never)" : second;
    expect(argument).toBe(variable.argument ? `\`${key}\`` : "(never)");
  });
});
