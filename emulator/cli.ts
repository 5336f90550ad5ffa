#!/usr/bin/env node
/**
 * `realtimekit-emulator` (or `npm run emulator -- …`): runs the emulator until SIGINT or SIGTERM.
 * Prints `baseUrl=…`, `accountId=…`, `appId=…` and `apiToken=…` on start (the token is a local fake, so
 * printing it is intended) and, with `--info-file`, writes the same values as JSON for scripts.
 */
import { writeFileAtomically } from "./atomic-file";
import { startEmulator } from "./server";
import { checkSettings } from "./settings";
import type { DuplicatePolicy, EmulatorOptions, EmulatorSettings, RunningEmulator } from "./types";

const USAGE = `Usage: realtimekit-emulator [options]
  --port N              port to listen on (default 8787; 0 picks a free one)
  --host H              interface to listen on (default 127.0.0.1)
  --state-file F        load state from F when present, save it after every change
  --api-token T         the Bearer token to accept (default: random, or from the state file)
  --account-id A        the account id, 32 hex characters (default: random, or from the state file)
  --app-id X            the seeded app id (default: random uuid, or from the state file)
  --token-ttl S         participant token lifetime in seconds (default 86400)
  --duplicates P        duplicate custom_participant_id in a meeting: allow (default) or reject
  --setting NAME=VALUE  any other setting, repeatable: duplicateNames=allow|reject,
                        emptyWebhookList=not-found|empty, webhookPutAnswer=partial|whole,
                        presetPatchAnswer=whole|without-id,
                        serverAddedFields=true|false, presetInUse=allow|reject, tokenIssuedSecondsAgo=S,
                        storageCredentialsOnRead=omit|answer
  --rate-limit N/MS     global rate limit: N requests per MS milliseconds (default none)
  --info-file F         write {baseUrl, origin, accountId, appId, apiToken} as JSON to F once listening
  --log                 print one line per API request
  --help                show this help`;

/** The parsed command line. */
export interface CliArguments {
  options: EmulatorOptions;
  infoFile?: string;
  help: boolean;
}

/** Parses the command line (without the node and script arguments); throws on a bad argument. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const options: EmulatorOptions = { port: 8787 };
  const parsed: CliArguments = { options, help: false };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--port":
        options.port = integer(flag, value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--state-file":
        options.stateFile = value();
        break;
      case "--api-token":
        options.apiToken = value();
        break;
      case "--account-id":
        options.accountId = value();
        break;
      case "--app-id":
        options.appId = value();
        break;
      case "--token-ttl":
        options.tokenTtlSeconds = integer(flag, value());
        break;
      case "--duplicates":
        options.duplicateCustomParticipantId = duplicatePolicy(value());
        break;
      case "--setting":
        options.settings = { ...options.settings, ...setting(value()) };
        break;
      case "--rate-limit":
        options.rateLimit = rateLimit(value());
        break;
      case "--info-file":
        parsed.infoFile = value();
        break;
      case "--log":
        options.log = (line) => process.stdout.write(`${line}\n`);
        break;
      case "--help":
      case "-h":
        parsed.help = true;
        break;
      default:
        throw new Error(`unknown argument ${argv[index]}`);
    }
  }
  return parsed;
}

function integer(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${flag} must be a non-negative integer, got ${raw}`);
  return Number(raw);
}

function duplicatePolicy(raw: string): DuplicatePolicy {
  if (raw !== "allow" && raw !== "reject")
    throw new Error(`--duplicates must be allow or reject, got ${raw}`);
  return raw;
}

/** One `NAME=VALUE` setting, the value read as JSON when it is a number or a boolean. */
function setting(raw: string): EmulatorSettings {
  const match = /^(\w+)=(.+)$/.exec(raw);
  if (!match) throw new Error(`--setting must look like NAME=VALUE, got ${raw}`);
  const [, name, text] = match;
  const value: unknown = /^(true|false|\d+)$/.test(text) ? JSON.parse(text) : text;
  return checkSettings({ [name]: value });
}

function rateLimit(raw: string): { requests: number; windowMs: number } {
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match) throw new Error(`--rate-limit must look like 1200/300000 (requests/milliseconds), got ${raw}`);
  return { requests: Number(match[1]), windowMs: Number(match[2]) };
}

/** The values a script needs to reach a running emulator. */
export function emulatorInfo(emulator: RunningEmulator): Record<string, string> {
  return {
    baseUrl: emulator.baseUrl,
    origin: emulator.origin,
    accountId: emulator.accountId,
    appId: emulator.appId,
    apiToken: emulator.apiToken,
  };
}

/** Writes `emulatorInfo` as JSON to `path` atomically, so a polling script never reads half a file. */
export function writeInfoFile(path: string, emulator: RunningEmulator): void {
  writeFileAtomically(path, `${JSON.stringify(emulatorInfo(emulator), null, 2)}\n`);
}

/** Runs the CLI: starts the emulator, prints its values, and closes it on SIGINT or SIGTERM. */
export async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseCliArguments(argv);
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(parsed.options);
  for (const [key, value] of Object.entries(emulatorInfo(emulator))) {
    if (key !== "origin") process.stdout.write(`${key}=${value}\n`);
  }
  if (parsed.infoFile) writeInfoFile(parsed.infoFile, emulator);
  const stop = () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * The one line a failed start prints. A busy or forbidden port says which and what to do: the usage text
 * is for arguments the command line got wrong, not for a port someone else holds.
 */
export function startFailure(error: unknown, options: EmulatorOptions): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE" || code === "EACCES") {
    const where = `${options.host ?? "127.0.0.1"}:${options.port ?? 8787}`;
    const why =
      code === "EADDRINUSE" ? "is already in use (another emulator?)" : "may not be opened by this user";
    return `realtimekit-emulator: port ${where} ${why}; pick another with --port N, or --port 0 for a free one`;
  }
  return `realtimekit-emulator: ${error instanceof Error ? error.message : String(error)}`;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  let options: EmulatorOptions;
  try {
    options = parseCliArguments(argv).options;
  } catch (error) {
    process.stderr.write(
      `realtimekit-emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
    );
    process.exit(2);
  }
  main(argv).catch((error: unknown) => {
    process.stderr.write(`${startFailure(error, options)}\n`);
    process.exit(1);
  });
}
