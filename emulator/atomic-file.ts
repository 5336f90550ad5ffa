/**
 * Writing a file whole or not at all (the state file, the CLI's info file): the text goes to a temporary file
 * beside it, which then replaces it by rename. The temporary name is random and the file is created
 * exclusively without following links (O_EXCL | O_NOFOLLOW), mode 0600, so a link or file planted under a
 * predictable name can neither be written through nor read: the state holds the API token and JWT secret.
 */
import { randomBytes } from "node:crypto";
import { closeSync, constants, openSync, renameSync, rmSync, writeSync } from "node:fs";

const FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Replaces `path` with `text` atomically (see the module comment). */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.${randomBytes(8).toString("hex")}.tmp`;
  const fd = openSync(temporary, FLAGS, 0o600);
  try {
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
