import { describe, expect, it } from 'vitest';
import { addApiKey, addStage, emptyDesign } from '../../model';
import { build, ids, restPetStore, webSocketChat } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { apiKeyNotInUsagePlan as rule } from './api-key-not-in-usage-plan';

const extraKey = () => build(restPetStore(), (d) => addApiKey(d, { name: 'mobile', id: ids.key('mobile') }));

describe('api-key-not-in-usage-plan', () => {
  it('names a key in no plan', () => {
    expect(lintWith(rule, extraKey())).toMatchObject([
      {
        severity: 'warning',
        message: 'API key mobile is in no usage plan, so API Gateway accepts it nowhere.',
        target: { id: ids.key('mobile') },
      },
    ]);
  });

  it('is quiet on keys in plans, and on WebSocket keys (whose plans Portico does not model)', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(webSocketChat(), (d) => addApiKey(d, { name: 'client' })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => addStage(d, { name: 'dev' })),
      ),
    ).toEqual([]);
  });

  it('quick fix adds the key to the only plan', () => {
    const design = extraKey();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
