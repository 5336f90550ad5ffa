/**
 * Entry point of `pulumi-resource-realtimekit` (bundled into one file by `make plugin`): the engine runs
 * the launcher, the launcher runs this with node, and this serves the provider over gRPC.
 */
import * as runtime from "../provider/runtime";
import { engineAddressOf, engineWarningSink, setWarningSink } from "../provider/runtime/diagnostics";
import { packageSchema } from "./schema";
import { previewUpdate, realtimekitProvider } from "./provider";
import { serve } from "./server";
import { version } from "../package.json";

const schema = JSON.stringify(packageSchema({ version }));
// The engine passes its address first: the runtime's warnings go to its Log RPC, against the resource.
const engine = engineAddressOf(process.argv.slice(2));
if (engine !== undefined) setWarningSink(engineWarningSink(engine));

serve(realtimekitProvider({ version, schema: () => schema }), process.argv.slice(2), {
  configure: (config) => runtime.configurePlugin(config),
  previewUpdate,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
