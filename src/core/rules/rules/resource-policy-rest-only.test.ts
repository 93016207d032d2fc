import { describe, expect, it } from 'vitest';
import { changeApiType, emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { resourcePolicyRestOnly as rule } from './resource-policy-rest-only';

const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] };
const withPolicy = () => build(emptyDesign('REST'), (d) => updateApi(d, { policy }));

describe('resource-policy-rest-only', () => {
  it('names the API when an HTTP API keeps the policy of the REST API it was', () => {
    const design = build(withPolicy(), (d) => changeApiType(d, 'HTTP'));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on a REST API with a policy', () => {
    expect(lintWith(rule, withPolicy())).toEqual([]);
  });

  it('quick fix removes the policy', () => {
    const design = build(withPolicy(), (d) => changeApiType(d, 'WEBSOCKET'));
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
