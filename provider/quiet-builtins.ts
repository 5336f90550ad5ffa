/**
 * When it serializes a dynamic provider, @pulumi/pulumi's closure serializer `require()`s every built-in
 * module of Node.js. Newer Node.js lines have experimental built-ins (Node.js 26: `node:ffi`) whose first
 * load prints an ExperimentalWarning, which Pulumi then shows as a diagnostic of every `pulumi up` and
 * `pulumi preview`. Node.js warns once per feature, so loading those modules here first, with only
 * ExperimentalWarnings held back while doing so, keeps program output clean on every tested Node.js line
 * and leaves every other warning alone.
 */
import { builtinModules } from "node:module";

/** The built-ins the serializer skips (see createClosure.js in @pulumi/pulumi); loading them would warn. */
const SKIPPED_BY_PULUMI = new Set(["punycode", "sys", "wasi"]);

let loaded = false;

export function loadBuiltinsQuietly(): void {
  if (loaded) return;
  loaded = true;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const name = warning instanceof Error ? warning.name : type;
    if (name === "ExperimentalWarning") return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    for (const name of builtinModules) {
      if (name.startsWith("_") || SKIPPED_BY_PULUMI.has(name)) continue;
      try {
        require(name);
      } catch {
        // A built-in that cannot load here cannot be captured by the serializer either.
      }
    }
  } finally {
    process.emitWarning = emitWarning;
  }
}
