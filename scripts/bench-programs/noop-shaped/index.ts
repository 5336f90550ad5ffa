// The scale benchmark's second baseline: the engine's cost of a Participant's state shape with no API behind
// it. A no-op "meeting" and a component holding `count` no-op members whose inputs and outputs have the
// Participant's names, sizes and secret token (a JWT-sized string), with a dependency on the meeting. What the
// roster costs beyond this is the package's own; what this costs beyond the plain no-op is the engine's price
// for the shape (every property and the secret are serialized into every checkpoint).
import * as pulumi from "@pulumi/pulumi";
import { randomBytes, randomUUID } from "node:crypto";

const meetingProvider: pulumi.dynamic.ResourceProvider = {
  async create() {
    return { id: randomUUID(), outs: { meetingId: randomUUID() } };
  },
  async diff() {
    return { changes: false };
  },
};

const memberProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Record<string, string>) {
    const now = new Date().toISOString();
    const id = randomUUID();
    return {
      id,
      outs: {
        ...inputs,
        participantId: id,
        token: randomBytes(450).toString("base64url"), // a RealtimeKit JWT is about 600 characters
        tokenExpiresAt: now,
        createdAt: now,
        updatedAt: now,
        accountId: randomBytes(16).toString("hex"),
        appId: randomUUID(),
      },
    };
  },
  async diff() {
    return { changes: false };
  },
};

class ShapedMeeting extends pulumi.dynamic.Resource {
  declare readonly meetingId: pulumi.Output<string>;
  constructor(name: string) {
    super(meetingProvider, name, { meetingId: undefined }, {}, "bench", "ShapedMeeting");
  }
}

class ShapedMember extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, pulumi.Input<string>>, opts: pulumi.CustomResourceOptions) {
    const outputs = ["participantId", "token", "tokenExpiresAt", "createdAt", "updatedAt", "accountId", "appId"];
    super(
      memberProvider,
      name,
      { ...props, ...Object.fromEntries(outputs.map((key) => [key, undefined])) },
      { ...opts, additionalSecretOutputs: ["token"] },
      "bench",
      "ShapedMember",
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
