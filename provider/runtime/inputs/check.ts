/**
 * The one `check`: validates a property bag against a resource's input description, with no network call.
 * TypeBox's `Value.Errors` finds what is wrong, with its path; this module only words it, from the schema:
 * "`<path>` must be <x-expected or a text derived from the type>; got <the value as far as its disclosure
 * allows>". Values the engine does not know yet (preview) pass. Lookups never consult the prototype chain:
 * keys such as `constructor`, `toString` or `__proto__` are unknown keys at every level.
 */
import type { Static, TObject, TSchema } from "@sinclair/typebox";
import { ValueErrorType, type ValueError } from "@sinclair/typebox/errors";
import { Value } from "@sinclair/typebox/value";
import { OWNER_KEY, PROVIDER_KEY, SOURCE_KEY, type PropertyMap } from "../protocol";
import { UNKNOWN, describeValue, isRecord, type Disclosure } from "../values";
import { PATH_SEGMENT } from "./common";
import { HTTP_URL_FORMAT, NO_CONTROL_CHARACTERS, NO_CONTROL_CODES, annotationsOf } from "./keywords";

/** One thing wrong with the inputs: the dotted path of the property (`recordingConfig.videoConfig.width`). */
export interface InputProblem {
  property: string;
  reason: string;
}

/** What {@link checkInputs} needs of a resource description. */
export interface Checkable<Inputs extends TObject = TObject> {
  /** The resource's name in messages (`Participant`). */
  name: string;
  inputs: Inputs;
  outputs?: TObject;
}

/** How a failing pattern is worded, for the patterns the descriptions use. */
const PATTERN_TEXT: Readonly<Record<string, string>> = {
  [NO_CONTROL_CHARACTERS]: "free of control, zero-width and bidirectional characters",
  [NO_CONTROL_CODES]: "free of control characters (such as a newline or a tab)",
};

/**
 * Validates `bag` against `description.inputs`: `inputs` is the normalized bag holding only described
 * inputs (nothing else is ever stored), `failures` one problem per bad property, in the description's order.
 * `undefined` and `null` mean "not set"; outputs of the resource are tolerated while they carry no value.
 * `inputs` has the described type when `failures` is empty, except that a value the engine does not know
 * yet (preview) is the unknown sentinel wherever it stands.
 */
export function checkInputs<Inputs extends TObject>(
  description: Checkable<Inputs>,
  bag: PropertyMap,
): { inputs: Static<Inputs>; failures: InputProblem[] } {
  const schema = description.inputs;
  const known = ownKeys(schema.properties);
  const outputsOnly = ownKeys(description.outputs?.properties).filter((key) => !known.includes(key));
  const inputsList = `the inputs are: ${known.join(", ")}`;
  const ranked: { rank: number; problem: InputProblem }[] = [];
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(bag)) {
    if (key === PROVIDER_KEY || key === OWNER_KEY || key === SOURCE_KEY) continue;
    if (known.includes(key)) {
      if (value !== undefined && value !== null)
        entries.push([key, normalize(value, schema.properties[key])]);
    } else if (outputsOnly.includes(key)) {
      if (value === undefined || value === null) continue;
      const reason = `${quote(key)} is an output of ${description.name} and cannot be set; ${inputsList}`;
      ranked.push({ rank: -1, problem: { property: key, reason } });
    } else {
      const reason = `${quote(key)} is not a ${description.name} input; ${inputsList}`;
      ranked.push({ rank: -1, problem: { property: key, reason } });
    }
  }
  // fromEntries defines own properties, so even a described key can never reach a prototype setter.
  const inputs: PropertyMap = Object.fromEntries(entries);
  const seen = new Set<string>();
  for (const problem of problemsOf(schema, inputs, [])) {
    if (seen.has(problem.property)) continue;
    seen.add(problem.property);
    ranked.push({ rank: known.indexOf(problem.property.split(/[.[]/)[0]), problem });
  }
  const failures = ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.problem);
  return { inputs: inputs as Static<Inputs>, failures };
}

/**
 * Inputs as `check` returned them, typed: what create and update receive. Anything that fails the
 * description means the engine sent something unexpected, and fails naming the resource.
 */
