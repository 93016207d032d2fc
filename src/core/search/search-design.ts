import type { Design } from '../model';
import { matchTiers, queryWords, scoreSubsequence, scoreText } from './match';
import { type SearchEntry, type SearchField, type SearchKind, searchEntries, searchKinds } from './search-entries';

/** An element that matches a query. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  /** The text of the element that matched best: show it when it is neither the title nor the subtitle. */
  matchedText: string;
  score: number;
}

/** A design made ready to search. */
export interface SearchIndex {
  readonly entries: readonly SearchEntry[];
  /**
   * Per entry, all its texts in lower case in one string, those matched letter by letter first (up to
   * `fuzzyEnds`): a word found in none of them is ruled out at once.
   */
  readonly haystacks: readonly string[];
  readonly fuzzyEnds: Int32Array;
}

const indexes = new WeakMap<Design, SearchIndex>();

/**
 * The search index of a design, built on first use. A design is never changed in place (every operation
 * makes a new one), so the design object itself is the cache key: an edit means a new index, and asking
 * again for the same design costs nothing.
 */
export function buildSearchIndex(design: Design): SearchIndex {
  let index = indexes.get(design);
  if (!index) {
    const entries = searchEntries(design);
    const haystacks = new Array<string>(entries.length);
    const fuzzyEnds = new Int32Array(entries.length);
    for (let at = 0; at < entries.length; at += 1) {
      const { fields } = entries[at] as SearchEntry;
      let haystack = '';
      for (const field of fields) if (field.fuzzy) haystack += `${field.lower}\n`;
      fuzzyEnds[at] = haystack.length;
      for (const field of fields) if (!field.fuzzy) haystack += `${field.lower}\n`;
      haystacks[at] = haystack;
    }
    index = { entries, haystacks, fuzzyEnds };
    indexes.set(design, index);
  }
  return index;
}

const kindOrder = new Map<SearchKind, number>(searchKinds.map((kind, order) => [kind, order]));

interface Candidate {
  entry: SearchEntry;
  order: number;
  score: number;
  matched: SearchField | undefined;
}

/** Whether the letters of `word` appear in order in `text` before `end`, however far apart. */
function inOrder(text: string, word: string, end: number): boolean {
  let at = 0;
  for (let index = 0; index < word.length; index += 1) {
    at = text.indexOf(word[index] as string, at);
    if (at === -1 || at >= end) return false;
    at += 1;
  }
  return true;
}

/**
 * The best weighted score of one word over an entry's fields, and the field it came from. Letters in
 * order are tried only when no field holds the word: they score at most the subsequence tier, which any
 * substring match already beats.
 */
function bestField(entry: SearchEntry, word: string): { score: number; field: SearchField | undefined } {
  let score = 0;
  let field: SearchField | undefined;
  for (const candidate of entry.fields) {
    const weighted = scoreText(candidate.text, candidate.lower, word, candidate.prefixOnly) * candidate.weight;
    if (weighted > score) {
      score = weighted;
      field = candidate;
    }
  }
  if (score >= matchTiers.subsequence || word.length < 3) return { score, field };
  for (const candidate of entry.fields) {
    if (!candidate.fuzzy) continue;
    const weighted = scoreSubsequence(candidate.text, candidate.lower, word) * candidate.weight;
    if (weighted > score) {
      score = weighted;
      field = candidate;
    }
  }
  return { score, field };
}

/** Bonus for a query of several words that matches one text as a whole ("get /pets", "pets function"). */
function phraseBonus(entry: SearchEntry, phrase: string): number {
  let bonus = 0;
  for (const field of entry.fields) {
    if (field.prefixOnly) continue;
    if (field.lower === phrase) bonus = Math.max(bonus, 30 * field.weight);
    else if (field.lower.startsWith(phrase)) bonus = Math.max(bonus, 15 * field.weight);
    else if (field.lower.includes(phrase)) bonus = Math.max(bonus, 5 * field.weight);
  }
  return bonus;
}

/**
 * The elements that match a query, best first within groups of one kind. Every word of the query must
 * match some text of the element (case-insensitive; exact, then prefix, word start, anywhere, letters in
 * order). The `limit` best are kept; their groups are ordered by each group's best match, ties in the
 * fixed order of `searchKinds`, so that the first result is always one of the best.
 */
export function searchDesign(index: SearchIndex, query: string, limit = 50): SearchResult[] {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const phrase = words.join(' ');
  const candidates: Candidate[] = [];
  const { entries, haystacks, fuzzyEnds } = index;
  for (let order = 0; order < entries.length; order += 1) {
    const entry = entries[order] as SearchEntry;
    const haystack = haystacks[order] as string;
    let total = 0;
    let matched: SearchField | undefined;
    let matchedScore = 0;
    let missing = false;
    for (const word of words) {
      // A necessary condition, far cheaper than scoring every field: most elements fail it.
      if (!haystack.includes(word) && (word.length < 3 || !inOrder(haystack, word, fuzzyEnds[order] as number))) {
        missing = true;
        break;
      }
      const best = bestField(entry, word);
      if (best.score === 0) {
        missing = true;
        break;
      }
      total += best.score;
      // A kind name ("stage") is no text worth showing as what matched.
      if (best.field && !best.field.prefixOnly && best.score > matchedScore) {
        matched = best.field;
        matchedScore = best.score;
      }
    }
    if (missing) continue;
    const score = total / words.length + (words.length > 1 ? phraseBonus(entry, phrase) : 0);
    candidates.push({ entry, order, score, matched });
  }
  candidates.sort((a, b) => b.score - a.score || a.entry.title.length - b.entry.title.length || a.order - b.order);
  const kept = candidates.slice(0, limit);
  const groupBest = new Map<SearchKind, number>();
  for (const candidate of kept) if (!groupBest.has(candidate.entry.kind)) groupBest.set(candidate.entry.kind, candidate.score);
  // Stable sort: inside a group, the best-first order above stays.
  kept.sort(
    (a, b) =>
      (groupBest.get(b.entry.kind) ?? 0) - (groupBest.get(a.entry.kind) ?? 0) ||
      (kindOrder.get(a.entry.kind) ?? 0) - (kindOrder.get(b.entry.kind) ?? 0),
  );
  return kept.map(({ entry, score, matched }) => ({
    kind: entry.kind,
    id: entry.id,
    title: entry.title,
    subtitle: entry.subtitle,
    matchedText: matched?.text ?? entry.title,
    score,
  }));
}
