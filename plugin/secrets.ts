/**
 * Pulumi's secret envelope on the wire. The stock provider server answers `acceptSecrets: true` (it must:
 * the engine refuses `construct` from a provider that does not), so the engine sends secret inputs and
 * state wrapped as `{ <sig>: <secret sig>, value }`. The runtime works on plain values, so the adapter
 * unwraps what comes in and wraps again what goes out: otherwise a wrapped token compares unequal to
 * itself (every preview an update) and outputs lose their secrecy.
 */
import { isRecord } from "../provider/runtime/values";

/** The key marking a special value, and the value marking it as a secret (pulumi/sdk `rpc.ts`). */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export type PropertyBag = Record<string, unknown>;

export function isSecretEnvelope(value: unknown): value is { value: unknown } {
  return isRecord(value) && value[SPECIAL_SIG_KEY] === SECRET_SIG;
}

export function secretEnvelope(value: unknown): PropertyBag {
  return isSecretEnvelope(value) ? value : { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

/** The value with every secret envelope, at any depth, replaced by what it holds. */
export function unwrapDeep(value: unknown): unknown {
  if (isSecretEnvelope(value)) return unwrapDeep(value.value);
  if (Array.isArray(value)) return value.map(unwrapDeep);
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unwrapDeep(item)]));
  }
  return value;
}

/** Whether a secret envelope appears anywhere in the value. */
export function containsSecret(value: unknown): boolean {
  if (isSecretEnvelope(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (isRecord(value)) return Object.values(value).some(containsSecret);
  return false;
}

/** A property bag without envelopes, and the names of its top-level properties that held a secret. */
export function unwrapBag(bag: PropertyBag | undefined): { plain: PropertyBag; secretKeys: Set<string> } {
  const plain: PropertyBag = {};
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(bag ?? {})) {
    if (containsSecret(value)) secretKeys.add(key);
    plain[key] = unwrapDeep(value);
  }
  return { plain, secretKeys };
}

/**
 * The bag with each property named in `secretKeys` wrapped as a secret. Absent properties stay absent.
 */
export function wrapBag(bag: PropertyBag | undefined, secretKeys: Iterable<string>): PropertyBag | undefined {
  if (bag === undefined) return undefined;
  const secret = new Set(secretKeys);
  return Object.fromEntries(
    Object.entries(bag).map(([key, value]) => [
      key,
      secret.has(key) && value !== undefined && value !== null ? secretEnvelope(value) : value,
    ]),
  );
}