export function checkedInputs<Inputs extends TObject>(
  description: Checkable<Inputs>,
  bag: PropertyMap,
): Static<Inputs> {
  const { inputs, failures } = checkInputs(description, bag);
  if (failures.length > 0) {
    throw new Error(
      `Invalid ${description.name} inputs: ${failures.map((failure) => failure.reason).join("; ")}`,
    );
  }
  return inputs;
}

/**
 * Outputs read back from state, tolerating what any version wrote: each described output the bag holds, as
 * it is (nothing else). Values are not re-checked: a rule tightened since must not lock a resource out of
 * refresh and destroy.
 */
export function storedOutputs<Outputs extends TObject>(
  description: { outputs: Outputs },
  bag: PropertyMap,
): Partial<Static<Outputs>> {
  return described(description.outputs, bag);
}

/** The properties of `schema` that `bag` sets (not undefined or null), as they are, in the schema's order. */
export function described<S extends TObject>(schema: S, bag: PropertyMap): Partial<Static<S>> {
  const kept = ownKeys(schema.properties).filter(
    (key) => Object.hasOwn(bag, key) && bag[key] !== undefined && bag[key] !== null,
  );
  return Object.fromEntries(kept.map((key) => [key, bag[key]])) as Partial<Static<S>>;
}

/** The engine prints a failure's top-level input value next to it; an empty property keeps it from echoing. */
export function forEngine(failures: readonly InputProblem[]): InputProblem[] {
  return failures.map((failure) => ({ property: "", reason: failure.reason }));
}

function* problemsOf(schema: TSchema, value: unknown, prefix: string[]): Generator<InputProblem> {
  for (const error of Value.Errors(schema, value)) {
    const segments = [...prefix, ...pointerSegments(error.path)];
    if (passesUnknown(value, pointerSegments(error.path))) continue;
    const property = dotted(segments);
    if (error.type === ValueErrorType.ObjectAdditionalProperties) {
      const parent = dotted(segments.slice(0, -1));
      const fields = ownKeys((error.schema as TObject).properties).join(", ");
      yield {
        property,
        reason: `${quote(property)} is not a field of ${quote(parent)}; its fields are: ${fields}`,
      };
    } else if (error.type === ValueErrorType.ObjectRequiredProperty) {
      yield { property, reason: `${quote(property)} is required: ${expectedOf(error.schema)}` };
    } else if (error.type === ValueErrorType.Union && variantFor(error)) {
      // A nullable object, say: the variant of the value's own type says exactly which field is wrong.
      yield* problemsOf(variantFor(error) as TSchema, error.value, segments);
    } else {
      yield { property, reason: invalid(property, error) };
    }
  }
}

function invalid(property: string, error: ValueError): string {
  const schema = error.schema;
  let expected = expectedOf(schema);
  if (error.type === ValueErrorType.StringMaxLength)
    expected = `at most ${String(schema.maxLength)} characters long`;
  if (error.type === ValueErrorType.StringPattern) {
    const pattern = String(schema.pattern);
    if (Object.hasOwn(PATTERN_TEXT, pattern)) expected = `${expectedOf(schema)}, ${PATTERN_TEXT[pattern]}`;
  }
  return `${quote(property)} must be ${expected}; got ${describeValue(error.value, disclosureOf(schema))}`;
}

/** The union member of the value's JSON type, when it is an object or a list (so its fields can be checked). */
function variantFor(error: ValueError): TSchema | undefined {
  const variants = (error.schema.anyOf ?? []) as TSchema[];
  const type = Array.isArray(error.value) ? "array" : isRecord(error.value) ? "object" : undefined;
  return type === undefined ? undefined : variants.find((variant) => variant.type === type);
}

