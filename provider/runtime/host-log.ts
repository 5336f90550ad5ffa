/**
 * The dynamic-provider host (@pulumi/pulumi's cmd/dynamic-provider) answers a failed check, diff, read or
 * delete twice: as the resource's error, which the engine prints under the resource, and as
 * `console.error(`${e}: ${e.stack}`)`, which the engine prints again under the stack, with a stack trace
 * into files a user never sees. A failure of this runtime is said once: that one line, for an error this
 * runtime threw, is not printed. Every other line reaches the console unchanged.
 */

/** The exact lines the host is about to print for errors this runtime threw. */
const expected = new Set<string>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]): void => {
    if (args.length === 1 && typeof args[0] === "string" && expected.delete(args[0])) return;
    print(...args);
  };
}

/** Runs a host-called method; if it throws, the host's stack-trace line for that error is not printed. */
export async function quietlyFailing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) {
      install();
      // What the host prints: `${e}: ${e.stack}`.
      expected.add(`${String(error)}: ${error.stack}`);
    }
    throw error;
  }
}
