/**
 * One runtime for the resources that the API names uniquely in an app (Preset, Webhook): the name is how
 * an existing object is found, so create adopts the object of the declared name (found by a list, or by
 * the 409 a duplicate name answers) instead of failing or duplicating it; update is one PATCH of what
 * changed; read compares what the program declared (with the described defaults) against the server,
 * ignoring fields the server adds; delete tolerates 404. A kind supplies only its API calls and the shape
 * of its body; everything else here is shared.
 */
import type { TObject, TSchema } from "@sinclair/typebox";
import type { RealtimeKitClient } from "../../../sdk";
import { ConflictError, NotFoundError, isOutcomeUnknown } from "../../../sdk/errors";
import { connect } from "../context";
import { withContext, withContextSync, wrap } from "../errors";
import { checkInputs, forEngine, type ResourceDescription } from "../inputs";
import { changeKinds } from "../inputs/keywords";
import type { PropertyMap, RuntimeProvider } from "../protocol";
import { containsUnknown } from "../values";
import { changes, described, merged, remoteView, withDefaults, type Body } from "./tree";

export { changes, deepEqual, merged, remoteView, withDefaults, described } from "./tree";

/** What the API answers for a named object: its id, dates, and its body's fields (camelCase). */
export interface NamedRemote {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** The calls a named kind needs, on one client. */
export interface NamedApi<Remote extends NamedRemote> {
  /** The object of exactly this name, whole, if there is one. */
  findByName(name: string): Promise<Remote | undefined>;
  create(body: Body): Promise<Remote>;
  get(id: string): Promise<Remote>;
  update(id: string, patch: Body): Promise<Remote>;
  delete(id: string): Promise<unknown>;
}

/** One named kind: its description, its body's schema, its output id, and its API. */
export interface NamedKind<Remote extends NamedRemote> {
  /** Lower-case noun for messages (`preset`). */
  noun: string;
  description: ResourceDescription;
  /** The body (name and the fields the API stores), with the described defaults. */
  body: TSchema;
  /** The output holding the id (`presetId`). */
  idOutput: string;
  api(client: RealtimeKitClient): NamedApi<Remote>;
  /** Puts a body in the form comparisons use (a webhook's events sorted: their order carries no meaning). */
  normalize?(body: Body): Body;
}

const COMPUTED = ["createdAt", "updatedAt"];

/** The runtime provider of a named kind: `{ check, diff, create, read, update, delete }`. */
export function namedRuntime<Remote extends NamedRemote>(kind: NamedKind<Remote>): RuntimeProvider {
  const bodyKeys = Object.keys(kind.body.properties as object);
  const replaceKeys = changeKinds((kind.description.inputs as TObject).properties).replace;
  const normalize = (body: Body): Body => (kind.normalize ? kind.normalize(body) : body);
  /** The body as declared: the program's fields over the described defaults. */
  const declared = (bag: PropertyMap): Body =>
    normalize(withDefaults(kind.body, pick(bag, bodyKeys)) as Body);
  const remoteBody = (remote: Remote): Body => pick(remote as unknown as Body, bodyKeys);
  const placeOf = (olds: PropertyMap, news: PropertyMap = {}) => ({
    accountId: (news.accountId ?? olds.accountId) as string | undefined,
    appId: (news.appId ?? olds.appId) as string | undefined,
  });
  const outputsOf = (
    inputs: PropertyMap,
    config: { accountId: string; appId: string },
    remote: Pick<NamedRemote, "id" | "createdAt" | "updatedAt">,
  ): PropertyMap => ({
    ...inputs,
    [kind.idOutput]: remote.id,
    createdAt: remote.createdAt,
    updatedAt: remote.updatedAt,
    accountId: config.accountId,
    appId: config.appId,
  });
  const inputsOf = (outputs: PropertyMap): PropertyMap =>
    Object.fromEntries(
      Object.entries(outputs).filter(([key]) => key !== kind.idOutput && !COMPUTED.includes(key)),
    );

  /** The existing object of the declared name, made to match the declaration with one PATCH if needed. */
  async function adopt(api: NamedApi<Remote>, body: Body, existing: Remote): Promise<Remote> {
    const patch = changes(normalize(remoteView(body, remoteBody(existing)) as Body), body);
    return Object.keys(patch).length === 0 ? existing : api.update(existing.id, patch);
  }

  return {
    async check(_olds, news) {
      const { inputs, failures } = checkInputs(kind.description, news);
      return { inputs, failures: forEngine(failures) };
    },

    async diff(_id, olds, news) {
      const replaces = replaceKeys.filter(
        (key) => news[key] !== undefined && (containsUnknown(news[key]) || news[key] !== olds[key]),
      );
      const body = pick(news, bodyKeys);
      const changed =
        replaces.length > 0 ||
        containsUnknown(body) ||
        Object.keys(changes(declared(olds), declared(news))).length > 0;
      return { changes: changed, replaces, deleteBeforeReplace: replaces.length > 0 };
    },

    async create(inputs) {
      const name = String(inputs.name);
      const label = `create ${kind.noun} ${JSON.stringify(name)}`;
      const { client, config } = withContextSync(label, () => connect(placeOf(inputs)));
      const api = kind.api(client);
      const body = declared(inputs);
      const remote = await withContext(label, async () => {
        const existing = await api.findByName(name);
        if (existing) return adopt(api, body, existing);
        try {
          return await api.create(body);
        } catch (error) {
          // A duplicate name (409), or a create that may have been processed: the object of that name is ours.
          if (!(error instanceof ConflictError) && !isOutcomeUnknown(error)) throw error;
          const found = await api.findByName(name);
          if (!found) throw error;
          return adopt(api, body, found);
        }
      });
      return { id: remote.id, outs: outputsOf(inputs, config, remote) };
    },

    async read(id, props) {
      const stored = props ?? {};
      const { client, config } = withContextSync(`read ${kind.noun} ${id}`, () => connect(placeOf(stored)));
      let remote: Remote;
      try {
        remote = await kind.api(client).get(id);
      } catch (error) {
        if (error instanceof NotFoundError) return { id: "" };
        throw wrap(`read ${kind.noun} ${id}`, error);
      }
      const imported = !bodyKeys.some((key) => stored[key] !== undefined);
      let inputs: PropertyMap;
      if (imported) {
        // An import: the inputs a program would declare to get this object (what differs from the defaults).
        const server = normalize(described(kind.body, remoteBody(remote)) as Body);
        inputs = { ...changes(declared({}), server), name: remote.name };
      } else {
        // Drift: the declared fields the server now has differently, written over what the program set.
        const mine = declared(stored);
        const drift = changes(mine, normalize(remoteView(mine, remoteBody(remote)) as Body));
        inputs = merged(inputsOf(stored), drift);
      }
      return { id, props: outputsOf(inputs, config, remote), inputs };
    },

    async update(id, olds, news) {
      const label = `update ${kind.noun} ${id}`;
      const { client, config } = withContextSync(label, () => connect(placeOf(olds, news)));
      const patch = changes(declared(olds), declared(news));
      const remote =
        Object.keys(patch).length === 0
          ? { id, createdAt: String(olds.createdAt), updatedAt: String(olds.updatedAt) }
          : await withContext(label, () => kind.api(client).update(id, patch));
      return { outs: outputsOf(inputsOf(news), config, { ...remote, createdAt: String(olds.createdAt) }) };
    },

    async delete(id, props) {
      const { client } = withContextSync(`delete ${kind.noun} ${id}`, () => connect(placeOf(props)));
      try {
        await kind.api(client).delete(id);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw wrap(`delete ${kind.noun} ${id}`, error);
      }
    },
  };
}

/** The listed keys of a bag that hold a value (own properties only). */
export function pick(bag: PropertyMap, keys: readonly string[]): Body {
  return Object.fromEntries(
    keys.filter((key) => Object.hasOwn(bag, key) && bag[key] !== undefined).map((key) => [key, bag[key]]),
  );
}
