// Preloaded (NODE_OPTIONS=--require) by the scale benchmark into the dynamic-provider host when the runtime
// does not yet read `realtimekit:requestsPerSecond`: lifts the client's pacing so the engine's cost shows.
if (process.argv.some((arg) => arg.includes("dynamic-provider"))) {
  const path = require("node:path");
  require(path.join(__dirname, "../dist/provider/runtime/context.js")).setClientTuning({ rateLimit: false });
}
