/**
 * How the runtime presents its errors: a roster child's error starts with its entry's `file:line` (and
 * keeps a partial failure's state), a participant declared in code is left as it is, and the
 * dynamic-provider host's second, stack-trace copy of a failure is not printed while other lines are.
 */
import { SOURCE_KEY } from "../../provider/runtime/protocol";
import { atSource, recordSource, sourceInput } from "../../provider/runtime/roster/source";
import { quietlyFailing } from "../../provider/runtime/host-log";

const MEETING = "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40";

describe("the roster file's line in a child's error", () => {
  it("is the hidden input of an entry read from a file, and nothing for one declared in code", () => {
    expect(sourceInput({ file: "roster.yaml", line: 4 })).toEqual({ [SOURCE_KEY]: "roster.yaml:4" });
    expect(sourceInput(undefined)).toEqual({});
  });

  it("starts the error of the participant that check recorded, once, keeping the error itself", async () => {
    recordSource({ meetingId: MEETING, customParticipantId: "b", [SOURCE_KEY]: "roster.yaml:4" });
    const failure = Object.assign(new Error('Could not create participant "b"'), { id: "p-1" });
    const inputs = { meetingId: ` ${MEETING}`, customParticipantId: "b" };
    const thrown = await atSource(inputs, () => atSource(inputs, () => Promise.reject(failure))).catch(
      (error: unknown) => error,
    );
    expect(thrown).toBe(failure);
    expect(failure.message).toBe('roster.yaml:4: Could not create participant "b"');
    expect(failure.id).toBe("p-1");
  });

  it("leaves the errors of other participants as they are", async () => {
    const failure = new Error('Could not create participant "c"');
    await expect(
      atSource({ meetingId: MEETING, customParticipantId: "c" }, () => Promise.reject(failure)),
    ).rejects.toThrow(/^Could not create participant "c"$/);
    await expect(atSource({ meetingId: MEETING, customParticipantId: "b" }, async () => 1)).resolves.toBe(1);
  });
});

describe("the dynamic-provider host's copy of a failure", () => {
  it("is not printed for an error the runtime threw; other lines are", async () => {
    const printed: unknown[][] = [];
    const original = console.error;
    // Stands in for the console the runtime wraps (it wraps whatever console.error is at the first failure).
    console.error = (...args: unknown[]) => void printed.push(args);
    try {
      const failure = new Error("Could not delete participant");
      const caught = await quietlyFailing(() => Promise.reject(failure)).catch((error: unknown) => error);
      // What the host does with it (cmd/dynamic-provider): print `${e}: ${e.stack}`, then answer with it.
      console.error(`${String(caught)}: ${(caught as Error).stack}`);
      console.error("a line of the program's own");
      console.error(`${String(caught)}: ${(caught as Error).stack}`); // a second copy is not expected
      expect(printed).toEqual([
        ["a line of the program's own"],
        [`${String(caught)}: ${(caught as Error).stack}`],
      ]);
    } finally {
      console.error = original;
    }
  });
});
