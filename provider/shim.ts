import type * as pulumi from "@pulumi/pulumi";
import type { RuntimeModule, ResourceKind } from "./runtime";

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
  const load = (): RuntimeModule => require(RUNTIME_MODULE) as RuntimeModule;
  return {
    async configure(req) {
      load().configure(req.config);
    },
    async check(olds, news) {
      return load().providers[kind].check(olds, news);
    },
    async diff(id, olds, news) {
      return load().providers[kind].diff(id, olds, news);
    },
    async create(inputs) {
      return load().providers[kind].create(inputs);
    },
    async read(id, props) {
      return load().providers[kind].read(id, props);
    },
    async update(id, olds, news) {
      return load().providers[kind].update(id, olds, news);
    },
    async delete(id, props) {
      return load().providers[kind].delete(id, props);
    },
  } as pulumi.dynamic.ResourceProvider<Inputs, Outputs>;
}
