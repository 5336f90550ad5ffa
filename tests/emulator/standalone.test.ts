import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const EMULATOR_DIR = resolve(__dirname, "../../emulator");

describe("the emulator's dependencies", () => {
  const sources = readdirSync(EMULATOR_DIR).filter((file) => file.endsWith(".ts"));

  test.each(sources)("%s imports only node built-ins and other emulator files", (file) => {
    const source = readFileSync(join(EMULATOR_DIR, file), "utf8");
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*["']([^"']+)["']/g)].map(
      (match) => match[1],
    );

    const foreign = specifiers.filter(
      (specifier) => !specifier.startsWith("node:") && !/^\.\/[\w-]+$/.test(specifier),
    );
    expect(foreign).toEqual([]);
  });
});
