/**
 * "Did you mean presetName?" for an unknown roster key or CSV column. The candidates are the description's
 * keys, never a hand list. A key matches when, compared without case, `_`, `-` or spaces, the typed text
 * is within a small edit distance of the whole key or of a run of its camelCase words: `prest` is one edit
 * from `preset`, the first word of `presetName`; `preset_name` and `PresetName` are the key itself.
 */

/** How many edits a word of this length may be off and still be suggested: none for 1-3 letters. */
function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  return length <= 6 ? 1 : 2;
}

/** Lower case without `_`, `-` and spaces, so `preset_name` and `Preset Name` read as `presetname`. */
function folded(text: string): string {
  return text.toLowerCase().replace(/[_\-\s]/g, "");
}

/** The runs of consecutive camelCase words of a key: `presetName` gives preset, presetName, name. */
function wordRuns(key: string): string[] {
  const words = key.split(/(?=[A-Z])/);
  const runs: string[] = [];
  for (let start = 0; start < words.length; start++)
    for (let end = start + 1; end <= words.length; end++) runs.push(words.slice(start, end).join(""));
  return runs;
}

/**
 * Edits between two strings (insert, delete, replace, or swap two neighbours), the optimal string alignment
 * distance: a swapped pair such as `nmae` is one slip, not two.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/**
 * The known key `typed` most likely meant, or undefined when none is close. The closest match wins; on a
 * tie, a match of the whole key beats a match of some of its words, then the description's order decides.
 */
export function closestKey(typed: string, known: readonly string[]): string | undefined {
  const text = folded(typed);
  if (text === "") return undefined;
  let best: { key: string; edits: number; partial: boolean } | undefined;
  for (const key of known) {
    for (const run of wordRuns(key)) {
      const target = folded(run);
      const edits = editDistance(text, target);
      if (edits > allowedEdits(target.length)) continue;
      const partial = run !== key;
      if (best === undefined || edits < best.edits || (edits === best.edits && best.partial && !partial))
        best = { key, edits, partial };
    }
  }
  return best?.key;
}

/** `did you mean presetName? ` for an unknown key, or "" when no known key is close. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const key = closestKey(typed, known);
  return key === undefined ? "" : `did you mean ${key}? `;
}
