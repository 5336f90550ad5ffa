/**
 * `make bench` (part of): what one participant add costs the emulator with a state file holding 16,000
 * participants (BENCH_STATE_PARTICIPANTS). The state is seeded by writing the file, then adds go through
 * the API one after the other; the figure is the mean time per add, the state file's writes included.
 * BENCH_EMULATOR_MODULE points at another copy of the emulator, to compare two versions.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { randomUUID } from "crypto";
import type { RunningEmulator, startEmulator as Start } from "../emulator";
import { addParticipant, createMeeting } from "../tests/helpers/emulator";

const PARTICIPANTS = Number(process.env.BENCH_STATE_PARTICIPANTS ?? 16_000);
const ADDS = 200;
const modulePath = process.env.BENCH_EMULATOR_MODULE ?? path.join(__dirname, "../emulator");
const { startEmulator } = require(modulePath) as { startEmulator: typeof Start };

/** Waits until the state file has been written with `count` participants, polling with a deadline. */
async function settled(stateFile: string, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { participants: unknown[] };
    if (state.participants.length === count) return;
    if (Date.now() > deadline) throw new Error(`state file never reached ${count} participants`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-emulator-state-"));
  const stateFile = path.join(dir, "state.json");
  let emulator: RunningEmulator | undefined;
  try {
    emulator = await startEmulator({ stateFile });
    const meetingId = await createMeeting(emulator, { title: "bench" });
    const first = await addParticipant(emulator, meetingId, { custom_participant_id: "seed" });
    await emulator.close();
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as {
      participants: Record<string, unknown>[];
    };
    const [template] = state.participants.filter((participant) => participant.id === first.id);
    state.participants = Array.from({ length: PARTICIPANTS }, (_, index) => ({
      ...template,
      id: randomUUID(),
      custom_participant_id: `seeded-${index}`,
    }));
    fs.writeFileSync(stateFile, JSON.stringify(state));

    emulator = await startEmulator({ stateFile });
    const started = process.hrtime.bigint();
    for (let index = 0; index < ADDS; index++) {
      await addParticipant(emulator, meetingId, { custom_participant_id: `added-${index}` });
    }
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    await emulator.close();
    emulator = undefined;
    await settled(stateFile, PARTICIPANTS + ADDS);
    console.log(
      `emulator with a state file of ${PARTICIPANTS} participants: ${(elapsed / ADDS).toFixed(1)} ms per add ` +
        `(${ADDS} adds one after the other, ${elapsed.toFixed(0)} ms)`,
    );
  } finally {
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
