import { describe, expect, it } from 'vitest';
import { dom, headerRule, restWithDomain, withDomain } from '../testing/domain-designs';
import { lintWith } from '../testing/rule-tester';
import { routingRulesPerDomain as rule } from './routing-rules-per-domain';

const rules = (count: number) => Array.from({ length: count }, (_, index) => headerRule(index + 1));

describe('routing-rules-per-domain', () => {
  it('names a domain with 51 rules', () => {
    expect(lintWith(rule, withDomain(restWithDomain(), { routingRules: rules(51) }))).toMatchObject([
      {
        severity: 'error',
        message: 'api.example.com has 51 routing rules; a custom domain has at most 50.',
        target: { kind: 'domain', id: dom },
      },
    ]);
  });

  it('is quiet on 50', () => {
    expect(lintWith(rule, withDomain(restWithDomain(), { routingRules: rules(50) }))).toEqual([]);
  });
});
