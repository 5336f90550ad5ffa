/** What every API route handler works with. */
import type { ActiveSettings } from "./settings";
import type { Store } from "./store";

export type { ActiveSettings } from "./settings";

/** The context handed to API route handlers; account and app are already checked when in the path. */
export interface ApiContext {
  store: Store;
  settings: ActiveSettings;
}
