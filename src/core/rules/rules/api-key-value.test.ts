import { describe, expect, it } from 'vitest';
import type { Design } from '../../model';
import { ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { apiKeyValue as rule } from './api-key-value';

/** Built directly: addApiKey and updateApiKey refuse such values; imported data may carry them. */
function withValue(value: string): Design {
  const design = restPetStore();
  const key = design.apiKeys[ids.key('partner')]!;
  return { ...design, apiKeys: { ...design.apiKeys, [key.id]: { ...key, value } } };
}

describe('api-key-value', () => {
  it('names a key value shorter than 20 characters', () => {
    expect(lintWith(rule, withValue('short'))).toMatchObject([
      { severity: 'error', message: 'API key partner has a 5-character value; a value has 20 to 128 characters.' },
    ]);
  });

  it('is quiet on generated keys and on values of 20 to 128 characters', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(lintWith(rule, withValue('a'.repeat(20)))).toEqual([]);
  });
});
