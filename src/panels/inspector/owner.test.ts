import { describe, expect, it } from 'vitest';
import { freeName, fromTextRecord, renameKey, textRecord } from './owner';

describe('owner helpers', () => {
  it('keeps intrinsic values whose text was not edited', () => {
    const original = { a: { 'Fn::Sub': 'x' }, b: 'plain' };
    const texts = textRecord(original);
    expect(texts).toEqual({ a: '!Sub x', b: 'plain' });
    expect(fromTextRecord({ ...texts, b: 'changed' }, original)).toEqual({ a: { 'Fn::Sub': 'x' }, b: 'changed' });
  });
  it('renames keys in place and refuses duplicates', () => {
    expect(Object.keys(renameKey({ a: 1, b: 2, c: 3 }, 'b', 'x', 'content type'))).toEqual(['a', 'x', 'c']);
    expect(() => renameKey({ a: 1, b: 2 }, 'b', 'a', 'content type')).toThrow('already listed');
    expect(() => renameKey({ a: 1 }, 'a', ' ', 'content type')).toThrow('cannot be empty');
  });
  it('finds a free name', () => {
    expect(freeName('param', ['param', 'param2'])).toBe('param3');
    expect(freeName('x', [])).toBe('x');
  });
});
