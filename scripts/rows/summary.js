// Prints what a row runs on, measured from the running binaries (not from rows.json), so a row that fell
// back to another version shows it; given jest's JSON results, also the test count:
//   row current: Node.js v26.12.1, @pulumi/pulumi 3.276.0, Pulumi CLI v3.274.1
//   tests: 412 passed, 0 failed
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");

const pulumi = require(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] })).version;
const cli = execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
console.log(
  `row ${process.env.RTK_ROW}: Node.js ${process.version}, @pulumi/pulumi ${pulumi}, Pulumi CLI ${cli}`,
);
if (process.argv[2]) {
  const results = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
}
