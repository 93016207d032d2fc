import { describe, expect, it } from 'vitest';
import { updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainAccessMode as rule } from './domain-access-mode';

const enhancedWithoutMode = () => withDomain(restWithDomain(), { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' });

describe('domain-access-mode', () => {
  it('names an enhanced policy without an endpoint access mode', () => {
    expect(lintWith(rule, enhancedWithoutMode())).toMatchObject([
      {
        severity: 'error',
        message: 'api.example.com uses the enhanced policy SecurityPolicy_TLS13_1_3_2025_09 without an endpoint access mode.',
        target: { kind: 'domain', id: dom },
      },
    ]);
  });

  it('names an access mode with a legacy policy', () => {
    expect(lintWith(rule, withDomain(restWithDomain(), { endpointAccessMode: 'BASIC' }))).toHaveLength(1);
  });

  it('is quiet on an enhanced policy with STRICT, and on TLS_1_2 without a mode', () => {
    const strict = build(restWithDomain(), (d) =>
      updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' }),
    );
    expect(lintWith(rule, strict)).toEqual([]);
    expect(lintWith(rule, restWithDomain())).toEqual([]);
  });

  it('quick fix sets STRICT', () => {
    const design = enhancedWithoutMode();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
