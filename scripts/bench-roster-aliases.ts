/**
 * `make bench` (part of): reading a 10,000-entry YAML roster file whose every entry takes its preset through
 * an alias, against the same file with the preset written out. Aliases are resolved once per file
 * (provider/runtime/roster/yaml-aliases.ts), so the two must stay within 2x of each other; the figures go to
 * docs/performance.md. Exits non-zero when the ratio is over 2, so a quadratic regression cannot pass quietly.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readRosterFile } from "../provider/runtime/roster/file";

const ENTRIES = Number(process.env.BENCH_ROSTER_ENTRIES ?? 10_000);
const RUNS = 5;

function rosterYaml(aliased: boolean): string {
  const lines = ["participants:"];
  for (let index = 0; index < ENTRIES; index++) {
    const preset = !aliased ? "group_call_host" : index === 0 ? "&host group_call_host" : "*host";
    lines.push(
      `  - customParticipantId: user-${index}`,
      `    presetName: ${preset}`,
      `    name: User ${index}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The median of RUNS reads, in milliseconds; fails if the file has any problem (the bench would lie). */
function medianReadMs(file: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const { entries, problems } = readRosterFile(file);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (problems.length > 0 || entries.length !== ENTRIES) throw new Error(`${file}: unexpected read result`);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-roster-aliases-"));
try {
  const plainFile = path.join(dir, "plain.yaml");
  const aliasFile = path.join(dir, "aliases.yaml");
  fs.writeFileSync(plainFile, rosterYaml(false));
  fs.writeFileSync(aliasFile, rosterYaml(true));
  const plain = medianReadMs(plainFile);
  const aliased = medianReadMs(aliasFile);
  const ratio = aliased / plain;
  console.log(
    `roster file of ${ENTRIES} entries (median of ${RUNS} reads): without aliases ${plain.toFixed(0)} ms, ` +
      `an alias per entry ${aliased.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
  );
  if (ratio > 2) {
    console.error("aliases cost more than 2x: alias resolution is no longer linear");
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
