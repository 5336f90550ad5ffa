/**
 * Writes the package schema and the reference docs, both from the runtime's input description, into the
 * folder given (generated/ by default): `schema.json`, `docs/*.md`, `typescript/described.ts` (the TypeScript
 * surface's words) and the folder's README. scripts/sdks.sh
 * then generates the language SDKs from that schema.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "../plugin/schema";
import { format, resolveConfig } from "prettier";
import { referencePages } from "../plugin/schema/docs";
import { typescriptSurface } from "../plugin/schema/typescript";
import { version } from "../package.json";

const README = `# Generated: do not edit

Everything in this folder is generated from the runtime's one description of every input
(provider/runtime) by \`make sdks\`; \`make check-generated\` (part of CI) fails when it is stale.

- \`schema.json\`: the Pulumi package schema the plugin serves from GetSchema
  (\`pulumi package get-schema <plugin>\` prints the same).
- \`sdk/go\`: the Go SDK (module \`pulumi-realtimekit/sdk/go\`), by Pulumi's Go code generator.
- \`sdk/python\`: the Python SDK (package \`pulumi_realtimekit\`), by Pulumi's Python code generator.
- \`docs/\`: the reference, one page per resource, component and function.
- \`typescript/described.ts\`: the TypeScript classes' arguments and properties with the description's
  words as JSDoc (their types are derived from the description in provider/runtime/described.ts).

To change any of it, change the description (or the generator in plugin/schema, scripts/sdkgen) and run
\`make sdks\`.
`;

const out = process.argv[2] ?? "generated";
mkdirSync(join(out, "docs"), { recursive: true });
writeFileSync(join(out, "README.md"), README);
writeFileSync(join(out, "schema.json"), `${JSON.stringify(packageSchema({ version }), null, 2)}\n`);
for (const [name, text] of Object.entries(referencePages())) writeFileSync(join(out, "docs", name), text);
mkdirSync(join(out, "typescript"), { recursive: true });
const surface = join(out, "typescript", "described.ts");
// The repository's prettier options whatever the output folder (`--check` writes to a temporary one).
void resolveConfig(join(__dirname, "..", "generated", "typescript", "described.ts"))
  .then((options) => format(typescriptSurface(), { ...options, filepath: surface }))
  .then((text) => writeFileSync(surface, text));
