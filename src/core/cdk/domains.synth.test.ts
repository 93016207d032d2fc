import { beforeAll, describe, expect, it } from 'vitest';
import {
  addApiMapping,
  addDomain,
  addRoutingRule,
  addStage,
  asId,
  type CustomDomain,
  type Design,
  type DomainId,
  emptyDesign,
  type RoutingRule,
  updateApi,
  updateDomain,
} from '../model';
import { build, httpPets, ids, restPetStore, webSocketChat } from '../model/testing/design-builder';
import { exportOpenApi } from '../openapi';
import { type CdkResult, generateCdk } from '.';
import { checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, resourceCount, resourcesOf } from './testing/template';

/**
 * Custom domains synthesized: a public REST domain (`AWS::ApiGateway::DomainName` with its IP address
 * type, TLS policy, access mode and routing mode, `BasePathMapping`s and a multi-level `ApiMapping`), its
 * routing rule (`AWS::ApiGatewayV2::RoutingRule` with conditions, priority and the stage it invokes), a
 * private domain (`DomainNameV2`, `BasePathMappingV2`, `DomainNameAccessAssociation`) and the V2 path of
 * HTTP and WebSocket APIs (`AWS::ApiGatewayV2::DomainName` and `ApiMapping`). One batch for the file.
 */

const cases = new Map<string, { design: Design; result: CdkResult }>();
let outcomes: Map<string, SynthOutcome>;

const regional = asId('Domain', 'dom_regional');
const edge = asId('Domain', 'dom_edge');
const mutual = asId('Domain', 'dom_mutual');
const internal = asId('Domain', 'dom_internal');
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const endpoint = 'vpce-0123456789abcdef0';

function add(name: string, design: Design, options?: Parameters<typeof generateCdk>[1]): void {
  cases.set(name, { design, result: generateCdk(design, options) });
}

function template(name: string) {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  return outcome?.bare;
}

function only(name: string, type: string): Properties {
  const found = resourcesOf(template(name), type);
  expect(found, `${name}: ${type}`).toHaveLength(1);
  return (found[0] as { properties: Properties }).properties;
}

/** A resource of the template whose properties contain `partial`. */
function find(name: string, type: string, partial: Properties): Properties {
  const found = resourcesOf(template(name), type).filter((resource) =>
    expect.objectContaining(partial).asymmetricMatch(resource.properties),
  );
  expect(found, `${name}: ${type} with ${JSON.stringify(partial)}`).toHaveLength(1);
  return (found[0] as { properties: Properties }).properties;
}

const headerRule: RoutingRule = {
  priority: 100,
  conditions: { headers: [{ header: 'x-version', valueGlob: 'beta*' }], basePaths: ['orders'] },
  action: { stageId: ids.stg('beta'), stripBasePath: true },
};

/** The pet store (stage prod) with a stage beta and three public domains. */
function restDomains(): Design {
  return build(
    restPetStore(),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    // Regional, dual-stack, TLS 1.3 with STRICT access, rules then mappings.
    (d) => addDomain(d, { domainName: 'api.example.com', id: regional }),
    (d) =>
      updateDomain(d, regional, {
        certificateArn,
        ipAddressType: 'dualstack',
        securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        endpointAccessMode: 'STRICT',
        routingMode: 'ROUTING_RULE_THEN_API_MAPPING',
      }),
    (d) => addApiMapping(d, regional, { basePath: '', stageId: ids.stg('prod') }),
    (d) => addApiMapping(d, regional, { basePath: 'shop', stageId: ids.stg('beta') }),
    (d) => addApiMapping(d, regional, { basePath: 'v1/beta', stageId: ids.stg('beta') }),
    (d) => addRoutingRule(d, regional, headerRule),
    (d) =>
      addRoutingRule(d, regional, {
        priority: 900,
        conditions: { headers: [], basePaths: [] },
        action: { stageId: ids.stg('prod'), stripBasePath: false },
      }),
    // Edge-optimized with an edge enhanced policy.
    (d) => addDomain(d, { domainName: 'edge.example.com', id: edge, endpointType: 'EDGE' }),
    (d) => updateDomain(d, edge, { certificateArn, securityPolicy: 'SecurityPolicy_TLS12_PFS_2025_EDGE', endpointAccessMode: 'BASIC' }),
    (d) => addApiMapping(d, edge, { basePath: 'pets', stageId: ids.stg('prod') }),
    // Regional with mutual TLS and a policy the CDK's enum does not name; no certificate yet.
    (d) => addDomain(d, { domainName: 'mtls.example.com', id: mutual }),
    (d) => updateDomain(d, mutual, { mutualTls: { truststoreUri: 's3://truststores/ca.pem', truststoreVersion: '7' } }),
    (d) => addApiMapping(d, mutual, { basePath: '', stageId: ids.stg('beta') }),
  );
}

