/**
 * The package claims exactly the rows CI runs (scripts/rows/rows.json; `make test-rows`): engines lists
 * their Node.js lines, the @pulumi/pulumi peer range starts at the floor row, and the README's "Tested with"
 * table names each row's versions and no other.
 */
import * as fs from "fs";
import * as path from "path";
import { lockfile, major, names, root as repository, rows } from "../scripts/rows/rows";

const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  peerDependencies: Record<string, string>;
};

/** The rows of the README's "Tested with" table, as cells. */
function readmeTable(): string[][] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Tested with"));
  if (!section) throw new Error('README.md has no "## Tested with" section');
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  return lines.slice(2).map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/`/g, "")),
  );
}

test("engines.node lists the Node.js line of every row, and nothing else", () => {
  expect(pkg.engines.node).toBe(names.map((name) => `${major(rows[name].node)}.x`).join(" || "));
});

test("the @pulumi/pulumi peer range starts at the floor row and reaches the current row", () => {
  const lowest = names
    .map((name) => rows[name].pulumi)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))[0];
  const newestMajor = Math.max(...names.map((name) => major(rows[name].pulumi)));
  expect(pkg.peerDependencies["@pulumi/pulumi"]).toBe(`>=${lowest} <${newestMajor + 1}`);
});

test("the README's Tested with table lists exactly the rows, with their versions", () => {
  expect(readmeTable().map((cells) => cells.slice(0, 4))).toEqual(
    names.map((name) => [name, rows[name].node, rows[name].pulumi, rows[name].cli]),
  );
});

test("every row installs from a lockfile that exists and pins the row's @pulumi/pulumi", () => {
  for (const name of names) {
    const lock = JSON.parse(fs.readFileSync(path.join(repository, lockfile(name)), "utf8")) as {
      packages: Record<string, { version?: string }>;
    };
    expect([name, lock.packages["node_modules/@pulumi/pulumi"]?.version]).toEqual([name, rows[name].pulumi]);
  }
});
