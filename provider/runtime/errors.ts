/**
 * The one error format every provider operation surfaces to `pulumi up`: `Could not <operation>: <cause>`.
 * SDK messages carry no secret, so the cause is quoted as is.
 */

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `Could not <operation>: <cause><hint>`, keeping the original as `cause`. An error that is already in this
 * format is returned unchanged, so nested operations never stack two prefixes.
 */
export function wrap(operation: string, error: unknown, hint = ""): Error {
  if (error instanceof Error && error.message.startsWith("Could not ")) return error;
  return new Error(`Could not ${operation}: ${messageOf(error)}${hint}`, { cause: error });
}

/** Runs `run`, wrapping what it throws (see {@link wrap}); `hint` may add a sentence about the cause. */
export async function withContext<T>(
  operation: string,
  run: () => Promise<T>,
  hint: (error: unknown) => string = () => "",
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw wrap(operation, error, hint(error));
  }
}

/** {@link withContext} for synchronous work (resolving config and building a client). */
export function withContextSync<T>(operation: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw wrap(operation, error);
  }
}
