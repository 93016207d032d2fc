import { describe, expect, it } from 'vitest';
import { matchRanges, matchTiers, queryWords, scoreWord, startsWord, subsequencePositions } from './match';

function score(text: string, word: string, fuzzy = true, prefixOnly = false): number {
  return scoreWord(text, text.toLowerCase(), word, fuzzy, prefixOnly);
}

describe('scoreWord', () => {
  it('ranks exact over prefix over word start over substring over letters in order', () => {
    const exact = score('pets', 'pets');
    const prefix = score('petstore', 'pets');
    const wordStart = score('listPets', 'pets');
    const substring = score('carpets', 'pets');
    const subsequence = score('paretsx', 'pets');
    expect(exact).toBe(matchTiers.exact);
    expect(prefix).toBe(matchTiers.prefix);
    expect(wordStart).toBe(matchTiers.wordPrefix);
    expect(substring).toBe(matchTiers.substring);
    expect(subsequence).toBeGreaterThan(0);
    expect(subsequence).toBeLessThanOrEqual(matchTiers.subsequence);
  });

  it('ignores case', () => {
    expect(score('GET', 'get')).toBe(matchTiers.exact);
    expect(score('NewPet', 'newp')).toBe(matchTiers.prefix);
  });

  it('finds word starts after separators and at camelCase humps', () => {
    expect(score('/pets/{petId}', 'petid')).toBe(matchTiers.wordPrefix);
    expect(score('arn:aws:lambda:us-east-1:123456789012:function:pets', 'function:pets')).toBe(matchTiers.wordPrefix);
    expect(score('Pets function', 'function')).toBe(matchTiers.wordPrefix);
    expect(score('createPet', 'pet')).toBe(matchTiers.wordPrefix);
  });

  it('matches letters in order only when allowed and close together', () => {
    expect(score('listPets', 'lstpts')).toBeGreaterThan(0);
    expect(score('listPets', 'lstpts', false)).toBe(0);
    // The letters of "such" are all in this ARN, but far apart: no match.
    expect(score('arn:aws:lambda:us-east-1:123456789012:function:chat', 'such')).toBe(0);
    // The letters must start at a word: "pets" is not in "operations".
    expect(score('operations', 'pets')).toBe(0);
    expect(score('/reviews1', 'rvws')).toBeGreaterThan(0);
    // Two letters are too few to match out of order.
    expect(score('listPets', 'lp')).toBe(0);
  });

  it('scores tight letter matches above loose ones', () => {
    expect(score('getPet', 'gtpt')).toBeGreaterThan(score('getsomePet', 'gtpt'));
  });

  it('stops at word starts for kind names', () => {
    expect(score('usage plan', 'plan', false, true)).toBe(matchTiers.wordPrefix);
    expect(score('stage', 'tag', true, true)).toBe(0);
    expect(score('stage', 'stg', true, true)).toBe(0);
  });
});

describe('startsWord', () => {
  it('treats the start, a separator and a lower-to-upper change as word starts', () => {
    const text = 'listPets-v2';
    const lower = text.toLowerCase();
    expect(startsWord(text, lower, 0)).toBe(true);
    expect(startsWord(text, lower, 4)).toBe(true);
    expect(startsWord(text, lower, 9)).toBe(true);
    expect(startsWord(text, lower, 2)).toBe(false);
  });

  it('does not split a run of capitals', () => {
    expect(startsWord('GETX', 'getx', 2)).toBe(false);
  });
});

describe('subsequencePositions', () => {
  it('takes the tightest window ending where the scan ends', () => {
    expect(subsequencePositions('a-abc', 'a-abc', 'abc')).toEqual([2, 3, 4]);
  });

  it('gives up when a letter is missing', () => {
    expect(subsequencePositions('listpets', 'listpets', 'lsz')).toBeUndefined();
  });
});

describe('queryWords', () => {
  it('splits on white space, lower-cases and caps the number of words', () => {
    expect(queryWords('  POST   /Pets ')).toEqual(['post', '/pets']);
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
    expect(queryWords('')).toEqual([]);
  });
});

describe('matchRanges', () => {
  it('marks each word where it matches, merged and in order', () => {
    expect(matchRanges('GET /pets/{petId}', 'pets get')).toEqual([
      [0, 3],
      [5, 9],
    ]);
  });

  it('prefers a word start to an earlier occurrence inside a word', () => {
    expect(matchRanges('carpets /pets', 'pets')).toEqual([[9, 13]]);
  });

  it('marks the letters of a letters-in-order match', () => {
    expect(matchRanges('listPets', 'lpets')).toEqual([
      [0, 1],
      [4, 8],
    ]);
  });

  it('marks nothing when nothing matches', () => {
    expect(matchRanges('health', 'zzz')).toEqual([]);
  });
});
