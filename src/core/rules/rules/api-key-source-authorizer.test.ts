import { describe, expect, it } from 'vitest';
import { addAuthorizer, updateApi } from '../../model';
import { build, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { apiKeySourceAuthorizer as rule } from './api-key-source-authorizer';

const fromAuthorizer = () => build(restPetStore(), (d) => updateApi(d, { apiKeySource: 'AUTHORIZER' }));

describe('api-key-source-authorizer', () => {
  it('names an API that reads keys from a Lambda authorizer it does not have', () => {
    expect(lintWith(rule, fromAuthorizer())).toMatchObject([{ severity: 'warning', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet with a Lambda authorizer or the header source', () => {
    expect(
      lintWith(
        rule,
        build(fromAuthorizer(), (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });

  it('quick fix reads keys from the header', () => {
    const design = fromAuthorizer();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
