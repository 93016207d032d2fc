import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign } from '../design';
import type { RoutingRule } from '../domain';
import { asId } from '../ids';
import { build, ids, refusalOf } from '../testing/design-builder';
import {
  addApiMapping,
  addDomain,
  addRoutingRule,
  deleteApiMapping,
  deleteDomain,
  deleteRoutingRule,
  nextRulePriority,
  updateApiMapping,
  updateDomain,
  updateRoutingRule,
} from './domains';
import { addStage, deleteStage } from './stages';

const dom = asId('Domain', 'dom_api');
const certificate = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

/** A REST API with stages prod and beta and the domain api.example.com. */
function restWithDomain(): Design {
  return build(
    emptyDesign('REST'),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    (d) => addDomain(d, { domainName: 'api.example.com', id: dom }),
  );
}

const rule = (priority: number, extra: Partial<RoutingRule['conditions']> = {}): RoutingRule => ({
  priority,
  conditions: { headers: [{ header: 'x-version', valueGlob: 'beta' }], basePaths: [], ...extra },
  action: { stageId: ids.stg('beta'), stripBasePath: false },
});

/** The domain routing by rules, then mappings. */
const withRules = () => build(restWithDomain(), (d) => updateDomain(d, dom, { routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }));

describe('addDomain', () => {
  it("adds a domain with API Gateway's defaults, the name lowercased", () => {
    const design = build(emptyDesign('REST'), (d) => addDomain(d, { domainName: ' API.Example.com ', id: dom }));
    expect(design.domains[dom]).toEqual({
      id: dom,
      domainName: 'api.example.com',
      certificateArn: '',
      endpointType: 'REGIONAL',
      ipAddressType: 'ipv4',
      securityPolicy: 'TLS_1_2',
      routingMode: 'API_MAPPING_ONLY',
      mappings: [],
      routingRules: [],
      accessAssociations: [],
    });
  });

  it('makes the domain of a private REST API private and dual-stack', () => {
    const privateApi = { ...emptyDesign('REST'), api: { ...emptyDesign('REST').api, endpointType: 'PRIVATE' as const } };
    const design = build(privateApi, (d) => addDomain(d, { domainName: 'api.internal.example', id: dom }));
    expect(design.domains[dom]).toMatchObject({ endpointType: 'PRIVATE', ipAddressType: 'dualstack' });
  });

  it('accepts a wildcard name and refuses what is not a host name', () => {
    expect(build(emptyDesign('REST'), (d) => addDomain(d, { domainName: '*.example.com' })).domains).not.toEqual({});
    for (const name of [
      '',
      'localhost',
      'api..example.com',
      '-api.example.com',
      'api.exa_mple.com',
      'a.*.example.com',
      `${'a'.repeat(64)}.com`,
    ])
      expect(refusalOf(emptyDesign('REST'), (d) => addDomain(d, { domainName: name })).code, name).toBe('invalid-value');
  });

  it('refuses a name the design already has', () => {
    expect(refusalOf(restWithDomain(), (d) => addDomain(d, { domainName: 'API.example.com' })).code).toBe('duplicate');
  });

  it('refuses edge-optimized and private domains for HTTP and WebSocket APIs', () => {
    expect(refusalOf(emptyDesign('HTTP'), (d) => addDomain(d, { domainName: 'a.example.com', endpointType: 'EDGE' })).message).toBe(
      'Custom domains of HTTP APIs are Regional only.',
    );
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => addDomain(d, { domainName: 'a.example.com', endpointType: 'PRIVATE' })).message).toBe(
      'Private custom domain names serve private REST APIs; this is a WebSocket API.',
    );
  });
});

