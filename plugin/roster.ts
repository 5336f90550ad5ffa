/**
 * The Roster component served by the plugin's `construct`: the same tree as the TypeScript Roster
 * (provider/runtime/roster/members.ts), with the plugin's own `realtimekit:index:Participant` and `:RosterPrune`
 * as children (dynamic resources cannot be children of a component a plugin constructs), and the meeting
 * listed by the runtime with the provider's configuration.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  declareRosterMembers,
  rosterEntries,
  type RosterArgs,
  type RosterChildArgs,
  type RosterPruneChildArgs,
} from "../provider/runtime/roster/members";
import * as runtime from "../provider/runtime";
import {
  describedOptions,
  outputSlots,
  resourceDescriptions,
  rosterDescription,
  type ResourceDescription,
} from "../provider/runtime/inputs";
import { annotationsOf } from "../provider/runtime/inputs/keywords";
import type { UndeclaredParticipant } from "../provider/runtime/roster-prune";

/**
 * A child as the package's own resource type, registered from inside the plugin with what its description
 * says: every output, delete-first replacement and secret outputs (as the TypeScript classes do).
 */
function described(
  description: ResourceDescription,
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions,
): [string, string, pulumi.Inputs, pulumi.CustomResourceOptions] {
  return [
    description.token,
    name,
    { ...outputSlots(description), ...args },
    pulumi.mergeOptions(describedOptions(description), opts),
  ];
}

class PluginParticipant extends pulumi.CustomResource {
  declare readonly token: pulumi.Output<string | undefined>;
  constructor(name: string, args: RosterChildArgs, opts: pulumi.CustomResourceOptions) {
    super(...described(resourceDescriptions.participant, name, args, opts));
  }
}

class PluginRosterPrune extends pulumi.CustomResource {
  declare readonly undeclared: pulumi.Output<UndeclaredParticipant[]>;
  constructor(name: string, args: RosterPruneChildArgs, opts: pulumi.CustomResourceOptions) {
    super(...described(resourceDescriptions.rosterPrune, name, args, opts));
  }
}

/** The component itself; its outputs are registered once its children are declared. */
class PluginRoster extends pulumi.ComponentResource {
  constructor(name: string, opts: pulumi.ComponentResourceOptions) {
    super(rosterDescription.token, name, {}, opts);
  }
  publish(outputs: pulumi.Inputs): void {
    this.registerOutputs(outputs);
  }
}

/**
 * Roster arguments that decide the shape of the tree (which children exist, with which names) must be
 * known when the program runs; a secret or computed value there is rejected with the argument's name.
 */
async function knownValue(inputs: pulumi.Inputs, key: string): Promise<unknown> {
  const value: unknown = inputs[key];
  if (!pulumi.Output.isInstance(value)) return value;
  const known = await (value as unknown as { isKnown: Promise<boolean> }).isKnown;
  const secret = await (value as unknown as { isSecret: Promise<boolean> }).isSecret;
  if (!known || secret) {
    throw new Error(
      `Roster argument \`${key}\` must be a plain value known when the program runs (it decides which ` +
        `participants exist); got a ${secret ? "secret" : "value computed by another resource"}.`,
    );
  }
  return await (value as unknown as { promise(): Promise<unknown> }).promise();
}

/** The Roster's arguments, from the one description. */
const ROSTER_ARGS = Object.keys(rosterDescription.inputs.properties);

export async function constructRoster(
  name: string,
  inputs: pulumi.Inputs,
  opts: pulumi.ComponentResourceOptions,
): Promise<{ urn: pulumi.Output<string>; state: pulumi.Inputs }> {
  const unknownArgs = Object.keys(inputs).filter((key) => !ROSTER_ARGS.includes(key));
  if (unknownArgs.length > 0) {
    throw new Error(
      `Roster "${name}": ${unknownArgs.map((key) => `\`${key}\``).join(", ")} is not an argument of Roster; ` +
        `the arguments are: ${ROSTER_ARGS.join(", ")}`,
    );
  }
  // Every argument the description lists: those that decide the children as known values, the rest as given
  // (each child takes them as inputs).
  const given: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rosterDescription.inputs.properties)) {
    given[key] = annotationsOf(schema)["x-decidesChildren"] ? await knownValue(inputs, key) : inputs[key];
  }
  // What the engine sent is checked where it is used: the entries and defaults just below, the rest by
  // each child's `check`.
  const args = given as unknown as RosterArgs;
  const entries = rosterEntries(name, args);
  const component = new PluginRoster(name, opts);
  const members = declareRosterMembers(component, name, args, entries, {
    participant: (childName, childArgs, childOpts) => new PluginParticipant(childName, childArgs, childOpts),
    prune: (childName, childArgs, childOpts) => new PluginRosterPrune(childName, childArgs, childOpts),
    list: async (meetingId, accountId, appId) =>
      (await runtime.functions.getMeetingParticipants({ meetingId, accountId, appId })).participants,
  });
  component.publish(members.outputs);
  return { urn: component.urn, state: members.outputs };
}
