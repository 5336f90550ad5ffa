// Reports which Node.js and which @pulumi/pulumi really run this program and the dynamic-provider host
// (the process that also runs every Participant), so a test row cannot silently fall back to other versions.
// One Participant runs in the same host, proving the package works there.
import * as pulumi from "@pulumi/pulumi";
import { Participant } from "pulumi-realtimekit";

interface Versions {
  node: string;
  pulumi: string;
  /** Where @pulumi/pulumi was loaded from. */
  pulumiPath: string;
}

function runningVersions(): Versions {
  const manifest = require.resolve("@pulumi/pulumi/package.json");
  return { node: process.version, pulumi: require(manifest).version, pulumiPath: manifest };
}

const hostProbe: pulumi.dynamic.ResourceProvider = {
  async create() {
    return { id: "host", outs: runningVersions() };
  },
};

class HostVersions extends pulumi.dynamic.Resource {
  declare readonly node: pulumi.Output<string>;
  declare readonly pulumi: pulumi.Output<string>;
  declare readonly pulumiPath: pulumi.Output<string>;
  constructor(name: string) {
    super(hostProbe, name, { node: undefined, pulumi: undefined, pulumiPath: undefined }, {});
  }
}

const config = new pulumi.Config();
const host = new HostVersions("host");
const participant = new Participant("probe", {
  meetingId: config.require("meetingId"),
  customParticipantId: "row-probe",
  presetName: "group_call_participant",
});

export const program = runningVersions();
export const provider = { node: host.node, pulumi: host.pulumi, pulumiPath: host.pulumiPath };
export const participantId = participant.participantId;