describe('updateDomain', () => {
  it('sets the certificate, dual-stack and a Regional enhanced policy with its access mode', () => {
    const design = build(restWithDomain(), (d) =>
      updateDomain(d, dom, {
        certificateArn: certificate,
        ipAddressType: 'dualstack',
        securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        endpointAccessMode: 'STRICT',
      }),
    );
    expect(design.domains[dom]).toMatchObject({
      certificateArn: certificate,
      ipAddressType: 'dualstack',
      securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      endpointAccessMode: 'STRICT',
    });
  });

  it('refuses an enhanced policy without an endpoint access mode, and an access mode with a legacy policy', () => {
    expect(refusalOf(restWithDomain(), (d) => updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' })).message).toBe(
      'The enhanced policy SecurityPolicy_TLS13_1_3_2025_09 needs an endpoint access mode: choose STRICT (recommended) or BASIC.',
    );
    expect(refusalOf(restWithDomain(), (d) => updateDomain(d, dom, { endpointAccessMode: 'BASIC' })).code).toBe('not-allowed');
  });

  it('refuses an edge policy on a Regional domain, and any policy but TLS_1_2 on an HTTP API', () => {
    expect(
      refusalOf(restWithDomain(), (d) =>
        updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE', endpointAccessMode: 'STRICT' }),
      ).code,
    ).toBe('not-allowed');
    const http = build(emptyDesign('HTTP'), (d) => addDomain(d, { domainName: 'api.example.com', id: dom }));
    expect(refusalOf(http, (d) => updateDomain(d, dom, { securityPolicy: 'TLS_1_0' })).message).toBe(
      'Custom domains of an HTTP API accept only the TLS_1_2 security policy.',
    );
  });

  it('drops the access mode when the policy goes back to a legacy one', () => {
    const design = build(
      restWithDomain(),
      (d) => updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'BASIC' }),
      (d) => updateDomain(d, dom, { securityPolicy: 'TLS_1_2' }),
    );
    expect(design.domains[dom]?.endpointAccessMode).toBeUndefined();
  });

  it('moves a policy of the old endpoint type back to TLS 1.2, and makes a private domain dual-stack', () => {
    const edge = build(
      restWithDomain(),
      (d) => updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' }),
      (d) => updateDomain(d, dom, { endpointType: 'EDGE' }),
    );
    expect(edge.domains[dom]).toMatchObject({ endpointType: 'EDGE', securityPolicy: 'TLS_1_2' });
    expect(edge.domains[dom]?.endpointAccessMode).toBeUndefined();
    const privateDomain = build(restWithDomain(), (d) => updateDomain(d, dom, { endpointType: 'PRIVATE' }));
    expect(privateDomain.domains[dom]?.ipAddressType).toBe('dualstack');
    expect(refusalOf(privateDomain, (d) => updateDomain(d, dom, { ipAddressType: 'ipv4' })).message).toBe(
      'Private custom domain names are dual-stack only (IPv4 and IPv6).',
    );
  });

  it('sets mutual TLS on a Regional domain; refuses it with an enhanced policy, on other endpoint types and with a non-S3 URI', () => {
    const mutualTls = { truststoreUri: 's3://truststores/ca.pem', truststoreVersion: ' 3 ' };
    const design = build(restWithDomain(), (d) => updateDomain(d, dom, { mutualTls }));
    expect(design.domains[dom]?.mutualTls).toEqual({ truststoreUri: 's3://truststores/ca.pem', truststoreVersion: '3' });
    expect(
      refusalOf(design, (d) => updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' }))
        .message,
    ).toBe(
      'Mutual TLS cannot be turned on for a domain with an enhanced (SecurityPolicy_…) policy: choose TLS_1_2, or turn mutual TLS off.',
    );
    expect(refusalOf(design, (d) => updateDomain(d, dom, { endpointType: 'EDGE' })).message).toBe(
      'Mutual TLS needs a Regional custom domain name; make the domain Regional first.',
    );
    expect(refusalOf(restWithDomain(), (d) => updateDomain(d, dom, { mutualTls: { truststoreUri: 'https://x/ca.pem' } })).message).toMatch(
      /s3:\/\/bucket-name\/key/,
    );
  });

  it('refuses a malformed certificate ARN and VPC endpoint id', () => {
    expect(refusalOf(restWithDomain(), (d) => updateDomain(d, dom, { certificateArn: 'arn:aws:iam::1:role/x' })).code).toBe(
      'invalid-value',
    );
    expect(refusalOf(restWithDomain(), (d) => updateDomain(d, dom, { accessAssociations: ['endpoint-1'] })).code).toBe('invalid-value');
  });

  it('keeps HTTP API domains in API-mapping mode; an unchanged patch returns the same design', () => {
    const http = build(emptyDesign('HTTP'), (d) => addDomain(d, { domainName: 'api.example.com', id: dom }));
    expect(refusalOf(http, (d) => updateDomain(d, dom, { routingMode: 'ROUTING_RULE_ONLY' })).code).toBe('wrong-api-type');
    const design = restWithDomain();
    expect(updateDomain(design, dom, { domainName: 'API.example.com', routingMode: 'API_MAPPING_ONLY' })).toBe(design);
  });
});

