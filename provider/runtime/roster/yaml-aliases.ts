/**
 * YAML aliases in a roster file, resolved once. The yaml library's `Alias.resolve(doc)` walks the whole
 * document for every alias, so a file with an alias per entry cost the square of its size (10,000 entries:
 * minutes). One walk in document order finds, for every alias, the last node anchored with its name before
 * it (the rule `Alias.resolve` follows), so reading stays linear.
 *
 * Entry values are scalars; a list or mapping in their place (an alias to one included) is never expanded,
 * only reported as the wrong type, so an alias bomb ("billion laughs") costs nothing and becomes a problem
 * at its line rather than the library's resource-exhaustion exception.
 */
import * as YAML from "yaml";

/**
 * Maps a node to what it stands for: an alias to its anchored node (undefined if none), others to
 * themselves; `unresolved` lists the aliases with no anchor of their name before them.
 */
export interface AliasResolver {
  (node: unknown): unknown;
  unresolved: YAML.Alias[];
}

/** Walks `doc` once and returns the resolver of its aliases. */
export function resolveAliasesOnce(doc: YAML.Document): AliasResolver {
  const anchored = new Map<string, YAML.Node>();
  const targets = new Map<YAML.Alias, YAML.Node | undefined>();
  YAML.visit(doc, {
    Node: (_key, node) => {
      if (YAML.isAlias(node)) targets.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  const resolve = (node: unknown): unknown => (YAML.isAlias(node) ? targets.get(node) : node);
  const unresolved = [...targets].filter(([, target]) => target === undefined).map(([alias]) => alias);
  return Object.assign(resolve, { unresolved });
}

/**
 * YAML's null, spelt the ways a person may mean as text (`~`, `Null`, `NULL`): an entry's string field would
 * silently lose its value. Empty (`key:`) and `null` (JSON's spelling) are the deliberate ways to unset one.
 */
const DELIBERATE_NULLS = new Set(["", "null"]);

/** An entry value without expanding collections, or the spelling of a null that may have been meant as text. */
export function shallowValue(
  node: unknown,
  doc: YAML.Document,
): { value: unknown; spelledNull?: undefined } | { value?: undefined; spelledNull: string } {
  if (YAML.isScalar(node)) {
    const source = (node as { source?: unknown }).source;
    if (node.value === null && typeof source === "string" && !DELIBERATE_NULLS.has(source.trim())) {
      return { spelledNull: source };
    }
    return { value: node.toJS(doc) };
  }
  // The wrong type either way; its items are left out, so nothing behind an alias is ever expanded.
  if (YAML.isSeq(node)) return { value: node.items.map(() => null) };
  if (YAML.isMap(node)) return { value: {} };
  return { value: node };
}
