// The two steps of `make demo` (scripts/demo.sh) that read or write data rather than run the CLI:
//   node scripts/demo.js table < outputs.json       `pulumi stack output --json` as a roster table
//   node scripts/demo.js change-roster IN OUT       a copy of roster file IN with one preset changed and
//                                                   the last person removed, written to OUT
// Generic about the example: the table is any output that maps ids to objects with a participantId, with
// the token column from the `tokens` output (which the CLI prints as "[secret]" without --show-secrets).
"use strict";
const fs = require("fs");
const YAML = require("yaml");

/** Columns, left-aligned, two spaces apart. */
function formatTable(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

function table(outputs) {
  const isRoster = (value) =>
    value !== null &&
    typeof value === "object" &&
    Object.values(value).length > 0 &&
    Object.values(value).every((entry) => entry && typeof entry === "object" && "participantId" in entry);
  const [name, members] = Object.entries(outputs).find(([, value]) => isRoster(value)) ?? [];
  if (!members) throw new Error("no stack output maps ids to participants (with a participantId)");
  // A secret output is the string "[secret]"; anything else is shown as "-", never as a token.
  const token = typeof outputs.tokens === "string" ? outputs.tokens : "-";
  const rows = Object.entries(members)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, m]) => [id, m.name ?? "", m.presetName ?? "", m.participantId, token]);
  const others = Object.entries(outputs).filter(
    ([key, value]) => key !== name && key !== "tokens" && typeof value !== "object",
  );
  return [
    formatTable(["customParticipantId", "name", "preset", "participant id", "token"], rows),
    ...others.map(([key, value]) => `${key}: ${value}`),
  ].join("\n");
}

/** Changes the first entry's preset (host <-> participant) and removes the last entry; says what it did. */
function changeRoster(input, output) {
  const document = YAML.parseDocument(fs.readFileSync(input, "utf8"));
  const entries = document.contents.items;
  const first = entries.find((entry) => entry.has("presetName")) ?? entries[0];
  const before = first.get("presetName");
  const after = before === "group_call_host" ? "group_call_participant" : "group_call_host";
  first.set("presetName", after);
  const removed = entries.pop();
  fs.writeFileSync(output, document.toString());
  return (
    `${first.get("customParticipantId")} (${first.get("name")}): preset ${before ?? "(default)"} -> ${after}; ` +
    `${removed.get("customParticipantId")} (${removed.get("name")}) removed`
  );
}

const [command, ...args] = process.argv.slice(2);
if (command === "table") console.log(table(JSON.parse(fs.readFileSync(0, "utf8"))));
else if (command === "change-roster") console.log(changeRoster(args[0], args[1]));
else throw new Error(`usage: demo.js table | change-roster IN OUT (got ${command})`);
