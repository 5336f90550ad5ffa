// The tested rows (Node.js, @pulumi/pulumi, Pulumi CLI) as data, and the one rule that picks a row.
// Plain CommonJS so the Makefile and the shell scripts can ask it before anything is installed:
//   node scripts/rows/rows.js select [ROW]        the requested row, or the row of the Node.js running this
//   node scripts/rows/rows.js get ROW FIELD       node | pulumi | cli | lockfile
//   node scripts/rows/rows.js package-json ROW    the repository's package.json as that row installs it
"use strict";
const fs = require("fs");
const path = require("path");

// A row that runs in a copy of the tree (row.sh) rewrites the copy's package.json and package-lock.json;
// RTK_REPOSITORY names the repository they were made from, whose files say which lockfile each row uses.
const root = process.env.RTK_REPOSITORY || path.resolve(__dirname, "../..");
const rows = JSON.parse(fs.readFileSync(path.join(__dirname, "rows.json"), "utf8"));
const names = Object.keys(rows);

const major = (version) => Number(/^v?(\d+)\./.exec(version)?.[1]);

/**
 * The lockfile a row installs from: the repository's own for the @pulumi/pulumi it pins, else
 * scripts/rows/pulumi-<version>.package-lock.json, shared by every row of that @pulumi/pulumi (npm resolves
 * the same tree on every Node.js line, so rows that differ only in Node.js need no lockfile of their own).
 */
function lockfile(name) {
  const own = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  return own.devDependencies["@pulumi/pulumi"] === rows[name].pulumi
    ? "package-lock.json"
    : `scripts/rows/pulumi-${rows[name].pulumi}.package-lock.json`;
}

/** `requested` when it names a row; otherwise the row whose Node.js line is `nodeVersion`'s. */
function selectRow(requested, nodeVersion) {
  if (requested) {
    if (!Object.hasOwn(rows, requested))
      throw new Error(`unknown row "${requested}": expected one of ${names.join(", ")}`);
    return requested;
  }
  const match = names.find((name) => major(rows[name].node) === major(nodeVersion));
  if (match) return match;
  const lines = names.map((name) => `${name} (Node.js ${major(rows[name].node)})`).join(", ");
  throw new Error(`Node.js ${nodeVersion} on PATH matches no tested row: ${lines}; pick one with ROW=<row>`);
}

/** package.json with the row's @pulumi/pulumi as the development dependency. */
function packageJson(name) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  pkg.devDependencies["@pulumi/pulumi"] = rows[name].pulumi;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

module.exports = { root, rows, names, major, selectRow, lockfile, packageJson };

if (require.main === module) {
  const [command, row, field] = process.argv.slice(2);
  try {
    const name = selectRow(row, process.version);
    if (command === "select") console.log(name);
    else if (command === "get" && field === "lockfile") console.log(lockfile(name));
    else if (command === "get" && ["node", "pulumi", "cli"].includes(field)) console.log(rows[name][field]);
    else if (command === "package-json") process.stdout.write(packageJson(name));
    else throw new Error(`usage: rows.js select [ROW] | get ROW node|pulumi|cli|lockfile | package-json ROW`);
  } catch (error) {
    console.error(`rows: ${error.message}`);
    process.exit(1);
  }
}
