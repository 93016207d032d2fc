import { describe, expect, it } from 'vitest';
import { updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { lintWith } from '../testing/rule-tester';
import { domainCertificate as rule } from './domain-certificate';

const frankfurt = 'arn:aws:acm:eu-central-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

describe('domain-certificate', () => {
  it('names a domain without a certificate, and an edge-optimized one with a certificate outside us-east-1', () => {
    expect(lintWith(rule, withDomain(restWithDomain(), { certificateArn: '' }))[0]?.message).toBe(
      'api.example.com has no certificate: give the ARN of its ACM certificate.',
    );
    expect(lintWith(rule, withDomain(restWithDomain(), { certificateArn: frankfurt, endpointType: 'EDGE' }))[0]?.message).toBe(
      'api.example.com is edge-optimized, so its certificate must be in us-east-1; this one is in eu-central-1.',
    );
  });

  it('is quiet on a Regional domain with a certificate of its Region, and an edge one from us-east-1', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => updateDomain(d, dom, { certificateArn: frankfurt })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => updateDomain(d, dom, { endpointType: 'EDGE' })),
      ),
    ).toEqual([]);
  });
});
