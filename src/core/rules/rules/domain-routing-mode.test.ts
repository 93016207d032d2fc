import { describe, expect, it } from 'vitest';
import { addRoutingRule, updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, headerRule, restWithDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainRoutingMode as rule } from './domain-routing-mode';

/** Rules kept while the mode went back to API mappings only (API Gateway keeps them too). */
const rulesUnused = () =>
  build(
    restWithDomain(),
    (d) => addRoutingRule(d, dom, headerRule(100)),
    (d) => updateDomain(d, dom, { routingMode: 'API_MAPPING_ONLY' }),
  );

describe('domain-routing-mode', () => {
  it('names rules the API-mapping-only mode leaves unused, and mappings the rules-only mode leaves unused', () => {
    expect(lintWith(rule, rulesUnused())).toMatchObject([
      { severity: 'warning', message: 'api.example.com routes by API mappings only, so its routing rule is not used.' },
    ]);
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => updateDomain(d, dom, { routingMode: 'ROUTING_RULE_ONLY' })),
      )[0]?.message,
    ).toBe('api.example.com routes by routing rules only, so its API mapping is not used.');
  });

  it('is quiet when rules and mappings are both used', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => addRoutingRule(d, dom, headerRule(100))),
      ),
    ).toEqual([]);
  });

  it('quick fix routes by rules, then API mappings', () => {
    const design = rulesUnused();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
