/**
 * What a Participant tells about itself for "one owner per participant" (./runtime/participant/claims.ts):
 * its URN, as the hidden input the provider's `check` reads (a dynamic provider is never given the URN), and
 * the program-side check that catches two declarations on the same meeting output before anything runs,
 * when even the provider could not tell (a meeting created by this update has no id at preview).
 */
import * as pulumi from "@pulumi/pulumi";

const PARTICIPANT_TYPE = "pulumi-nodejs:dynamic/realtimekit:Participant";

/**
 * The URN the engine gives this Participant. The parent's URN is taken as a plain value: an input that
 * depended on the parent component would make the child depend on its own parent.
 */
export function ownerUrn(name: string, parent: pulumi.Resource | undefined): pulumi.Output<string> {
  // Like RuntimeResource's registration: no promise-leak stack stamps (costly under ts-node, printed only
  // with PULUMI_DEBUG_PROMISE_LEAKS) for the few outputs this makes per Participant.
  const stackTraceLimit = Error.stackTraceLimit;
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
  try {
    if (parent === undefined) return pulumi.createUrn(name, PARTICIPANT_TYPE);
    const parentUrn = new Promise<string>((resolve) => {
      parent.urn.apply((urn) => {
        resolve(urn);
        return urn;
      });
    });
    return pulumi.createUrn(name, PARTICIPANT_TYPE, pulumi.output(parentUrn));
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Per meeting output: customParticipantId -> the name of the Participant that declared it. */
const declared = new WeakMap<object, Map<string, string>>();

/**
 * Throws when another Participant of this program declared the same `customParticipantId` on the same
 * meeting output (a Roster's entries are Participants too). Plain-string meeting ids are left to the
 * provider's `check`, which sees them at preview.
 */
export function declareOwner(
  name: string,
  meetingId: pulumi.Input<string>,
  customParticipantId: pulumi.Input<string>,
): void {
  if (!pulumi.Output.isInstance(meetingId) || typeof customParticipantId !== "string") return;
  const ids = declared.get(meetingId) ?? new Map<string, string>();
  declared.set(meetingId, ids);
  const id = customParticipantId.trim();
  const first = ids.get(id);
  if (first === undefined) {
    ids.set(id, name);
    return;
  }
  throw new Error(
    `Participant "${name}" declares customParticipantId ${JSON.stringify(id)} in the same meeting as ` +
      `Participant "${first}" (the same meetingId output): a participant has one owner in a deployment. Keep ` +
      "one of the two declarations (a Roster entry is a Participant named <roster>/<id>), or give the other " +
      "a different customParticipantId.",
  );
}
