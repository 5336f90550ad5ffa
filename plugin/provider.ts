/**
 * The native plugin's provider: Pulumi's provider protocol (as `@pulumi/pulumi/provider` hands it over)
 * mapped onto the runtime in provider/runtime, which also serves the TypeScript dynamic resources. Every
 * method resolves the resource kind from the type token, strips secret envelopes from what comes in and
 * puts them back on what goes out (./secrets.ts), and calls the runtime's registry: no provider logic here.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import * as runtime from "../provider/runtime";
import type { PropertyMap, ResourceDescription, ResourceKind, RuntimeProvider } from "../provider/runtime";
import { forcedSecrets, secretOutputs, stableOutputs } from "../provider/runtime/inputs";
import { onBehalfOf } from "../provider/runtime/diagnostics";
import { OWNER_KEY } from "../provider/runtime/protocol";
import { isRecord } from "../provider/runtime/values";
import { readForImport } from "./import-read";
import { constructRoster } from "./roster";
import { unwrapBag, unwrapDeep, wrapBag, type PropertyBag } from "./secrets";

/** The package's resource type tokens and the runtime kind each one maps to, from the descriptions. */
export const RESOURCE_KINDS: Readonly<Record<string, ResourceKind>> = Object.fromEntries(
  Object.entries(runtime.resourceDescriptions)
    .filter(([, description]) => description.kind === "resource")
    .map(([kind, description]) => [description.token, kind as ResourceKind]),
);

export const GET_MEETING_PARTICIPANTS = "realtimekit:index:getMeetingParticipants";

/**
 * The outputs a preview of an update reports (wire values: secret envelopes pass through as they are):
 * the new inputs plus the outputs the description marks stable (the ids the API assigned and the place a
 * resource was created in), so what depends on them stays known; every other output is left out, which
 * the engine shows as unknown until `pulumi up` computes it.
 */