function privateDomain(policy?: CustomDomain['policy']): Design {
  return build(
    restPetStore(),
    (d) =>
      updateApi(d, {
        endpointType: 'PRIVATE',
        vpcEndpointIds: [endpoint],
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] },
      }),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    (d) => addDomain(d, { domainName: 'pets.internal.example', id: internal }),
    (d) =>
      updateDomain(d, internal, {
        certificateArn,
        accessAssociations: [endpoint],
        routingMode: 'ROUTING_RULE_THEN_API_MAPPING',
        ...(policy ? { policy } : {}),
      }),
    (d) => addApiMapping(d, internal, { basePath: 'pets', stageId: ids.stg('prod') }),
    (d) => addRoutingRule(d, internal, headerRule),
  );
}

function v2Domain(design: Design, stageId = ids.stg('dev')): Design {
  const domainId: DomainId = asId('Domain', 'dom_v2');
  return build(
    design,
    (d) => addDomain(d, { domainName: 'ws.example.com', id: domainId }),
    (d) => updateDomain(d, domainId, { certificateArn, ipAddressType: 'dualstack' }),
    (d) => (d.api.type === 'HTTP' ? updateDomain(d, domainId, { mutualTls: { truststoreUri: 's3://truststores/ca.pem' } }) : d),
    (d) => addApiMapping(d, domainId, { basePath: '', stageId }),
    (d) => addApiMapping(d, domainId, { basePath: 'chat', stageId }),
  );
}

beforeAll(() => {
  add('rest-domains', restDomains());
  add('rest-private-domain', privateDomain());
  add(
    'rest-private-domain-with-policy',
    privateDomain({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] }),
  );
  const spec = restDomains();
  const document = exportOpenApi(spec, { version: '3.0' });
  if (document.ok) add('spec-rest-domains', spec, { strategy: 'spec-rest-api', openApiDocument: document.document });
  add('http-domain', v2Domain(httpPets()));
  add(
    'websocket-domain',
    v2Domain(
      build(webSocketChat(), (d) => addStage(d, { name: 'live', id: ids.stg('live') })),
      ids.stg('live'),
    ),
  );
  // A REST API without methods deploys no stage: the domain is written without its mapping.
  add(
    'rest-without-methods-domain',
    build(
      emptyDesign('REST'),
      (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
      (d) => addDomain(d, { domainName: 'api.example.com', id: regional }),
      (d) => addApiMapping(d, regional, { basePath: '', stageId: ids.stg('prod') }),
    ),
  );
  // What the design rules report still synthesizes: an enhanced policy without its access mode (a
  // hand-edited file) goes on the L1, which does not check it.
  const loose = restDomains();
  add('rest-domain-rule-findings', {
    ...loose,
    domains: { ...loose.domains, [regional]: { ...(loose.domains[regional] as CustomDomain), endpointAccessMode: undefined } },
  });
  outcomes = checkPrograms(
    'domains',
    [...cases].map(([name, { result }]) => ({ name, code: result.code })),
  );
}, 600_000);

