/**
 * How well one query word matches one piece of text, in tiers: the whole text, its start, the start of a
 * word inside it (after a separator or at a camelCase hump, so `pets` finds `listPets` and `/pets/{id}`),
 * anywhere inside it, or its letters in order close together (`lstpts` finds `listPets`). A tier always
 * beats the one below it, whatever the weight of the field.
 */
export const matchTiers = { exact: 100, prefix: 80, wordPrefix: 60, substring: 40, subsequence: 20 } as const;

/** Fuzzy matching starts at three letters: shorter words find too much in paths and ARNs to be useful. */
const minSubsequenceLength = 3;

// ASCII first: these run for every occurrence of a word in every text, and a regular expression per
// character was the search's hottest spot.
function isAlphanumeric(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(char);
}

function isUpper(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/**
 * Whether a word starts at `index`: the first character, after a non-letter, or a capital after a lower
 * case letter or digit (`listPets`). `text` is the original text; `lower` its lower case, which has the
 * same indices unless lower-casing changed the length (a few Unicode letters), when only separators count.
 */
export function startsWord(text: string, lower: string, index: number): boolean {
  if (index === 0) return true;
  if (!isAlphanumeric(lower[index - 1])) return true;
  if (text.length !== lower.length) return false;
  return isUpper(text[index]) && !isUpper(text[index - 1]);
}

/**
 * The positions of `word`'s letters in `text` (`lower` is its lower case), in order and close together,
 * or undefined. The window is the shortest one ending where a left-to-right scan ends (scan forward, then
 * back); it must start a word and be at most twice the word's length plus two: `pets` is not in
 * `operations`, and looser matches in long ARNs and URLs are noise.
 */
export function subsequencePositions(text: string, lower: string, word: string): number[] | undefined {
  if (word.length < minSubsequenceLength || word.length > lower.length) return undefined;
  let at = 0;
  let end = -1;
  for (let index = 0; index < word.length; index += 1) {
    end = lower.indexOf(word[index] as string, at);
    if (end === -1) return undefined;
    at = end + 1;
  }
  const positions = new Array<number>(word.length);
  let cursor = end;
  for (let index = word.length - 1; index >= 0; index -= 1) {
    cursor = lower.lastIndexOf(word[index] as string, cursor);
    positions[index] = cursor;
    cursor -= 1;
  }
  const start = positions[0] as number;
  return end - start + 1 <= word.length * 2 + 2 && startsWord(text, lower, start) ? positions : undefined;
}

/**
 * The score of `word` (lower case) against a text (`lower` is its lower case) in the tiers above the
 * letters-in-order one, 0 when it is not in the text. `prefixOnly` stops at the word-prefix tier (kind
 * names such as "usage plan", which should not match every "a").
 */
export function scoreText(text: string, lower: string, word: string, prefixOnly = false): number {
  if (lower === word) return matchTiers.exact;
  const at = lower.indexOf(word);
  if (at === 0) return matchTiers.prefix;
  if (at < 0) return 0;
  for (let index = at; index !== -1; index = lower.indexOf(word, index + 1))
    if (startsWord(text, lower, index)) return matchTiers.wordPrefix;
  return prefixOnly ? 0 : matchTiers.substring;
}

/** The letters-in-order score of `word` against a text, 0 when its letters are not there close together. */
export function scoreSubsequence(text: string, lower: string, word: string): number {
  const positions = subsequencePositions(text, lower, word);
  if (!positions) return 0;
  const span = (positions[positions.length - 1] as number) - (positions[0] as number) + 1;
  // Contiguous letters score like half a substring; spread-out ones less.
  return matchTiers.subsequence / 2 + (matchTiers.subsequence / 2) * (word.length / span);
}

/** The score of `word` against a text in every tier; `fuzzy` allows letters in order. */
export function scoreWord(text: string, lower: string, word: string, fuzzy: boolean, prefixOnly = false): number {
  const score = scoreText(text, lower, word, prefixOnly);
  if (score > 0 || !fuzzy || prefixOnly) return score;
  return scoreSubsequence(text, lower, word);
}

/** The query as lower-case words; long queries are cut, so a pasted essay cannot stall the search. */
export function queryWords(query: string): string[] {
  return query.slice(0, 200).toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}

/**
 * The parts of `text` the query's words match, as sorted, non-overlapping `[start, end)` ranges, for
 * highlighting. Each word marks its best place: a word start, else the first occurrence, else its letters.
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const lower = text.toLowerCase();
  // Indices of the lower case text only match the original when lower-casing kept the length.
  if (lower.length !== text.length) return [];
  const ranges: [number, number][] = [];
  for (const word of queryWords(query)) {
    let found = -1;
    for (let index = lower.indexOf(word); index !== -1; index = lower.indexOf(word, index + 1)) {
      if (found === -1) found = index;
      if (startsWord(text, lower, index)) {
        found = index;
        break;
      }
    }
    if (found !== -1) {
      ranges.push([found, found + word.length]);
      continue;
    }
    for (const position of subsequencePositions(text, lower, word) ?? []) ranges.push([position, position + 1]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