describe('API mappings', () => {
  it('maps the root and a base path to stages, slashes trimmed, each base path once', () => {
    const design = build(
      restWithDomain(),
      (d) => addApiMapping(d, dom, { basePath: '', stageId: ids.stg('prod') }),
      (d) => addApiMapping(d, dom, { basePath: '/orders/', stageId: ids.stg('beta') }),
    );
    expect(design.domains[dom]?.mappings).toEqual([
      { basePath: '', stageId: ids.stg('prod') },
      { basePath: 'orders', stageId: ids.stg('beta') },
    ]);
    expect(refusalOf(design, (d) => addApiMapping(d, dom, { basePath: 'orders', stageId: ids.stg('prod') })).message).toBe(
      'api.example.com already maps the base path orders; each base path maps once.',
    );
  });

  it('refuses a stage that does not exist and a base path with other characters', () => {
    expect(refusalOf(restWithDomain(), (d) => addApiMapping(d, dom, { basePath: 'x', stageId: ids.stg('gone') })).code).toBe('not-found');
    expect(refusalOf(restWithDomain(), (d) => addApiMapping(d, dom, { basePath: 'a b', stageId: ids.stg('prod') })).code).toBe(
      'invalid-value',
    );
  });

  it('maps several levels on a Regional domain only', () => {
    const design = build(restWithDomain(), (d) => addApiMapping(d, dom, { basePath: 'v1/orders', stageId: ids.stg('prod') }));
    expect(design.domains[dom]?.mappings[0]?.basePath).toBe('v1/orders');
    expect(refusalOf(design, (d) => updateDomain(d, dom, { endpointType: 'EDGE' })).message).toMatch(/need a Regional custom domain/);
  });

  it('refuses a mapping when the domain routes by rules only', () => {
    const design = build(restWithDomain(), (d) => updateDomain(d, dom, { routingMode: 'ROUTING_RULE_ONLY' }));
    expect(refusalOf(design, (d) => addApiMapping(d, dom, { basePath: '', stageId: ids.stg('prod') })).code).toBe('not-allowed');
  });

  it('changes and deletes a mapping by its base path', () => {
    const design = build(
      restWithDomain(),
      (d) => addApiMapping(d, dom, { basePath: 'orders', stageId: ids.stg('prod') }),
      (d) => updateApiMapping(d, dom, 'orders', { basePath: 'shop', stageId: ids.stg('beta') }),
    );
    expect(design.domains[dom]?.mappings).toEqual([{ basePath: 'shop', stageId: ids.stg('beta') }]);
    expect(build(design, (d) => deleteApiMapping(d, dom, 'shop')).domains[dom]?.mappings).toEqual([]);
    expect(refusalOf(design, (d) => deleteApiMapping(d, dom, 'orders')).code).toBe('not-found');
  });
});

