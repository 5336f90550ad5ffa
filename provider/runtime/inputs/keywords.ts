/**
 * The extension keywords an input description carries besides standard JSON Schema (`type`, `required`,
 * `minLength`, `maxLength`, `pattern`, `minimum`, `maximum`, `anyOf` of `const`s for enums, `format`,
 * `additionalProperties: false`, `description`). Every keyword is plain data, so a generator reads them
 * from the JSON without running any of this package's code.
 */
import { FormatRegistry, Type, type TSchema } from "@sinclair/typebox";
import type { ConfigKey } from "../config";
import { isHttpUrl, isLoopbackUrl, type Disclosure } from "../values";

export type { Disclosure } from "../values";

/** The annotations of one property. All optional; absent means the default in brackets. */
export interface InputAnnotations {
  /** Completes "`<property>` must be …" in a check failure. [derived from the type and constraints] */
  "x-expected"?: string;
  /** How much of a rejected value a failure may show (see values.ts). ["number" for numbers, "enum" for
   * enums, "nothing" for secrets, else "shape"] */
  "x-disclosure"?: Disclosure;
  /** Applied before validation and kept as the stored input. ["none"] */
  "x-normalize"?: "trim";
  /** A change replaces the resource (Pulumi schema `replaceOnChanges`). [false: updated in place] */
  "x-replaceOnChanges"?: boolean;
  /** A change is recorded in state and calls no API (a provider setting). [false] */
  "x-stateOnly"?: boolean;
  /** A Pulumi secret (Pulumi schema `secret`); never described in a failure. [false] */
  "x-secret"?: boolean;
  /** The config value an omitted input falls back to at call time (a row of CONFIG_VARIABLES). */
  "x-defaultFrom"?: ConfigKey;
  /**
   * A component argument that decides which children exist (and so must be a plain value known when the
   * program runs); every other argument of a component is passed on to each child as is. [false]
   */
  "x-decidesChildren"?: boolean;
  /** An output an update never changes (an assigned id, where it lives): a preview reports it as is. [false] */
  "x-stable"?: boolean;
  /** Why a limit is what it is, when it is a guess rather than a documented API limit. */
  "x-limitSource"?: string;
}

/** The `format` of an absolute http(s) URL with a host: the only URLs the API accepts. */
export const HTTP_URL_FORMAT = "http-url";
FormatRegistry.Set(HTTP_URL_FORMAT, (value) => isHttpUrl(value));

/** The `format` of a webhook's URL: absolute https, or http to a loopback host (a local receiver). */
export const WEBHOOK_URL_FORMAT = "https-url";
FormatRegistry.Set(
  WEBHOOK_URL_FORMAT,
  (value) => isHttpUrl(value, ["https:"]) || (isHttpUrl(value, ["http:"]) && isLoopbackUrl(value)),
);

/**
 * Characters an id must not contain: C0 and C1 controls (a newline could forge a log line), zero-width and
 * bidirectional controls (an id that displays as another), and the byte-order mark.
 */
export const NO_CONTROL_CHARACTERS =
  "^[^\\u0000-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF]*$";
/** Characters free text must not contain: C0 and C1 controls (bidirectional marks are real text). */
export const NO_CONTROL_CODES = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";

/** Options of a described property: JSON Schema constraints plus {@link InputAnnotations}. */
export type Described<T extends object = object> = T & InputAnnotations & { description: string };

/** A schema's annotations, read without consulting the prototype chain. */
export function annotationsOf(schema: TSchema): InputAnnotations {
  const own = (key: keyof InputAnnotations): unknown =>
    Object.hasOwn(schema, key) ? schema[key] : undefined;
  return {
    "x-expected": own("x-expected") as string | undefined,
    "x-disclosure": own("x-disclosure") as Disclosure | undefined,
    "x-normalize": own("x-normalize") as "trim" | undefined,
    "x-replaceOnChanges": own("x-replaceOnChanges") as boolean | undefined,
    "x-stateOnly": own("x-stateOnly") as boolean | undefined,
    "x-secret": own("x-secret") as boolean | undefined,
    "x-defaultFrom": own("x-defaultFrom") as ConfigKey | undefined,
    "x-decidesChildren": own("x-decidesChildren") as boolean | undefined,
    "x-stable": own("x-stable") as boolean | undefined,
  };
}

/** An enum as JSON Schema `anyOf` of `const`s, which TypeBox checks and infers as a union of literals. */
export function oneOf<const V extends string>(
  values: readonly V[],
  options: Described<object> | { description?: string } = {},
) {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  );
}

/** An object schema's properties split by what a change to them does (read from their annotations). */
export function changeKinds<K extends string>(
  properties: Readonly<Record<K, TSchema>>,
): {
  replace: K[];
  update: K[];
  stateOnly: K[];
} {
  const keys = Object.keys(properties) as K[];
  const kinds = { replace: [] as K[], update: [] as K[], stateOnly: [] as K[] };
  for (const key of keys) {
    const annotations = annotationsOf(properties[key]);
    if (annotations["x-replaceOnChanges"]) kinds.replace.push(key);
    else if (annotations["x-stateOnly"]) kinds.stateOnly.push(key);
    else kinds.update.push(key);
  }
  return kinds;
}
