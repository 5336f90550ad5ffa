/**
 * Serves the provider with `@pulumi/pulumi/provider`'s `main`, closing three gaps of its gRPC server (the
 * same in 3.248 and 3.276) at the gRPC layer, where they are:
 *
 * - `Configure` answers without handing the request's variables to the provider. The wrapper reads them
 *   (`realtimekit:config:apiToken`, or the `args` struct) and passes them on before answering.
 * - On `pulumi import`, `Read` arrives without properties and the stock handler crashes on
 *   `undefined.toJavaScript()`. The wrapper supplies an empty struct, which the provider reads as an import.
 *
 * - It cannot preview updates, so the engine hands back only the new inputs as a preview's outputs: every
 *   output that is not an input (a Meeting's `meetingId`) turns unknown, and whatever depends on it previews
 *   as replaced. The wrapper answers `supportsPreview` and, for a preview `Update`, returns the new inputs
 *   plus the outputs an update never changes (see `previewUpdate`); a preview `Create` gets the inputs, as
 *   the engine would give. Neither calls the API.
 *
 * Everything else is the stock server: the wrapper delegates each method to it unchanged.
 */
import * as grpc from "@grpc/grpc-js";
import { main, type Provider } from "@pulumi/pulumi/provider";
// The same protobuf modules the stock server (de)serializes with.
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { ConfigSource } from "../provider/runtime/config";
import { unwrapDeep } from "./secrets";
import { isRecord } from "../provider/runtime/values";

/** The parts of the protobuf requests the wrapper touches. */
interface ConfigureRequestLike {
  getVariablesMap(): { forEach(callback: (value: string, key: string) => void): void };
  getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
}
interface ReadRequestLike {
  hasProperties(): boolean;
  setProperties(value: unknown): void;
}
interface JsonStruct {
  toJavaScript(): Record<string, unknown>;
}
interface WriteRequestLike {
  getPreview(): boolean;
  getUrn(): string;
  getProperties?(): JsonStruct | undefined;
  getOlds?(): JsonStruct | undefined;
  getNews?(): JsonStruct | undefined;
}

/** What a preview of an update may say about the outputs, from the recorded state and the new inputs. */
export type PreviewUpdate = (
  urn: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
) => Record<string, unknown>;
type Handler = (call: { request: unknown }, callback: (...args: unknown[]) => void) => unknown;

const PACKAGE = "realtimekit";

/**
 * The config a ConfigureRequest carries, as the runtime reads it (`realtimekit:apiToken`). Variables use
 * `<package>:config:<key>` (older engines) or `<package>:<key>`; `args` holds the same values by bare key,
 * possibly as secret envelopes.
 */
export function configFromRequest(
  variables: ReadonlyMap<string, string>,
  args: Record<string, unknown> | undefined,
): ConfigSource & { require(key: string): string } {
  const values = new Map<string, string>();
  const plainArgs = unwrapDeep(args ?? {});
  if (isRecord(plainArgs)) {
    for (const [key, value] of Object.entries(plainArgs)) {
      if (typeof value === "string") values.set(`${PACKAGE}:${key}`, value);
    }
  }
  for (const [key, value] of variables) values.set(key.replace(`${PACKAGE}:config:`, `${PACKAGE}:`), value);
  const get = (key: string): string | undefined => values.get(key);
  return {
    get,
    require(key) {
      const value = get(key);
      if (value === undefined) throw new Error(`Missing required configuration variable '${key}'`);
      return value;
    },
  };
}

function wrapImplementation(
  stock: Record<string, unknown>,
  onConfigure: (config: ReturnType<typeof configFromRequest>) => void,
  previewUpdate: PreviewUpdate,
): object {
  const delegate = (name: string): Handler => {
    const method = stock[name] as Handler;
    return method.bind(stock);
  };
  const configure = delegate("configure");
  const read = delegate("read");
  const create = delegate("create");
  const update = delegate("update");
  const overrides: Record<string, Handler> = {
    configure(call, callback) {
      const request = call.request as ConfigureRequestLike;
      const variables = new Map<string, string>();
      request.getVariablesMap().forEach((value, key) => variables.set(key, value));
      try {
        onConfigure(configFromRequest(variables, request.getArgs()?.toJavaScript()));
      } catch (error) {
        callback(error, undefined);
        return;
      }
      return configure(call, (error: unknown, response: unknown) => {
        (response as provproto.ConfigureResponse | undefined)?.setSupportspreview(true);
        callback(error, response);
      });
    },
    create(call, callback) {
      const request = call.request as WriteRequestLike;
      if (!request.getPreview()) return create(call, callback);
      const response = new provproto.CreateResponse();
      response.setProperties(request.getProperties?.() as Struct | undefined);
      callback(null, response);
    },
    update(call, callback) {
      const request = call.request as WriteRequestLike;
      if (!request.getPreview()) return update(call, callback);
      try {
        const olds = request.getOlds?.()?.toJavaScript() ?? {};
        const news = request.getNews?.()?.toJavaScript() ?? {};
        const response = new provproto.UpdateResponse();
        response.setProperties(Struct.fromJavaScript(previewUpdate(request.getUrn(), olds, news) as never));
        callback(null, response);
      } catch (error) {
        callback(error, undefined);
      }
    },
    read(call, callback) {
      const request = call.request as ReadRequestLike;
      if (!request.hasProperties()) request.setProperties(Struct.fromJavaScript({}));
      return read(call, callback);
    },
  };
  return new Proxy(stock, {
    get(target, key, receiver) {
      if (typeof key === "string" && Object.hasOwn(overrides, key)) return overrides[key];
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * Runs `main(provider, args)` with the Configure, Read, Create and Update handlers wrapped. The stock server registers its
 * handlers with grpc-js's `Server.addService`; that one registration is intercepted, then restored.
 */
export async function serve(
  provider: Provider,
  args: string[],
  hooks: { configure(config: ReturnType<typeof configFromRequest>): void; previewUpdate: PreviewUpdate },
): Promise<void> {
  const original = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (this: grpc.Server, service, implementation) {
    grpc.Server.prototype.addService = original;
    const wrapped = wrapImplementation(
      implementation as Record<string, unknown>,
      (config) => hooks.configure(config),
      hooks.previewUpdate,
    );
    return original.call(this, service, wrapped as grpc.UntypedServiceImplementation);
  };
  try {
    await main(provider, args);
  } finally {
    grpc.Server.prototype.addService = original;
  }
}
