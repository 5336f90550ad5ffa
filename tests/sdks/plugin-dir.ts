/** The folder holding the built `pulumi-resource-realtimekit` (RTK_PLUGIN_DIR overrides). */
export function pluginDir(): string {
  const dir = process.env.RTK_PLUGIN_DIR;
  if (!dir) throw new Error("RTK_PLUGIN_DIR is not set");
  return dir;
}
