// The scale benchmark's second baseline: the engine's cost of a Participant's state shape with no API behind
// it. A no-op "meeting" and a component holding `count` no-op members whose inputs and outputs have the
// Participant's names and sizes, a secret token and a dependency on the meeting, and whose `__provider` is a
// one-line module like the package's (provider.js holds the no-op code). What the roster costs beyond this
// is the package's own; what this costs beyond the plain no-op is the engine's price for the shape.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

const providerModule = (kind: "meeting" | "member"): string =>
  `exports.handler = () => require(${JSON.stringify(path.join(__dirname, "provider.js"))}).${kind};\n`;

class ShapedMeeting extends pulumi.CustomResource {
  declare readonly meetingId: pulumi.Output<string>;
  constructor(name: string) {
    super("pulumi-nodejs:dynamic/bench:ShapedMeeting", name, {
      meetingId: undefined,
      __provider: providerModule("meeting"),
    });
  }
}

const MEMBER_OUTPUTS = [
  "participantId",
  "token",
  "tokenExpiresAt",
  "createdAt",
  "updatedAt",
  "accountId",
  "appId",
];

class ShapedMember extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, pulumi.Input<string>>, opts: pulumi.CustomResourceOptions) {
    super(
      "pulumi-nodejs:dynamic/bench:ShapedMember",
      name,
      {
        ...props,
        ...Object.fromEntries(MEMBER_OUTPUTS.map((key) => [key, undefined])),
        __provider: providerModule("member"),
      },
      { ...opts, additionalSecretOutputs: ["token"] },
    );
  }
}

const count = new pulumi.Config().requireNumber("count");
const meeting = new ShapedMeeting("bench");
const group = new pulumi.ComponentResource("bench:index:ShapedRoster", "bench");
for (let index = 0; index < count; index++) {
  new ShapedMember(
    `bench/member-${index}`,
    {
      meetingId: meeting.meetingId,
      customParticipantId: `member-${index}`,
      name: `Member ${index}`,
      presetName: index % 5 === 0 ? "group_call_host" : "group_call_participant",
    },
    { parent: group },
  );
}
