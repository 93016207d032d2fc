import { describe, expect, it } from 'vitest';
import { emptyDesign, type JsonObject, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { resourcePolicySize as rule } from './resource-policy-size';

function policyAllowing(ranges: number): JsonObject {
  const sourceIps = Array.from({ length: ranges }, (_, index) => `10.${index % 256}.${Math.floor(index / 256)}.0/24`);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*',
        Condition: { IpAddress: { 'aws:SourceIp': sourceIps } },
      },
    ],
  };
}

describe('resource-policy-size', () => {
  it('warns about a policy longer than 8,192 characters', () => {
    const design = build(emptyDesign('REST'), (d) => updateApi(d, { policy: policyAllowing(600) }));
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'warning', target: { kind: 'api', id: 'api' } }]);
  });

  it('is quiet on a short policy', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { policy: policyAllowing(3) })),
      ),
    ).toEqual([]);
  });
});
