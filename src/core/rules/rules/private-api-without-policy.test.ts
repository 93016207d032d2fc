import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { privateApiWithoutPolicy as rule } from './private-api-without-policy';

const privateApi = (vpcEndpointIds: string[]) =>
  build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE', vpcEndpointIds }));

describe('private-api-without-policy', () => {
  it('names a private API without a resource policy', () => {
    expect(lintWith(rule, privateApi([]))).toMatchObject([{ severity: 'error', target: { kind: 'api', id: 'api' } }]);
  });

  it('offers no fix without known VPC endpoints (allowing every endpoint would open the API to other accounts)', () => {
    expect(lintWith(rule, privateApi([]))[0]?.fix).toBeUndefined();
  });

  it('is quiet on private APIs with a policy and on Regional APIs', () => {
    const design = build(privateApi([]), (d) => updateApi(d, { policy: { Version: '2012-10-17', Statement: [] } }));
    expect(lintWith(rule, design)).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL' })),
      ),
    ).toEqual([]);
  });

  it("quick fix allows calls only through the API's endpoints", () => {
    const design = privateApi(['vpce-0123456789abcdef0']);
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(JSON.stringify(outcome.design.api.policy)).toContain('"aws:SourceVpce":"vpce-0123456789abcdef0"');
  });
});
