/**
 * `pulumi package get-schema` on the built plugin (the real CLI asking the plugin's GetSchema) returns the
 * schema generated from the runtime's description, the same one committed as generated/schema.json.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { packageSchema } from "../../plugin/schema";
import { version } from "../../package.json";
import { buildPlugin, removePlugin } from "../helpers/plugin";

afterAll(() => removePlugin());

test("pulumi package get-schema on the plugin prints the generated schema", () => {
  const plugin = buildPlugin();
  const home = fs.mkdtempSync(path.join(path.dirname(plugin.dir), "home-"));
  const printed = execFileSync("pulumi", ["package", "get-schema", plugin.launcher], {
    env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const served = JSON.parse(printed);
  expect(served).toEqual(packageSchema({ version }));
  const committed = JSON.parse(fs.readFileSync(path.join(__dirname, "../../generated/schema.json"), "utf8"));
  expect(served).toEqual(committed);
}, 120_000);
