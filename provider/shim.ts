import * as pulumi from "@pulumi/pulumi";
import { requireCredentials } from "./credentials";
import { loadBuiltinsQuietly } from "./quiet-builtins";
import {
  describedOptions,
  holdsSecret,
  inputsThatMayHoldSecrets,
  outputSlots,
  resourceDescriptions,
} from "./runtime/inputs";
import type { DescribedProperties } from "../generated/typescript/described";
import type { InputsOf, OutputsOf } from "./runtime/described";
import type { PropertyMap, ResourceKind, RuntimeModule, RuntimeProvider } from "./runtime/protocol";

/**
 * The package's runtime module, loaded by name at call time from the Pulumi project's node_modules.
 * Loading by name (rather than capturing code) keeps `__provider` in state tiny and secret-free, and makes
 * refresh and destroy of old resources run the installed version instead of a stale serialized copy.
 */
const RUNTIME_MODULE = "pulumi-realtimekit/runtime";

/**
 * What every resource of `kind` stores as `__provider`: a one-line module for the dynamic-provider host,
 * whose handler returns the installed runtime's provider for the kind. Written by hand rather than by
 * Pulumi's closure serializer, whose output for the same forwarding object is about 3 KB; the state holds
 * this text twice per resource (inputs and outputs) and the file backend rewrites the whole state after
 * every step, so its size is paid on every step of every update.
 */
export function serializedProvider(kind: ResourceKind): string {
  return `exports.handler = () => require(${JSON.stringify(RUNTIME_MODULE)}).dynamicProvider(${JSON.stringify(kind)});\n`;
}

/**
 * A dynamic resource served by the runtime: registered exactly as `pulumi.dynamic.Resource` registers one
 * (type `pulumi-nodejs:dynamic/realtimekit:<type>`, the provider text in `__provider`), but with the text of
 * {@link serializedProvider} instead of a serialized closure.
 */
export class RuntimeResource extends pulumi.CustomResource {
  /**
   * Registers a resource of `kind` with what its description says: every output as a property (the engine
   * registers only the outputs present in the props), inputs that hold a value described as secret made
   * secret, delete-first replacement and secret outputs as options (`opts` may override them). Fails the
   * program first when credentials are missing (./credentials.ts).
   */
  constructor(kind: ResourceKind, name: string, args: object, opts?: pulumi.CustomResourceOptions) {
    const description = resourceDescriptions[kind];
    requireCredentials(description, args as Record<string, unknown>);
    const props: pulumi.Inputs = { ...outputSlots(description), ...args };
    for (const key of inputsThatMayHoldSecrets(description)) {
      const schema = description.inputs.properties[key as keyof typeof description.inputs.properties];
      if (props[key] !== undefined) {
        props[key] = pulumi
          .output(props[key])
          .apply((value: unknown) => (holdsSecret(schema, value) ? pulumi.secret(value) : value));
      }
    }
    // Registering a resource makes @pulumi/pulumi create four promises per property (16 properties for a
    // Participant), each stamped with `new Error().stack` for its promise-leak report; under ts-node every
    // such stack is rewritten by source-map-support, which profiled as most of a large Roster's program
    // time. The stamps are only printed with PULUMI_DEBUG_PROMISE_LEAKS, so they are skipped otherwise.
    // The resource's own source position is unaffected: Pulumi lifts the limit while it records it.
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      super(
        `pulumi-nodejs:dynamic/realtimekit:${description.name}`,
        name,
        { ...props, __provider: serializedProvider(kind) },
        pulumi.mergeOptions(describedOptions(description), opts),
      );
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

type Descriptions = typeof resourceDescriptions;
/** The arguments of the dynamic resource of `kind`: its described inputs, as `pulumi.Input`s. */
export type ArgsOf<K extends ResourceKind> = InputsOf<Descriptions[K]["inputs"]>;
/** The properties of the dynamic resource of `kind`: its described outputs, as `pulumi.Output`s. */
export type PropertiesOf<K extends ResourceKind> = OutputsOf<Descriptions[K]["outputs"]>;

/**
 * {@link RuntimeResource} typed by its kind's description: `class Participant extends
 * DescribedResource<"participant">` takes the described inputs and has the described outputs as
 * properties (with the description's words, from generated/typescript/described.ts), so a class never
 * lists them. The same class at run time, so a resource's source position
 * (Pulumi takes a fixed depth of the constructor stack) stays the class the program called.
 */
export const DescribedResource = RuntimeResource as unknown as new <K extends ResourceKind>(
  kind: K,
  name: string,
  // Described inputs, plus hidden ones that are no argument (a Participant's URN for the claims).
  args: ArgsOf<K> & pulumi.Inputs,
  opts?: pulumi.CustomResourceOptions,
) => RuntimeResource & DescribedProperties[K];

/**
 * A `ResourceProvider` whose methods forward to the runtime, for calling a kind's provider directly (tests,
 * or a program's own `pulumi.dynamic.Resource`). Resources created by version 0.1.0 stored this object's
 * serialized closure as `__provider`; the runtime keeps `configure` and `providers` for them.
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
