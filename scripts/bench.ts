/**
 * `make bench`: the figures quoted in docs/performance.md, measured on this machine against
 * the local emulator (loopback, so they show our own overhead and pacing, not Cloudflare's latency).
 * Prints a Markdown table and writes it to bench-results/latest.md.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../emulator";
import { serializedProvider } from "../provider/shim";
import { RealtimeKitClient } from "../sdk";
import { createE2eProject } from "../tests/e2e/harness";

interface Row {
  what: string;
  figure: string;
  detail: string;
}

const rows: Row[] = [];
const record = (what: string, figure: string, detail = "") => {
  rows.push({ what, figure, detail });
  console.log(`${what}: ${figure} ${detail}`);
};

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

/** Needs `node --expose-gc` (as `make bench` runs it), so heap figures count live objects only. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (make bench does)");
  gc();
}

function client(emulator: RunningEmulator, paced: boolean): RealtimeKitClient {
  return new RealtimeKitClient({
    apiToken: emulator.apiToken,
    accountId: emulator.accountId,
    appId: emulator.appId,
    baseUrl: emulator.baseUrl,
    rateLimit: paced ? undefined : false,
  });
}

async function seedMeeting(emulator: RunningEmulator, participants: number): Promise<string> {
  const fast = client(emulator, false);
  const meeting = await fast.meetings.create({ title: `bench ${participants}` });
  const ids = Array.from({ length: participants }, (_, i) => `bench-${i}`);
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids
        .slice(i, i + 50)
        .map((customParticipantId) =>
          fast.participants.add(meeting.id, { customParticipantId, presetName: "group_call_participant" }),
        ),
    );
  }
  return meeting.id;
}

async function benchSdk(): Promise<void> {
  const emulator = await startEmulator();
  try {
    for (const size of [1_000, 10_000]) {
      const meetingId = await seedMeeting(emulator, size);
      emulator.control.resetCounters();
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;
      const [all, ms] = await timed(() => client(emulator, false).participants.listAll(meetingId));
      collectGarbage();
      const heapDelta = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      const requests = emulator.control.counters().total;
      record(
        `sdk listAll, ${size} participants`,
        `${ms.toFixed(0)} ms`,
        `${all.length} rows in ${requests} requests (per_page 100); heap +${heapDelta.toFixed(1)} MiB while held (emulator in-process)`,
      );
    }

    const meetingId = (await client(emulator, false).meetings.create({ title: "pacing" })).id;
    const paced = client(emulator, true);
    const adds = 40;
    const [, ms] = await timed(() =>
      Promise.all(
        Array.from({ length: adds }, (_, i) =>
          paced.participants.add(meetingId, { customParticipantId: `p-${i}`, presetName: "group_call_host" }),
        ),
      ),
    );
    record(
      `sdk add x${adds} at once, default pacing`,
      `${(ms / 1000).toFixed(1)} s`,
      `${((adds / ms) * 1000).toFixed(1)} requests/s overall (bucket: 3.8/s, burst 10: at most 1150 per 5 min)`,
    );
  } finally {
    await emulator.close();
  }
}

function benchProviderSize(): void {
  const sizes = (["participant", "meeting", "rosterPrune"] as const).map((kind) =>
    Buffer.byteLength(serializedProvider(kind)),
  );
  record(
    "__provider in state",
    `${sizes[0]} B`,
    `Participant; Meeting ${sizes[1]} B, RosterPrune ${sizes[2]} B (a one-line module; budget 4096 B)`,
  );
}

async function benchEngine(size: number): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rtk-bench-"));
  const rosterFile = path.join(scratch, "roster.json");
  const project = await createE2eProject("tests/e2e/programs/participants", { rosterFile });
  try {
    const meetingId = (await client(project.emulator, false).meetings.create({ title: "engine bench" })).id;
    const participants = Array.from({ length: size }, (_, i) => ({
      resourceName: `member-${i}`,
      customParticipantId: `member-${i}`,
      presetName: i % 5 === 0 ? "group_call_host" : "group_call_participant",
      name: `Member ${i}`,
    }));
    fs.writeFileSync(rosterFile, JSON.stringify({ meetingId, participants }));

    const [, upMs] = await timed(() => project.stack.up());
    record(
      `pulumi up, ${size} new participants`,
      `${(upMs / 1000).toFixed(1)} s`,
      "real CLI, default pacing",
    );
    const [, previewMs] = await timed(() => project.stack.preview());
    record(
      `pulumi preview, ${size} unchanged`,
      `${(previewMs / 1000).toFixed(1)} s`,
      "no API calls (diff is pure)",
    );
    project.emulator.control.resetCounters();
    const [, refreshMs] = await timed(() => project.stack.refresh());
    const byRoute = project.emulator.control.counters().byRoute;
    const calls = Object.entries(byRoute)
      .map(
        ([route, n]) => `${n} x ${route.split(" ")[0]} ${route.endsWith("/participants") ? "list" : "get"}`,
      )
      .join(", ");
    record(`pulumi refresh, ${size} participants`, `${(refreshMs / 1000).toFixed(1)} s`, calls);
    const [, destroyMs] = await timed(() => project.stack.destroy());
    record(`pulumi destroy, ${size} participants`, `${(destroyMs / 1000).toFixed(1)} s`, "default pacing");
  } finally {
    await project.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  record(
    "machine",
    `${os.cpus().length} cores`,
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  await benchSdk();
  benchProviderSize();
  await benchEngine(50);
  const table = [
    "| what | figure | detail |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${r.what} | ${r.figure} | ${r.detail} |`),
  ].join("\n");
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync("bench-results/latest.md", `${table}\n`);
  console.log(`\n${table}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
