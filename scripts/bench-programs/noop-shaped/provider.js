// The no-op provider of the shaped baseline, loaded by the dynamic-provider host through the one-line
// `__provider` module in index.ts (the same technique as the package's own, so `__provider` is as small).
const { randomBytes, randomUUID } = require("node:crypto");

exports.meeting = {
  async create() {
    return { id: randomUUID(), outs: { meetingId: randomUUID() } };
  },
  async diff() {
    return { changes: false };
  },
};

// Outputs with the Participant's names and sizes; the token is about as long as a RealtimeKit JWT.
exports.member = {
  async create(inputs) {
    const now = new Date().toISOString();
    const id = randomUUID();
    return {
      id,
      outs: {
        ...inputs,
        participantId: id,
        token: randomBytes(450).toString("base64url"),
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
