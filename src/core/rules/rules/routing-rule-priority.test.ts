import { describe, expect, it } from 'vitest';
import { addRoutingRule } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, headerRule, restWithDomain, withDomain } from '../testing/domain-designs';
import { lintWith } from '../testing/rule-tester';
import { routingRulePriority as rule } from './routing-rule-priority';

describe('routing-rule-priority', () => {
  it('names a priority of 0, one above 1,000,000 and a shared one', () => {
    const design = withDomain(restWithDomain(), { routingRules: [headerRule(0), headerRule(1_000_001), headerRule(5), headerRule(5)] });
    expect(lintWith(rule, design).map((finding) => finding.message)).toEqual([
      'A routing rule of api.example.com has priority 0; priorities are whole numbers from 1 to 1,000,000.',
      'A routing rule of api.example.com has priority 1000001; priorities are whole numbers from 1 to 1,000,000.',
      'Two routing rules of api.example.com have priority 5; give each its own.',
    ]);
  });

  it('is quiet on priorities 1 and 1,000,000', () => {
    const design = build(
      restWithDomain(),
      (d) => addRoutingRule(d, dom, headerRule(1)),
      (d) => addRoutingRule(d, dom, headerRule(1_000_000)),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });
});
