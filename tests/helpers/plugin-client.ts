/**
 * A gRPC client for the plugin process, speaking the provider protocol the way the engine does, so tests
 * can send exactly the requests the stock server mishandles (no properties on import, secret envelopes,
 * config only in ConfigureRequest.variables).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";

type Unary = (
  request: object,
  callback: (error: grpc.ServiceError | null, response: unknown) => void,
) => unknown;
/** The unary methods of the provider service the tests call. */
export type ProviderMethod = "getSchema" | "configure" | "check" | "diff" | "create" | "read" | "invoke";

export interface PluginClient {
  client: provrpc.ResourceProviderClient;
  /** One unary call; `Res` is the response message type of `method`. */
  call<Res>(method: ProviderMethod, request: object): Promise<Res>;
  /** What the plugin wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Starts the plugin's launcher and connects to the port it prints (polled, with a deadline). */
export async function startPlugin(
  launcher: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PluginClient> {
  const child: ChildProcess = spawn(launcher, [], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the plugin printed no port in 20 s; stderr: ${stderr}`)),
      20_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^(\d+)\s*$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`the plugin exited with ${code}; stderr: ${stderr}`)));
  });
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    client,
    call<Res>(method: ProviderMethod, request: object) {
      const unary = client[method] as unknown as Unary;
      return new Promise<Res>((resolve, reject) =>
        unary.call(client, request, (error, response) => (error ? reject(error) : resolve(response as Res))),
      );
    },
    stderr: () => stderr,
    async close() {
      client.close();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

export const struct = (value: Record<string, unknown>): Struct =>
  Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);

export { provproto };
