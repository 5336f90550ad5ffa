/**
 * The hostile-input catalogue, continued (tests/provider/hostile-inputs.test.ts is the first part): values
 * from config or the network that end up in messages and copy-paste commands, and token claims out of range.
 * Each case failed before its fix and stays here so it stays fixed. Elsewhere in the catalogue: roster files
 * (hostile-roster-files.test.ts), a token split between an error's code and message (tests/sdk/errors.test.ts),
 * base URLs (config.test.ts, and tests/e2e/hostile-inputs.test.ts through the CLI), the emulator's state file
 * and fault table (tests/emulator/state-file.test.ts, faults.test.ts).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { participantRuntime } from "../../provider/runtime/participant";
import type { Target } from "../../provider/runtime/participant/api-calls";
import { createParticipant } from "../../provider/runtime/participant/lifecycle";
import { lateDuplicate } from "../../provider/runtime/participant/messages";
import { parseParticipantImportId } from "../../plugin/import-ids";
import type { Participant } from "../../sdk/types";
import { createMeeting, useEmulator } from "../helpers/emulator";
import { useRuntimeAgainst } from "../helpers/runtime";

const emu = useEmulator();
useRuntimeAgainst(emu);

describe("a token whose exp is outside the range of a date", () => {
  it("counts as no exp: the add is recorded and later runs read it", async () => {
    // 10^13 seconds from now is past the last date JavaScript can hold (year 275760).
    emu.control.setSettings({ tokenTtlSeconds: 10 ** 13 });
    const meetingId = await createMeeting(emu, { title: "far future" });
    const { inputs } = await participantRuntime.check(
      {},
      { meetingId, customParticipantId: "far", presetName: "group_call_participant" },
    );
    const created = await createParticipant(inputs ?? {});
    expect(created.outs.token).toMatch(/^eyJ/);
    expect(created.outs.tokenExpiresAt).toBeUndefined();
    const read = await participantRuntime.read(created.id, created.outs as never);
    expect(read.id).toBe(created.id);
    const diff = await participantRuntime.diff(created.id, created.outs as never, {
      ...inputs,
      refreshBeforeExpiry: 60,
    });
    expect(diff.changes).toBe(true); // refreshBeforeExpiry itself changed, nothing threw
  });
});

describe("the late-duplicate hint's curl command", () => {
  const hostile = "x;touch${IFS}PWNED;#";
  const target = {
    config: {
      apiToken: "t",
      accountId: "acct$(touch PWNED)",
      appId: "app'`touch PWNED`'",
      baseUrl: "https://api.example/client/v4",
      rateLimit: undefined,
    },
    meeting: { meetingId: "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40" },
    label: 'participant "late" in meeting 6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40',
  } as unknown as Target;
  const extra = { id: hostile, createdAt: "2026-12-06T00:00:00Z" } as Participant;

  it("runs as exactly one curl with one URL when pasted, whatever the ids hold", () => {
    const message = lateDuplicate(target, "p-1", [extra, { ...extra, id: "it's" }]).message;
    const commands = message.slice(message.indexOf("curl -X DELETE"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "late-duplicate-"));
    try {
      // A stand-in curl prints its arguments, one a line; the pasted text runs as the user's shell would.
      const printed = execFileSync(
        "bash",
        ["-c", `curl() { printf '%s\\n' "$@"; }; CLOUDFLARE_API_TOKEN=tok; ${commands}`],
        { cwd: dir, encoding: "utf8" },
      );
      expect(fs.readdirSync(dir)).toEqual([]); // nothing touched
      const urls = printed.split("\n").filter((line) => line.startsWith("https://"));
      expect(urls).toEqual([
        "https://api.example/client/v4/accounts/acct%24(touch%20PWNED)/realtime/kit/app'%60touch%20PWNED%60'/meetings/6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40/participants/x%3Btouch%24%7BIFS%7DPWNED%3B%23",
        "https://api.example/client/v4/accounts/acct%24(touch%20PWNED)/realtime/kit/app'%60touch%20PWNED%60'/meetings/6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40/participants/it's",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(message).toContain(`and ${JSON.stringify(hostile)} (created "2026-12-06T00:00:00Z")`);
  });
});

describe("import ids", () => {
  const MEETING = "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40";
  it("ids are checked like check does and quoted as JSON, cut short, in the message", () => {
    expect(() => parseParticipantImportId("m-1/p-1")).toThrow(
      `Cannot import Participant "m-1/p-1": the import id must be <meetingId>/<participantId> (the meeting's id, a slash, the participant's id); the meeting's id is a UUID.`,
    );
    const huge = `${MEETING}/${"p".repeat(100_000)}`;
    const message = (() => {
      try {
        parseParticipantImportId(huge);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("at most 64 characters, none of them control characters");
    expect(message?.length).toBeLessThan(400);
    expect(() => parseParticipantImportId(`${MEETING}/p\nerror: forged`)).toThrow(
      `Cannot import Participant "${MEETING}/p\\nerror: forged"`,
    );
  });
});
