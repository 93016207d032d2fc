import { describe, expect, it } from 'vitest';
import { addRoutingRule, asId } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { dom, headerRule, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainStageMissing as rule } from './domain-stage-missing';

const gone = asId('Stage', 'stg_gone');
const dangling = () =>
  withDomain(restWithDomain(), {
    mappings: [
      { basePath: '', stageId: ids.stg('prod') },
      { basePath: 'old', stageId: gone },
    ],
    routingRules: [headerRule(100, gone)],
  });

describe('domain-stage-missing', () => {
  it('names a mapping and a rule to a stage that does not exist', () => {
    expect(lintWith(rule, dangling()).map((finding) => finding.message)).toEqual([
      'api.example.com maps the base path old to a stage that does not exist.',
      'Routing rule 100 of api.example.com invokes a stage that does not exist.',
    ]);
  });

  it('is quiet when every mapping and rule has its stage', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => addRoutingRule(d, dom, headerRule(100))),
      ),
    ).toEqual([]);
  });

  it('quick fixes remove the mapping and the rule', () => {
    const design = dangling();
    const [mapping, routing] = lintWith(rule, design);
    expect(applyFix(rule, design, mapping!)).toMatchObject({ ok: true, remaining: [], problems: [] });
    expect(applyFix(rule, design, routing!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
