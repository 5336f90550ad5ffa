/**
 * The one shape of a failure that happens after the resource exists (a participant added but not issued a
 * token, a meeting created but not set INACTIVE, a prune that deleted some participants): the engine must
 * record the resource anyway, or it would be orphaned and the next run would create it a second time.
 *
 * The dynamic-provider host turns an error carrying `id` into the protocol's `ErrorResourceInitFailed`
 * with the error's `properties` as the resource's outputs and `reasons` as its messages. It adds
 * `__provider` to the outputs of a successful operation only, and it loads the provider from the stored
 * outputs on `read` and `delete`: outputs without `__provider` make every later refresh and destroy of the
 * resource fail. So the outputs here always carry the `__provider` of the inputs. `inputs` goes along for
 * hosts that record them (the protocol has the field; this host ignores it).
 */
import { PROVIDER_KEY, type PropertyMap } from "./protocol";
import { dropUndefined } from "../../sdk/values";

/** What the host reads from an error thrown by create or update after the resource exists. */
export interface PartialFailure extends Error {
  id: string;
  properties: PropertyMap;
  inputs: PropertyMap;
  reasons: string[];
}

/**
 * Turns `error` into a partial failure of the resource `id`: the engine records `outputs` (with the
 * serialized provider of `inputs`) and reports the error's message.
 */
export function partialFailure(
  error: Error,
  resource: { id: string; outputs: object; inputs: PropertyMap },
): PartialFailure {
  const provider = resource.inputs[PROVIDER_KEY];
  return Object.assign(error, {
    id: resource.id,
    properties: dropUndefined({ ...resource.outputs, [PROVIDER_KEY]: provider }),
    inputs: dropUndefined({ ...resource.inputs }),
    reasons: [error.message],
  });
}
