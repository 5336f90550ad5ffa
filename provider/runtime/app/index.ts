/**
 * The App provider. The API creates and lists apps and nothing else: create adopts the app of the declared
 * name when one exists (app names are not unique: the oldest is taken), a rename fails in `check` because
 * no call could carry it out, and delete only warns that the app remains in RealtimeKit.
 */
import type { App } from "../../../sdk/types";
import { isOutcomeUnknown } from "../../../sdk/errors";
import { ACCOUNT_LEVEL } from "../config";
import { connect } from "../context";
import { warn } from "../diagnostics";
import { withContext, withContextSync } from "../errors";
import { appDescription, checkInputs, forEngine, type InputProblem } from "../inputs";
import type { PropertyMap, RuntimeProvider } from "../protocol";
import { UNKNOWN } from "../values";

const placeOf = (olds: PropertyMap, news: PropertyMap = {}) => ({
  accountId: (news.accountId ?? olds.accountId) as string | undefined,
});

function outputsOf(name: string, accountId: string, app: Pick<App, "id" | "createdAt">): PropertyMap {
  return { name, accountId, appId: app.id, createdAt: app.createdAt };
}

/** The failure of a rename: the API has no call that renames (or deletes) an app. */
export function renameProblem(olds: PropertyMap, news: PropertyMap): InputProblem | undefined {
  const before = typeof olds.name === "string" ? olds.name.trim() : undefined;
  const after = typeof news.name === "string" && news.name !== UNKNOWN ? news.name.trim() : undefined;
  if (before === undefined || after === undefined || before === after) return undefined;
  if (news.accountId !== olds.accountId) return undefined; // another account: a new app, not a rename
  return {
    property: "name",
    reason:
      `\`name\` cannot change from ${JSON.stringify(before)} to ${JSON.stringify(after)}: RealtimeKit ` +
      "cannot rename an app (nor delete one). Keep the name, or declare a new App and remove this one " +
      "from the stack with `pulumi state delete`.",
  };
}

export const appRuntime: RuntimeProvider = {
  async check(olds, news) {
    const { inputs, failures } = checkInputs(appDescription, news);
    const rename = failures.length === 0 ? renameProblem(olds, inputs) : undefined;
    return { inputs, failures: forEngine(rename ? [...failures, rename] : failures) };
  },

  async diff(_id, olds, news) {
    const replaces = news.accountId !== undefined && news.accountId !== olds.accountId ? ["accountId"] : [];
    return { changes: replaces.length > 0 || news.name !== olds.name, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const name = String(inputs.name);
    const label = `create app ${JSON.stringify(name)}`;
    const { client, config } = withContextSync(label, () => connect(placeOf(inputs), ACCOUNT_LEVEL));
    const find = async () =>
      (await client.apps.listAll({ search: name }))
        .filter((app) => app.name === name)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    const app = await withContext(label, async () => {
      const existing = await find();
      if (existing) return existing;
      try {
        return await client.apps.create({ name });
      } catch (error) {
        const found = isOutcomeUnknown(error) ? await find() : undefined;
        if (!found) throw error;
        return found;
      }
    });
    return { id: app.id, outs: outputsOf(name, config.accountId, app) };
  },

  async read(id, props) {
    const stored = props ?? {};
    const label = `read app ${id}`;
    const { client, config } = withContextSync(label, () => connect(placeOf(stored), ACCOUNT_LEVEL));
    const app = (await withContext(label, () => client.apps.listAll())).find((item) => item.id === id);
    if (!app) return { id: "" };
    const inputs = {
      ...(stored.accountId === undefined ? {} : { accountId: stored.accountId }),
      name: app.name,
    };
    return { id, props: outputsOf(app.name, config.accountId, app), inputs };
  },

  async update(id, olds, news) {
    const { config } = withContextSync(`update app ${id}`, () => connect(placeOf(olds, news), ACCOUNT_LEVEL));
    return {
      outs: outputsOf(String(news.name), config.accountId, { id, createdAt: String(olds.createdAt) }),
    };
  },

  async delete(id, props) {
    const name = JSON.stringify(String(props.name ?? id));
    await warn(
      `App ${name} (${id}) was removed from the stack but still exists in RealtimeKit: the API cannot ` +
        "delete apps. Delete it in the Cloudflare dashboard if it is no longer needed.",
    );
  },
};
