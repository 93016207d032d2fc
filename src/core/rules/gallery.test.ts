import { describe, expect, it } from 'vitest';
import { examples } from '../examples';
import { apiTypes, emptyDesign } from '../model';
import { lintDesign } from './index';
import { summary } from './testing/rule-tester';

describe('rules on the gallery', () => {
  // No advice either: every example is meant to be a design to copy, so it should raise nothing at all.
  it.each(examples.map((example) => [example.id, example] as const))('%s passes every rule', (_id, example) => {
    expect(lintDesign(example.build()).map(summary)).toEqual([]);
  });

  it.each(apiTypes)('a new, empty %s design has no errors', (type) => {
    expect(lintDesign(emptyDesign(type)).filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
