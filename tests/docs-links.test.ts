/**
 * The user docs (README.md, CONTRIBUTING.md, docs/) stay navigable: every relative link names a file that
 * exists and, when it has one, a heading anchor that file has; every `make <target>` they name is a target
 * of the Makefile. A page moved or a section renamed fails here instead of in a reader's browser.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/** The pages checked, relative to the repository root. */
function pages(): string[] {
  const docs = fs
    .readdirSync(path.join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => path.join("docs", file));
  return ["README.md", "CONTRIBUTING.md", ...docs].sort();
}

/** A page's text without fenced code blocks, whose brackets and `make` lines are not links or claims. */
function prose(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), "utf8").replace(/^```[\s\S]*?^```/gm, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a Markdown file's headings, numbered as GitHub numbers repeated ones. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of prose(file).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(match[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Every relative link target of a page, as written. */
function relativeLinks(file: string): string[] {
  const targets = [...prose(file).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
  return targets.filter((target) => !/^[a-z]+:/i.test(target));
}

/** The link targets of a page that do not resolve, with why. */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const target of relativeLinks(file)) {
    const [filePart, anchor] = target.split("#", 2);
    const resolved = filePart ? path.join(path.dirname(file), filePart) : file;
    if (!fs.existsSync(path.join(ROOT, resolved))) {
      broken.push(`${target}: no file ${resolved}`);
    } else if (anchor !== undefined && resolved.endsWith(".md") && !anchors(resolved).has(anchor)) {
      broken.push(`${target}: ${resolved} has no heading with the anchor #${anchor}`);
    }
  }
  return broken;
}

/** The Makefile's targets. */
function makeTargets(): Set<string> {
  const makefile = fs.readFileSync(path.join(ROOT, "Makefile"), "utf8");
  return new Set([...makefile.matchAll(/^([a-z][\w-]*):/gm)].map((match) => match[1]));
}

describe.each(pages())("%s", (file) => {
  it("has relative links that all resolve, anchors included", () => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it("names only make targets the Makefile has", () => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const named = [...text.matchAll(/(?:`|^)make ([a-z][\w-]*)/gm)].map((match) => match[1]);
    const targets = makeTargets();
    expect(named.filter((target) => !targets.has(target))).toEqual([]);
  });
});

test("anchors are made as GitHub makes them", () => {
  expect(slug("The native plugin: every language, and `pulumi import`")).toBe(
    "the-native-plugin-every-language-and-pulumi-import",
  );
  expect(slug("Authoritative rosters (`prune: true`)")).toBe("authoritative-rosters-prune-true");
  expect(anchors("README.md").has("quick-start-typescript")).toBe(true);
});
