import { describe, expect, it } from 'vitest';
import { parseJsonObjectDraft, parseListDraft, parseNumberDraft, recordFromRows } from './drafts';

describe('parseNumberDraft', () => {
  it('reads numbers, and empty as unset when optional', () => {
    expect(parseNumberDraft(' 300 ', false)).toEqual({ ok: true, value: 300 });
    expect(parseNumberDraft('-2.5', false)).toEqual({ ok: true, value: -2.5 });
    expect(parseNumberDraft('', true)).toEqual({ ok: true, value: undefined });
  });
  it('refuses text and empty required values with a message', () => {
    expect(parseNumberDraft('', false).ok).toBe(false);
    expect(parseNumberDraft('12abc', true)).toEqual({ ok: false, message: '"12abc" is not a number.' });
    expect(parseNumberDraft('0x10', true).ok).toBe(false);
  });
});

describe('parseListDraft', () => {
  it('splits on commas and lines and drops blanks', () => {
    expect(parseListDraft('image/png, application/pdf,\n , */*')).toEqual(['image/png', 'application/pdf', '*/*']);
    expect(parseListDraft('')).toEqual([]);
  });
});

describe('parseJsonObjectDraft', () => {
  it('accepts objects and refuses arrays, scalars and broken JSON', () => {
    expect(parseJsonObjectDraft('{"a": 1}', false)).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonObjectDraft('  ', true)).toEqual({ ok: true, value: undefined });
    expect(parseJsonObjectDraft('[1]', true).ok).toBe(false);
    expect(parseJsonObjectDraft('{"a":', true).ok).toBe(false);
  });
});

describe('recordFromRows', () => {
  it('skips rows still without a key and refuses duplicates', () => {
    expect(
      recordFromRows([
        { key: 'a', value: '1' },
        { key: ' ', value: 'x' },
      ]),
    ).toEqual({ ok: true, value: { a: '1' } });
    expect(
      recordFromRows(
        [
          { key: 'a', value: '1' },
          { key: 'a ', value: '2' },
        ],
        'variable',
      ),
    ).toEqual({
      ok: false,
      message: 'The variable "a" is listed twice.',
    });
  });
});