describe('routing rules', () => {
  it('adds a rule with a header condition to a stage', () => {
    const design = build(withRules(), (d) => addRoutingRule(d, dom, rule(100)));
    expect(design.domains[dom]?.routingRules).toEqual([rule(100)]);
  });

  it('refuses rules on a domain that routes by API mappings only, saying what to change', () => {
    expect(refusalOf(restWithDomain(), (d) => addRoutingRule(d, dom, rule(1))).message).toMatch(/set its routing mode/);
  });

  it('refuses rules on HTTP APIs: routing rules target REST APIs only', () => {
    const http = build(
      emptyDesign('HTTP'),
      (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
      (d) => addDomain(d, { domainName: 'api.example.com', id: dom }),
    );
    expect(refusalOf(http, (d) => addRoutingRule(d, dom, rule(1))).message).toBe(
      'Routing rules exist only in REST APIs; this is an HTTP API.',
    );
  });

  it.each([0, 1_000_001, 1.5, Number.NaN])('refuses priority %s (1 to 1,000,000)', (priority) => {
    expect(refusalOf(withRules(), (d) => addRoutingRule(d, dom, rule(priority))).code).toBe('invalid-value');
  });

  it('refuses a priority the domain already uses', () => {
    const design = build(withRules(), (d) => addRoutingRule(d, dom, rule(100)));
    expect(refusalOf(design, (d) => addRoutingRule(d, dom, rule(100))).code).toBe('duplicate');
  });

  it('refuses a third header condition and a second base path condition', () => {
    const threeHeaders = rule(1, {
      headers: [
        { header: 'a', valueGlob: '1' },
        { header: 'b', valueGlob: '2' },
        { header: 'c', valueGlob: '3' },
      ],
    });
    expect(refusalOf(withRules(), (d) => addRoutingRule(d, dom, threeHeaders)).message).toBe(
      'A routing rule matches at most 2 headers; remove one.',
    );
    expect(refusalOf(withRules(), (d) => addRoutingRule(d, dom, rule(1, { basePaths: ['a', 'b'] }))).message).toBe(
      'A routing rule matches at most 1 base path; remove one.',
    );
  });

  it('accepts prefix, suffix and contains globs; refuses a wildcard in the middle', () => {
    for (const valueGlob of ['a*', '*a', '*a*', '*'])
      expect(build(withRules(), (d) => addRoutingRule(d, dom, rule(1, { headers: [{ header: 'x', valueGlob }] }))).domains).toBeDefined();
    expect(refusalOf(withRules(), (d) => addRoutingRule(d, dom, rule(1, { headers: [{ header: 'x', valueGlob: 'a*b' }] }))).code).toBe(
      'invalid-value',
    );
  });

  it('refuses a rule to a stage that does not exist', () => {
    const bad = { ...rule(1), action: { stageId: ids.stg('gone'), stripBasePath: true } };
    expect(refusalOf(withRules(), (d) => addRoutingRule(d, dom, bad)).code).toBe('not-found');
  });

  it('refuses the 51st rule of a domain', () => {
    let design = withRules();
    for (let priority = 1; priority <= 50; priority += 1) design = build(design, (d) => addRoutingRule(d, dom, rule(priority)));
    expect(refusalOf(design, (d) => addRoutingRule(d, dom, rule(51))).message).toBe(
      'A custom domain has at most 50 routing rules; api.example.com has them all.',
    );
  });

  it('changes a rule by its priority (the priority too), and deletes it', () => {
    const design = build(
      withRules(),
      (d) => addRoutingRule(d, dom, rule(100)),
      (d) => updateRoutingRule(d, dom, 100, { priority: 50, conditions: { headers: [], basePaths: ['/users/'] } }),
    );
    expect(design.domains[dom]?.routingRules).toEqual([
      { priority: 50, conditions: { headers: [], basePaths: ['users'] }, action: { stageId: ids.stg('beta'), stripBasePath: false } },
    ]);
    expect(updateRoutingRule(design, dom, 50, { priority: 50 })).toBe(design);
    expect(build(design, (d) => deleteRoutingRule(d, dom, 50)).domains[dom]?.routingRules).toEqual([]);
  });

  it('suggests the next priority with room between rules', () => {
    const design = build(
      withRules(),
      (d) => addRoutingRule(d, dom, rule(100)),
      (d) => addRoutingRule(d, dom, rule(250)),
    );
    expect(nextRulePriority(withRules().domains[dom]!)).toBe(100);
    expect(nextRulePriority(design.domains[dom]!)).toBe(300);
  });
});

describe('deleting a stage or a domain', () => {
  it('removes the mappings and rules that sent traffic to the deleted stage, and keeps the others', () => {
    const design = build(
      withRules(),
      (d) => addApiMapping(d, dom, { basePath: '', stageId: ids.stg('prod') }),
      (d) => addApiMapping(d, dom, { basePath: 'beta', stageId: ids.stg('beta') }),
      (d) => addRoutingRule(d, dom, rule(100)),
      (d) => deleteStage(d, ids.stg('beta')),
    );
    expect(design.domains[dom]?.mappings).toEqual([{ basePath: '', stageId: ids.stg('prod') }]);
    expect(design.domains[dom]?.routingRules).toEqual([]);
  });

  it('deletes a domain', () => {
    expect(build(restWithDomain(), (d) => deleteDomain(d, dom)).domains).toEqual({});
    expect(refusalOf(emptyDesign('REST'), (d) => deleteDomain(d, dom)).code).toBe('not-found');
  });
});
