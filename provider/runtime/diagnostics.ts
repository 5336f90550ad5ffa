/**
 * Warnings from the runtime to the person running `pulumi`: sent to the engine's Log RPC with WARNING
 * severity, so the CLI shows them as warnings (beside the resource when its URN is known) and not as a
 * plugin's stray stderr lines. Each host says where the engine is: the dynamic-provider host and the native
 * plugin both receive its address as their first argument. Outside a host (tests) warnings go to stderr.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as enginePb from "@pulumi/pulumi/proto/engine_pb";

/** Delivers one warning, against a resource's URN ("" for none). */
export type WarningSink = (message: string, urn: string) => Promise<void>;

let sink: WarningSink = async (message) => {
  process.stderr.write(`warning: ${message}\n`);
};
const currentResource = new AsyncLocalStorage<string>();

/** Where warnings go from now on. */
export function setWarningSink(next: WarningSink): void {
  sink = next;
}

/** Runs `run` on behalf of the resource `urn`: warnings it gives are shown against that resource. */
export function onBehalfOf<T>(urn: string, run: () => Promise<T>): Promise<T> {
  return currentResource.run(urn, run);
}

/** Shows `message` as a warning of the current resource (see {@link onBehalfOf}). Never throws. */
export async function warn(message: string): Promise<void> {
  try {
    await sink(message, currentResource.getStore() ?? "");
  } catch {
    process.stderr.write(`warning: ${message}\n`);
  }
}

/** The engine address a host was started with (its first argument that is not a flag), if any. */
export function engineAddressOf(args: readonly string[]): string | undefined {
  const address = args.find((arg) => !arg.startsWith("-"));
  return address !== undefined && /^[\w.[\]:-]+:\d+$/.test(address) ? address : undefined;
}

/** A sink that calls the engine's Log RPC at `address` (the client is made on the first warning). */
export function engineWarningSink(address: string): WarningSink {
  let client: engineGrpc.EngineClient | undefined;
  return (message, urn) => {
    // Loaded on first use: most deployments never warn, and the runtime stays cheap to load.
    const grpc = require("@grpc/grpc-js") as typeof grpcTypes;
    const pb = require("@pulumi/pulumi/proto/engine_pb") as typeof enginePb;
    const rpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as typeof engineGrpc;
    client ??= new rpc.EngineClient(address, grpc.credentials.createInsecure());
    const request = new pb.LogRequest();
    request.setSeverity(pb.LogSeverity.WARNING);
    request.setMessage(message);
    request.setUrn(urn);
    const engine = client;
    return new Promise((resolve, reject) =>
      engine.log(request, (error) => (error ? reject(error) : resolve())),
    );
  };
}