/** "`<path>` must be …": the schema's `x-expected`, or a text derived from its type and constraints. */
export function expectedOf(schema: TSchema): string {
  const annotated = annotationsOf(schema)["x-expected"];
  if (annotated !== undefined) return annotated;
  const variants = (schema.anyOf ?? []) as TSchema[];
  if (variants.length > 0) {
    if (variants.every((variant) => Object.hasOwn(variant, "const"))) {
      return `one of ${variants.map((variant) => JSON.stringify(variant.const)).join(", ")}`;
    }
    return variants.map((variant) => (variant.type === "null" ? "null" : expectedOf(variant))).join(" or ");
  }
  switch (schema.type) {
    case "boolean":
      return "true or false";
    case "string":
      if (schema.format === HTTP_URL_FORMAT) return "an absolute http(s) URL";
      if (schema.pattern === PATH_SEGMENT) return 'a non-empty string of letters, digits, "-", "_" or "."';
      return typeof schema.minLength === "number" && schema.minLength > 0 ? "a non-empty string" : "a string";
    case "integer":
    case "number": {
      const kind = schema.type === "integer" ? "an integer" : "a number";
      if (typeof schema.minimum === "number" && typeof schema.maximum === "number") {
        return `${kind} between ${schema.minimum} and ${schema.maximum}`;
      }
      return typeof schema.minimum === "number" ? `${kind} of at least ${schema.minimum}` : kind;
    }
    case "array": {
      const items = schema.items as TSchema | undefined;
      const most = typeof schema.maxItems === "number" ? ` (at most ${schema.maxItems})` : "";
      return items?.type === "string" ? `a list of strings${most}` : `a list${most}`;
    }
    case "object":
      return "an object";
    default:
      return "a valid value";
  }
}

/** How much of a rejected value the failure may show: the schema's `x-disclosure`, else by its type. */
export function disclosureOf(schema: TSchema): Disclosure {
  const annotations = annotationsOf(schema);
  if (annotations["x-disclosure"] !== undefined) return annotations["x-disclosure"];
  if (annotations["x-secret"]) return "nothing";
  if (schema.type === "number" || schema.type === "integer") return "number";
  const variants = (schema.anyOf ?? []) as TSchema[];
  if (variants.length > 0 && variants.every((variant) => Object.hasOwn(variant, "const"))) return "enum";
  return "shape";
}

/** Applies `x-normalize` (trim) at every level; unknown keys are kept so that validation reports them. */
function normalize(value: unknown, schema: TSchema | undefined): unknown {
  if (schema === undefined || value === UNKNOWN) return value;
  if (typeof value === "string")
    return annotationsOf(schema)["x-normalize"] === "trim" ? value.trim() : value;
  const variants = (schema.anyOf ?? []) as TSchema[];
  if (variants.length > 0) {
    const type = Array.isArray(value) ? "array" : isRecord(value) ? "object" : undefined;
    return normalize(
      value,
      variants.find((variant) => variant.type === type),
    );
  }
  if (Array.isArray(value)) return value.map((item) => normalize(item, schema.items as TSchema | undefined));
  if (isRecord(value) && isRecord(schema.properties)) {
    const properties = schema.properties as Record<string, TSchema>;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        Object.hasOwn(properties, key) ? normalize(item, properties[key]) : item,
      ]),
    );
  }
  return value;
}

/** Whether the value at any step of the path is the engine's unknown sentinel (preview). */
function passesUnknown(root: unknown, segments: readonly string[]): boolean {
  let current = root;
  for (const segment of segments) {
    if (current === UNKNOWN) return true;
    if (!(isRecord(current) || Array.isArray(current)) || !Object.hasOwn(current, segment)) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === UNKNOWN;
}

function ownKeys(record: unknown): string[] {
  return isRecord(record) ? Object.keys(record) : [];
}

/** `/a/b~1c/0` -> ["a", "b/c", "0"] (RFC 6901). */
function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** ["recordingConfig", "keywords", "0"] -> `recordingConfig.keywords[0]`. */
function dotted(segments: readonly string[]): string {
  return segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path === "" ? segment : `${path}.${segment}`,
    "",
  );
}

/** A property name as a message shows it: backticked, with control characters escaped (no forged lines). */
export function quote(property: string): string {
  const shown = property.length > MAX_SHOWN_KEY ? `${property.slice(0, MAX_SHOWN_KEY)}...` : property;
  return `\`${JSON.stringify(shown).slice(1, -1)}\``;
}

/** Characters of an unknown key a message shows (a key is the caller's text, and may be huge). */
const MAX_SHOWN_KEY = 64;
