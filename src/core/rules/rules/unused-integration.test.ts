import { describe, expect, it } from 'vitest';
import { addIntegration } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { unusedIntegration as rule } from './unused-integration';

describe('unused-integration', () => {
  it('names an integration connected to nothing', () => {
    const design = build(restPetStore(), (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web'), name: 'Website' }));
    expect(lintWith(rule, design)).toMatchObject([
      { severity: 'warning', message: 'Integration Website is connected to no method.', target: { id: ids.int('web') } },
    ]);
  });

  it('is quiet when every integration is connected', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix deletes it', () => {
    const design = build(restPetStore(), (d) => addIntegration(d, { kind: 'MOCK' }));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
