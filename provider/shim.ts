import type * as pulumi from "@pulumi/pulumi";
import { loadBuiltinsQuietly } from "./quiet-builtins";
import type { PropertyMap, ResourceKind, RuntimeModule, RuntimeProvider } from "./runtime/protocol";

/**
 * The package's runtime module, loaded by name at call time from the Pulumi project's node_modules.
 * Loading by name (rather than capturing code) keeps `__provider` in state tiny and secret-free, and makes
 * refresh and destroy of old resources run the installed version instead of a stale serialized copy.
 */
const RUNTIME_MODULE = "pulumi-realtimekit/runtime";

/**
 * The provider object that Pulumi serializes into `__provider`: every method forwards to the runtime.
 * It captures only `kind` and the module name, so its text never changes between package versions.
 */
export function runtimeShim<Inputs, Outputs>(
  kind: ResourceKind,
): pulumi.dynamic.ResourceProvider<Inputs, Outputs> {
  loadBuiltinsQuietly(); // before Pulumi serializes this shim
  const load = (): RuntimeModule => require(RUNTIME_MODULE) as RuntimeModule;
  const provider = (): RuntimeProvider => {
    const found = load().providers[kind];
    if (!found) throw new Error(`${RUNTIME_MODULE} has no "${kind}" provider: reinstall pulumi-realtimekit`);
    return found;
  };
  const shim: pulumi.dynamic.ResourceProvider<PropertyMap, PropertyMap> = {
    async configure(req) {
      load().configure(req.config);
    },
    async check(olds, news) {
      return provider().check(olds, news);
    },
    async diff(id, olds, news) {
      return provider().diff(id, olds, news);
    },
    async create(inputs) {
      return provider().create(inputs);
    },
    async read(id, props) {
      return provider().read(id, props);
    },
    async update(id, olds, news) {
      return provider().update(id, olds, news);
    },
    async delete(id, props) {
      return provider().delete(id, props);
    },
  };
  // The host passes plain property bags whatever the program-side types say; the runtime parses them.
  return shim as unknown as pulumi.dynamic.ResourceProvider<Inputs, Outputs>;
}
