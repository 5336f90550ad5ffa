// The scale benchmark's baseline: `count` dynamic resources that do nothing, so the engine's and the
// dynamic-provider host's own cost per resource shows. Create returns an id; diff says nothing changed.
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create() {
    return { id: require("crypto").randomUUID() as string };
  },
  async diff() {
    return { changes: false };
  },
};

class NoOp extends pulumi.dynamic.Resource {
  constructor(name: string, props: { index: number }) {
    super(provider, name, props, {}, "bench", "NoOp");
  }
}

const count = new pulumi.Config().requireNumber("count");
for (let index = 0; index < count; index++) new NoOp(`noop-${index}`, { index });
