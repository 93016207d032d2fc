import { describe, expect, it } from 'vitest';
import { updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { lintWith } from '../testing/rule-tester';
import { domainTruststoreUri as rule } from './domain-truststore-uri';

describe('domain-truststore-uri', () => {
  it('names a truststore given as an HTTPS URL', () => {
    const design = withDomain(restWithDomain(), { mutualTls: { truststoreUri: 'https://truststores.s3.amazonaws.com/ca.pem' } });
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'domain', id: dom } }]);
    expect(lintWith(rule, design)[0]?.message).toMatch(/is not an S3 URI/);
  });

  it('is quiet on an s3:// URI', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => updateDomain(d, dom, { mutualTls: { truststoreUri: 's3://truststores/ca.pem' } })),
      ),
    ).toEqual([]);
  });
});
