/**
 * Apps of the account: `/accounts/{accountId}/realtime/kit/apps`. The API has no get, update or delete for
 * apps, and app names are not unique.
 */
import type { RealtimeKitClient } from "./client";
import { collectPages } from "./paging";
import {
  toApp,
  toPaging,
  toWireQuery,
  type App,
  type AppListOptions,
  type Page,
  type WireApp,
} from "./types";

/** The apps endpoint group; reach it as `client.apps`. Works on a client created without `appId`. */
export class Apps {
  constructor(private readonly client: RealtimeKitClient) {}

  /** One page of the account's apps (`pageNo` is 1-based). */
  async list(options: AppListOptions = {}): Promise<Page<App>> {
    const { data, paging } = await this.client.requestPage<WireApp>({
      method: "GET",
      scope: "account",
      path: ["apps"],
      query: toWireQuery(options),
    });
    return { items: data.map(toApp), paging: toPaging(paging) };
  }

  /** Every app of the account, all pages, each once. */
  async listAll(options: Omit<AppListOptions, "pageNo"> = {}): Promise<App[]> {
    return collectPages(
      (pageNo, perPage) => this.list({ ...options, pageNo, perPage }),
      ["apps"],
      options.perPage,
    );
  }

  /** Creates an app. Not idempotent, and names may repeat: an `outcomeUnknown` error may hide a created app. */
  async create(input: { name: string }): Promise<App> {
    const { data } = await this.client.request<{ app: WireApp }>({
      method: "POST",
      scope: "account",
      path: ["apps"],
      body: { name: input.name },
    });
    return toApp(data.app);
  }
}
