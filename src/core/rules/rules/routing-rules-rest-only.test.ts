import { describe, expect, it } from 'vitest';
import { addDomain, addRoutingRule, addStage, type Design, emptyDesign } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { dom, headerRule, restWithDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { routingRulesRestOnly as rule } from './routing-rules-rest-only';

/** Built directly: the operations refuse rules on an HTTP API, but a design switched from REST keeps them. */
function httpWithRules(): Design {
  const design = build(
    emptyDesign('HTTP'),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    (d) => addDomain(d, { domainName: 'api.example.com', id: dom }),
  );
  const domain = design.domains[dom]!;
  return {
    ...design,
    domains: { [dom]: { ...domain, routingMode: 'ROUTING_RULE_THEN_API_MAPPING', routingRules: [headerRule(100)] } },
  };
}

describe('routing-rules-rest-only', () => {
  it('names the domain of an HTTP API that has routing rules', () => {
    expect(lintWith(rule, httpWithRules())).toMatchObject([
      { severity: 'error', message: 'api.example.com has routing rules, which target REST APIs only; this is an HTTP API.' },
    ]);
  });

  it('is quiet on a REST API with rules', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => addRoutingRule(d, dom, headerRule(100))),
      ),
    ).toEqual([]);
  });

  it('quick fix removes the rules and routes by API mappings only', () => {
    const design = httpWithRules();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    expect(outcome.ok && outcome.design.domains[dom]).toMatchObject({ routingMode: 'API_MAPPING_ONLY', routingRules: [] });
  });
});