describe('every program with custom domains', () => {
  it('type-checks strictly and synthesizes with and without the recommended flags, with the resources estimated', () => {
    for (const [name, { result }] of cases) {
      expect(problemsOf(outcomes.get(name)), name).toEqual([]);
      expect(resourceCount(outcomes.get(name)?.bare), name).toBe(result.estimatedResources);
    }
  });
});

describe('a public custom domain of a REST API', () => {
  it('is an AWS::ApiGateway::DomainName with IpAddressType dualstack, its TLS policy, access mode and routing mode', () => {
    for (const name of ['rest-domains', 'spec-rest-domains'])
      expect(find(name, 'AWS::ApiGateway::DomainName', { DomainName: 'api.example.com' })).toEqual({
        DomainName: 'api.example.com',
        RegionalCertificateArn: certificateArn,
        EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' },
        SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        EndpointAccessMode: 'STRICT',
        RoutingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING',
      });
  });

  it('maps its root and a base path with AWS::ApiGateway::BasePathMapping, and several levels with an ApiMapping', () => {
    const mappings = resourcesOf(template('rest-domains'), 'AWS::ApiGateway::BasePathMapping').map((mapping) => mapping.properties);
    expect(mappings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Stage: { Ref: expect.stringMatching(/DeploymentStageprod/) } }),
        expect.objectContaining({ BasePath: 'shop', Stage: { Ref: expect.stringMatching(/^BetaStage/) } }),
      ]),
    );
    expect(mappings.filter((mapping) => mapping.BasePath === undefined)).toHaveLength(2);
    expect(only('rest-domains', 'AWS::ApiGatewayV2::ApiMapping')).toMatchObject({
      ApiMappingKey: 'v1/beta',
      Stage: { Ref: expect.stringMatching(/^BetaStage/) },
    });
  });

  it('has its routing rules as AWS::ApiGatewayV2::RoutingRule: conditions, priority and the stage they invoke', () => {
    const rule = find('rest-domains', 'AWS::ApiGatewayV2::RoutingRule', { Priority: 100 });
    expect(rule).toEqual({
      DomainNameArn: { 'Fn::GetAtt': [expect.stringMatching(/^ApiExampleComDomain/), 'DomainNameArn'] },
      Priority: 100,
      Conditions: [{ MatchHeaders: { AnyOf: [{ Header: 'x-version', ValueGlob: 'beta*' }] } }, { MatchBasePaths: { AnyOf: ['orders'] } }],
      Actions: [
        {
          InvokeApi: {
            ApiId: { Ref: expect.stringMatching(/^Api/) },
            Stage: { Ref: expect.stringMatching(/^BetaStage/) },
            StripBasePath: true,
          },
        },
      ],
    });
    // A catch-all rule has no conditions.
    expect(find('rest-domains', 'AWS::ApiGatewayV2::RoutingRule', { Priority: 900 }).Conditions).toEqual([]);
  });

  it('an edge-optimized domain has its certificate as CertificateArn and its edge policy', () => {
    expect(find('rest-domains', 'AWS::ApiGateway::DomainName', { DomainName: 'edge.example.com' })).toMatchObject({
      CertificateArn: certificateArn,
      EndpointConfiguration: { Types: ['EDGE'] },
      SecurityPolicy: 'SecurityPolicy_TLS12_PFS_2025_EDGE',
      EndpointAccessMode: 'BASIC',
    });
  });

  it('mutual TLS comes from the truststore URI and version; a missing certificate is a placeholder with a note', () => {
    expect(find('rest-domains', 'AWS::ApiGateway::DomainName', { DomainName: 'mtls.example.com' })).toMatchObject({
      MutualTlsAuthentication: { TruststoreUri: 's3://truststores/ca.pem', TruststoreVersion: '7' },
      SecurityPolicy: 'TLS_1_2',
    });
    expect(cases.get('rest-domains')?.result.notes.join('\n')).toMatch(/"mtls.example.com" has no certificate yet/);
  });

  it('a domain of a REST API without methods is created without its mapping, and a note says why', () => {
    expect(only('rest-without-methods-domain', 'AWS::ApiGateway::DomainName')).toMatchObject({ DomainName: 'api.example.com' });
    expect(resourcesOf(template('rest-without-methods-domain'), 'AWS::ApiGateway::BasePathMapping')).toEqual([]);
    expect(cases.get('rest-without-methods-domain')?.result.notes.join('\n')).toMatch(/which the program does not deploy/);
  });

  it('a combination the rules report is written as designed on the L1 rather than failing synthesis', () => {
    expect(find('rest-domain-rule-findings', 'AWS::ApiGateway::DomainName', { DomainName: 'api.example.com' })).toMatchObject({
      SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
    });
  });
});

