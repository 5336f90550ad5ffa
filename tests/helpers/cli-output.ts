/**
 * What a person reads in the CLI's output, for tests of error messages: the Diagnostics section (where the
 * engine lists each resource's errors once; the progress lines above it echo each event's first line as it
 * happens) with the values that differ per run replaced, and the checks every such output must pass.
 */
import type { RunResult } from "../e2e/harness";

/** Meeting and participant ids, request ids and the project directory, replaced by stable names. */
export function normalized(text: string, dir: string): string {
  return text
    .split(dir)
    .join("<dir>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/\(request id [^)]+\)/g, "(request id <ray>)");
}

/**
 * The Diagnostics section of a run's output, normalized: each resource's heading and its messages, as
 * printed, up to the summary.
 */
export function diagnostics(result: RunResult, dir: string): string {
  const output = result.stdout + result.stderr;
  const start = output.indexOf("Diagnostics:\n");
  if (start < 0) throw new Error(`no Diagnostics section in:\n${output}`);
  const rest = output.slice(start + "Diagnostics:\n".length);
  const end = rest.search(/\n(Outputs|Resources):\n/);
  return normalized(end < 0 ? rest : rest.slice(0, end), dir).trimEnd();
}

/**
 * The Diagnostics section as its blocks (one per resource: the heading and its messages), sorted: the
 * engine lists resources in the order their first event reached it, which parallel steps make vary.
 */
export function diagnosticBlocks(result: RunResult, dir: string): string[] {
  return diagnostics(result, dir)
    .split(/\n\n(?= {2}\S)/)
    .sort();
}

/** The failures a person must never read: a stack trace, a terminal escape code, a status said twice. */
export function noiseIn(result: RunResult): string[] {
  const output = result.stdout + result.stderr;
  const found: string[] = [];
  if (/^\s+at .+[:(].*\d+:\d+\)?$/m.test(output)) found.push("a stack trace");
  if (output.includes("\u001b[")) found.push("an escape code");
  if (/failed: (\d{3}) \1\b/.test(output)) found.push("a repeated status");
  if (/unhandled exception|problems: \[/.test(output)) found.push("an unhandled-exception dump");
  return found;
}

/** How many times `text` appears in the run's output. */
export function occurrences(result: RunResult, text: string): number {
  return (result.stdout + result.stderr).split(text).length - 1;
}
