import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { resourcePolicyRestOnly as rule } from './resource-policy-rest-only';

const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] };
/** changeApiType removes the policy (and says so); an imported or hand-edited design may still carry one. */
const withPolicy = (type: 'REST' | 'HTTP' | 'WEBSOCKET' = 'REST') => build(emptyDesign(type), (d) => updateApi(d, { policy }));

describe('resource-policy-rest-only', () => {
  it('names the API when an HTTP API has a resource policy', () => {
    const design = withPolicy('HTTP');
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on a REST API with a policy', () => {
    expect(lintWith(rule, withPolicy())).toEqual([]);
  });

  it('quick fix removes the policy', () => {
    const design = withPolicy('WEBSOCKET');
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