export function previewUpdate(
  urn: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Record<string, unknown> {
  const { description } = kindOf(urn);
  const stable = Object.fromEntries(
    stableOutputs(description)
      .filter((key) => olds[key] !== undefined)
      .map((key) => [key, olds[key]]),
  );
  return { ...news, ...stable };
}

/** The resource type of a URN (`urn:pulumi:<stack>::<project>::<parent$>type::<name>`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

interface Kind {
  kind: ResourceKind;
  runtime: RuntimeProvider;
  description: ResourceDescription;
}

function kindOf(urn: string): Kind {
  const type = typeOfUrn(urn);
  const kind = Object.hasOwn(RESOURCE_KINDS, type) ? RESOURCE_KINDS[type] : undefined;
  const found = kind === undefined ? undefined : runtime.providers[kind];
  if (kind === undefined || found === undefined) {
    throw new Error(
      `realtimekit has no resource type "${type}" (known: ${Object.keys(RESOURCE_KINDS).join(", ")})`,
    );
  }
  return { kind, runtime: found, description: runtime.resourceDescriptions[kind] };
}

/**
 * What goes out secret: what came in secret, the inputs that hold a value described as secret (a Meeting's
 * `recordingConfig` with a storage credential, as the TypeScript Meeting does), and the outputs described
 * as secret (the join token).
 */
function secretKeysOf(
  description: ResourceDescription,
  ...bags: { plain: PropertyBag; secretKeys: Set<string> }[]
): Set<string> {
  const keys = new Set<string>(secretOutputs(description));
  for (const bag of bags) {
    bag.secretKeys.forEach((key) => keys.add(key));
    forcedSecrets(description, bag.plain).forEach((key) => keys.add(key));
  }
  return keys;
}

/** A partial-failure error (created but not initialized) carries state: its secrets are wrapped too. */
function withWrappedState(error: unknown, secretKeys: Set<string>): unknown {
  if (error instanceof Error && isRecord((error as { properties?: unknown }).properties)) {
    const failed = error as Error & { properties: PropertyBag };
    failed.properties = wrapBag(failed.properties, secretKeys) ?? {};
  }
  return error;
}

/** The provider object for `provider.main`. */
export function realtimekitProvider(options: { version: string; schema: () => string }): provider.Provider {
  return {
    version: options.version,
    getSchema: async () => options.schema(),

    async check(urn, olds, news) {
      const { description, runtime: kindRuntime } = kindOf(urn);
      const oldBag = unwrapBag(olds);
      const newBag = unwrapBag(news);
      // The URN names the resource in the deployment's participant claims (runtime/participant/claims.ts).
      const result = await kindRuntime.check(oldBag.plain, { ...newBag.plain, [OWNER_KEY]: urn });
      return {
        inputs: wrapBag(result.inputs as PropertyMap | undefined, secretKeysOf(description, newBag)),
        failures: result.failures,
      };
    },

    async diff(id, urn, olds, news) {
      const { description, runtime: kindRuntime } = kindOf(urn);
      const result = await kindRuntime.diff(id, unwrapBag(olds).plain, unwrapBag(news).plain);
      return description.deleteBeforeReplace ? { ...result, deleteBeforeReplace: true } : result;
    },

    async create(urn, inputs) {
      const { description, runtime: kindRuntime } = kindOf(urn);
      const bag = unwrapBag(inputs);
      const secretKeys = secretKeysOf(description, bag);
      try {
        const result = await kindRuntime.create(bag.plain);
        return { id: result.id, outs: wrapBag(result.outs as PropertyMap | undefined, secretKeys) };
      } catch (error) {
        throw withWrappedState(error, secretKeys);
      }
    },

    async read(id, urn, props) {
      const { kind, description, runtime: kindRuntime } = kindOf(urn);
      const bag = unwrapBag(props as PropertyBag | undefined);
      const result = await readForImport(kind, kindRuntime, id, bag.plain);
      if (result.id === undefined || result.id === "" || result.props === undefined) return { id: "" };
      // The rule applies to the record read as well: an import has no secret of its own to carry over, and a
      // credential the API returned must not reach the state in plaintext.
      const secretKeys = secretKeysOf(
        description,
        bag,
        { plain: result.props as PropertyBag, secretKeys: new Set() },
        { plain: (result.inputs ?? {}) as PropertyBag, secretKeys: new Set() },
      );
      return {
        id: result.id,
        props: wrapBag(result.props as PropertyMap, secretKeys),
        inputs: wrapBag(
          result.inputs as PropertyMap | undefined,
          [...secretKeys].filter((key) => Object.hasOwn(description.inputs.properties, key)),
        ),
      };
    },

    async update(id, urn, olds, news) {
      const { description, runtime: kindRuntime } = kindOf(urn);
      const oldBag = unwrapBag(olds);
      const newBag = unwrapBag(news);
      const secretKeys = secretKeysOf(description, newBag);
      try {
        const result = await kindRuntime.update(id, oldBag.plain, newBag.plain);
        return { outs: wrapBag(result.outs as PropertyMap | undefined, secretKeys) };
      } catch (error) {
        throw withWrappedState(error, secretKeys);
      }
    },

    async delete(id, urn, props) {
      const { runtime: kindRuntime } = kindOf(urn);
      // Warnings the delete gives (an App that remains) are shown against this resource.
      await onBehalfOf(urn, () => kindRuntime.delete(id, unwrapBag(props).plain));
    },

    async construct(name, type, inputs, opts): Promise<provider.ConstructResult> {
      const roster = runtime.resourceDescriptions.roster.token;
      if (type !== roster) throw new Error(`realtimekit has no component "${type}" (known: ${roster})`);
      return constructRoster(name, inputs, opts as pulumi.ComponentResourceOptions);
    },

    async invoke(token, inputs) {
      if (token !== GET_MEETING_PARTICIPANTS) {
        throw new Error(`realtimekit has no function "${token}" (known: ${GET_MEETING_PARTICIPANTS})`);
      }
      const plain = unwrapDeep(inputs);
      const { args, failures } = runtime.functionChecks.getMeetingParticipants(isRecord(plain) ? plain : {});
      if (failures.length > 0) return { failures };
      return { outputs: await runtime.functions.getMeetingParticipants(args) };
    },
  };
}
