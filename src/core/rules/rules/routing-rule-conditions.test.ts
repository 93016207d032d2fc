import { describe, expect, it } from 'vitest';
import { addRoutingRule } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, headerRule, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { routingRuleConditions as rule } from './routing-rule-conditions';

const threeHeaders = () => {
  const base = headerRule(100);
  const headers = [
    { header: 'x-a', valueGlob: '1' },
    { header: 'x-b', valueGlob: '2' },
    { header: 'x-c', valueGlob: '3' },
  ];
  return withDomain(restWithDomain(), { routingRules: [{ ...base, conditions: { headers, basePaths: ['a', 'b'] } }] });
};

describe('routing-rule-conditions', () => {
  it('names a rule with three header conditions and two base paths', () => {
    expect(lintWith(rule, threeHeaders()).map((finding) => finding.message)).toEqual([
      'Routing rule 100 of api.example.com matches 3 headers; API Gateway allows at most 2.',
      'Routing rule 100 of api.example.com matches 2 base paths; API Gateway allows at most 1.',
    ]);
  });

  it('names a header value with a wildcard in the middle', () => {
    const design = withDomain(restWithDomain(), {
      routingRules: [{ ...headerRule(1), conditions: { headers: [{ header: 'x-version', valueGlob: 'a*b' }], basePaths: [] } }],
    });
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'domain', id: dom } }]);
  });

  it('is quiet on a rule with two headers and one base path', () => {
    const two = {
      ...headerRule(100),
      conditions: {
        headers: [
          { header: 'x-version', valueGlob: 'v2*' },
          { header: 'x-tenant', valueGlob: '*acme*' },
        ],
        basePaths: ['orders'],
      },
    };
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => addRoutingRule(d, dom, two)),
      ),
    ).toEqual([]);
  });

  it('quick fix keeps the first two headers and one base path', () => {
    const design = threeHeaders();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    expect(outcome.ok && lintWith(rule, outcome.design)).toEqual([]);
  });
});
