import { describe, expect, it } from 'vitest';
import { emptyDesign } from './design';
import {
  basePathProblem,
  domainNameProblem,
  domainStageIds,
  headerConditionProblem,
  rulesByPriority,
  truststoreUriProblem,
} from './domain';
import { asId } from './ids';
import { addApiMapping, addDomain, addRoutingRule, updateDomain } from './operations/domains';
import { addStage } from './operations/stages';
import { parseDesign, serializeDesign } from './parse-design';
import { build, ids } from './testing/design-builder';

const dom = asId('Domain', 'dom_api');

function designWithDomain() {
  return build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    (d) => addDomain(d, { domainName: 'api.example.com', id: dom }),
    (d) => updateDomain(d, dom, { routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }),
    (d) => addApiMapping(d, dom, { basePath: '', stageId: ids.stg('prod') }),
    (d) =>
      addRoutingRule(d, dom, {
        priority: 200,
        conditions: { headers: [{ header: 'x-version', valueGlob: 'beta*' }], basePaths: [] },
        action: { stageId: ids.stg('beta'), stripBasePath: false },
      }),
    (d) =>
      addRoutingRule(d, dom, {
        priority: 100,
        conditions: { headers: [], basePaths: ['orders'] },
        action: { stageId: ids.stg('prod'), stripBasePath: true },
      }),
  );
}

describe('a domain read for drawing', () => {
  it('lists the stages it serves once each, and its rules by priority', () => {
    const domain = designWithDomain().domains[dom]!;
    expect(domainStageIds(domain)).toEqual([ids.stg('prod'), ids.stg('beta')]);
    expect(rulesByPriority(domain).map((rule) => rule.priority)).toEqual([100, 200]);
  });
});

describe('domain texts', () => {
  it('checks host names, base paths, header globs and truststore URIs', () => {
    expect(domainNameProblem('api.example.com')).toBeUndefined();
    expect(domainNameProblem('Api.example.com')).toBe('A custom domain name is lowercase.');
    expect(basePathProblem('v1/orders')).toBeUndefined();
    expect(basePathProblem('v1//orders')).toBeDefined();
    expect(headerConditionProblem({ header: 'x version', valueGlob: 'a' })).toBeDefined();
    expect(truststoreUriProblem('s3://bucket/ca.pem')).toBeUndefined();
    expect(truststoreUriProblem('s3://bucket')).toBeDefined();
  });
});

describe('domains in saved designs', () => {
  it('survive a save and a load unchanged', () => {
    const design = designWithDomain();
    const parsed = parseDesign(serializeDesign(design));
    expect(parsed.ok && parsed.design.domains).toEqual(design.domains);
  });

  it('are empty in a design saved before domains existed', () => {
    const { domains: _, ...older } = emptyDesign('REST');
    const parsed = parseDesign(JSON.stringify(older));
    expect(parsed.ok && parsed.design.domains).toEqual({});
  });

  it('refuse a damaged domain with where it is damaged', () => {
    const design = designWithDomain();
    const damaged = JSON.parse(serializeDesign(design));
    damaged.domains[dom].routingRules[0].conditions.headers = 'x-version';
    expect(parseDesign(damaged)).toMatchObject({ ok: false, path: '/domains/dom_api/routingRules/0/conditions/headers' });
    const unknownPolicy = JSON.parse(serializeDesign(design));
    unknownPolicy.domains[dom].securityPolicy = 'TLS_9_9';
    expect(parseDesign(unknownPolicy)).toMatchObject({ ok: false, path: '/domains/dom_api/securityPolicy' });
  });

  it('refuse a domain stored under another id', () => {
    const damaged = JSON.parse(serializeDesign(designWithDomain()));
    damaged.domains.dom_other = damaged.domains[dom];
    delete damaged.domains[dom];
    expect(parseDesign(damaged)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('keep a mapping to a stage that is gone, for the design rules to report', () => {
    const damaged = JSON.parse(serializeDesign(designWithDomain()));
    damaged.domains[dom].mappings[0].stageId = 'stg_gone';
    const parsed = parseDesign(damaged);
    expect(parsed.ok && parsed.design.domains[dom]?.mappings[0]?.stageId).toBe('stg_gone');
  });
});
