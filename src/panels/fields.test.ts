import { describe, expect, it } from 'vitest';
import { changeLabel, sameFieldProps } from './fields';

describe('changeLabel', () => {
  it('names the undo step after the field, keeping acronyms', () => {
    expect(changeLabel({ label: 'Cache TTL (seconds)' })).toBe('Change cache TTL');
    expect(changeLabel({ label: 'API key required' })).toBe('Change API key required');
    expect(changeLabel({ label: 'Name', opLabel: 'Rename API' })).toBe('Rename API');
  });
});

describe('sameFieldProps', () => {
  it('ignores re-created callbacks and equal option lists, not values', () => {
    const options = [{ value: 'a', label: 'A' }];
    const base = { label: 'X', value: 1, options, toOperation: () => () => undefined };
    expect(sameFieldProps(base, { ...base, toOperation: () => () => undefined, options: [{ value: 'a', label: 'A' }] })).toBe(true);
    expect(sameFieldProps(base, { ...base, value: 2 })).toBe(false);
    expect(sameFieldProps(base, { ...base, options: [{ value: 'a', label: 'B' }] })).toBe(false);
  });
});
