/**
 * App endpoints: `/accounts/{account_id}/realtime/kit/apps`, list and create only (the real API has no
 * get, update or delete). A created app gets the four default presets here; the real API probably gives
 * an app created through it none, but tests and demos want a usable app straight away.
 */
import { randomUUID } from "node:crypto";
import type { ApiContext } from "./context";
import { type Route, badRequest, isJsonObject, isResponse, ok, pageOf, parsePageRequest } from "./http";
import type { AppRecord, Json } from "./types";
import { type ObjectSchema, validateBody } from "./validation";

const APPS = "/accounts/{account_id}/realtime/kit/apps";

const CREATE_BODY: ObjectSchema = {
  type: "object",
  required: ["name"],
  fields: { name: { type: "string", nonEmpty: true } },
};

function appJson(app: AppRecord): Json {
  return { id: app.id, name: app.name, created_at: app.created_at };
}

function listApps(context: ApiContext, query: URLSearchParams) {
  const page = parsePageRequest(query);
  if (isResponse(page)) return page;
  const sortOrder = query.get("sort_order");
  if (sortOrder && sortOrder !== "ASC" && sortOrder !== "DESC") {
    return badRequest(`"sort_order" must be one of [ASC, DESC]`);
  }
  const search = query.get("search")?.toLowerCase();
  const apps = [...context.store.apps.values()].filter(
    (app) => !search || app.name.toLowerCase().includes(search),
  );
  if (sortOrder === "DESC") apps.reverse();
  return pageOf(apps, page, appJson);
}

function createApp(context: ApiContext, body: Json | undefined) {
  const problem = validateBody(body, CREATE_BODY);
  if (problem) return badRequest(problem);
  const name = isJsonObject(body) ? String(body.name) : "";
  return ok({ app: appJson(context.store.addApp(randomUUID(), name)) });
}

/** The app routes. */
export const appRoutes: Route<ApiContext>[] = [
  { method: "GET", template: APPS, handle: (r, c) => listApps(c, r.query) },
  { method: "POST", template: APPS, handle: (r, c) => createApp(c, r.body) },
];
