/** What every API route handler works with. */
import type { Store } from "./store";
import type { DuplicatePolicy } from "./types";

/** The settings in force for a request. */
export interface ActiveSettings {
  tokenTtlSeconds: number;
  tokenIssuedSecondsAgo: number;
  duplicateCustomParticipantId: DuplicatePolicy;
}

/** The context handed to API route handlers; account and app are already checked when in the path. */
export interface ApiContext {
  store: Store;
  settings: ActiveSettings;
}
