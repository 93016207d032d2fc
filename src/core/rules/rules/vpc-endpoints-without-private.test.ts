import { describe, expect, it } from 'vitest';
import { emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { vpcEndpointsWithoutPrivate as rule } from './vpc-endpoints-without-private';

const switched = () =>
  build(
    emptyDesign('REST'),
    (d) => updateApi(d, { endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-0123456789abcdef0'] }),
    (d) => updateApi(d, { endpointType: 'REGIONAL' }),
  );

describe('vpc-endpoints-without-private', () => {
  it('names an API switched from private to Regional that kept its VPC endpoints', () => {
    expect(lintWith(rule, switched())).toMatchObject([{ severity: 'warning', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on a private API with endpoints', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-1'] })),
      ),
    ).toEqual([]);
  });

  it('quick fix removes the endpoints', () => {
    const design = switched();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
