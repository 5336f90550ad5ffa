/** Types of rows.js (plain CommonJS, so the Makefile can run it before anything is installed). */
export interface Row {
  description: string;
  /** Node.js version (the row's line is its major version). */
  node: string;
  /** @pulumi/pulumi version. */
  pulumi: string;
  /** Pulumi CLI version. */
  cli: string;
}
/** The repository root (RTK_REPOSITORY inside a row's copy of the tree). */
export const root: string;
export const rows: Record<string, Row>;
export const names: string[];
export function major(version: string): number;
export function selectRow(requested: string | undefined, nodeVersion: string): string;
export function lockfile(name: string): string;
export function packageJson(name: string): string;
