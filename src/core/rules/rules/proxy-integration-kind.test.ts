import { describe, expect, it } from 'vitest';
import { addIntegration, connectIntegration, updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { proxyIntegrationKind as rule } from './proxy-integration-kind';

const mockProxy = () =>
  build(
    restPetStore(),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
    (d) => connectIntegration(d, ids.mth('get'), ids.int('mock')),
    (d) => updateBinding(d, ids.mth('get'), { proxy: true, responses: [] }),
  );

describe('proxy-integration-kind', () => {
  it('names a method that uses a mock as a proxy (updateBinding allows it)', () => {
    expect(lintWith(rule, mockProxy())).toMatchObject([
      { severity: 'error', message: 'GET /pets/{petId} uses a mock integration as a proxy, which API Gateway does not offer.' },
    ]);
  });

  it('is quiet on Lambda proxies and custom mocks', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(mockProxy(), (d) => updateBinding(d, ids.mth('get'), { proxy: false })),
      ),
    ).toEqual([]);
  });

  it('quick fix makes it a custom integration with a default response', () => {
    const design = mockProxy();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.methods[ids.mth('get')]?.integration?.responses).toHaveLength(1);
  });
});