describe('a private custom domain', () => {
  it('is an AWS::ApiGateway::DomainNameV2, dual-stack, whose policy lets its VPC endpoint invoke it', () => {
    const domain = only('rest-private-domain', 'AWS::ApiGateway::DomainNameV2');
    expect(domain).toMatchObject({
      DomainName: 'pets.internal.example',
      CertificateArn: certificateArn,
      EndpointConfiguration: { Types: ['PRIVATE'], IpAddressType: 'dualstack' },
      RoutingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING',
    });
    expect(JSON.stringify(domain.Policy)).toContain(endpoint);
    expect(only('rest-private-domain-with-policy', 'AWS::ApiGateway::DomainNameV2').Policy).toMatchObject({
      Statement: [{ Effect: 'Allow', Resource: '*' }],
    });
  });

  it('has a BasePathMappingV2, a DomainNameAccessAssociation from its VPC endpoint, and its routing rule', () => {
    const domainArn = { 'Fn::GetAtt': [expect.stringMatching(/^PetsInternalExampleDomain/), 'DomainNameArn'] };
    expect(only('rest-private-domain', 'AWS::ApiGateway::BasePathMappingV2')).toMatchObject({
      DomainNameArn: domainArn,
      BasePath: 'pets',
      RestApiId: { Ref: expect.stringMatching(/^Api/) },
    });
    expect(only('rest-private-domain', 'AWS::ApiGateway::DomainNameAccessAssociation')).toEqual({
      DomainNameArn: domainArn,
      AccessAssociationSource: endpoint,
      AccessAssociationSourceType: 'VPCE',
    });
    expect(only('rest-private-domain', 'AWS::ApiGatewayV2::RoutingRule')).toMatchObject({ DomainNameArn: domainArn, Priority: 100 });
  });
});

describe('a custom domain of an HTTP or WebSocket API', () => {
  it('is an AWS::ApiGatewayV2::DomainName, dual-stack, with an AWS::ApiGatewayV2::ApiMapping per mapping', () => {
    for (const name of ['http-domain', 'websocket-domain']) {
      const domain = only(name, 'AWS::ApiGatewayV2::DomainName');
      expect(domain).toMatchObject({
        DomainName: 'ws.example.com',
        DomainNameConfigurations: [{ CertificateArn: certificateArn, EndpointType: 'REGIONAL', IpAddressType: 'dualstack' }],
      });
      const mappings = resourcesOf(template(name), 'AWS::ApiGatewayV2::ApiMapping').map((mapping) => mapping.properties);
      expect(mappings.map((mapping) => mapping.ApiMappingKey ?? '')).toEqual(['', 'chat']);
      for (const mapping of mappings)
        expect(mapping).toMatchObject({ ApiId: { Ref: expect.any(String) }, Stage: name === 'http-domain' ? 'dev' : 'live' });
    }
    expect(only('http-domain', 'AWS::ApiGatewayV2::DomainName').MutualTlsAuthentication).toEqual({
      TruststoreUri: 's3://truststores/ca.pem',
    });
    expect(resourcesOf(template('http-domain'), 'AWS::ApiGatewayV2::RoutingRule')).toEqual([]);
  });
});
