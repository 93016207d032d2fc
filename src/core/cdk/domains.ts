import {
  type ApiMapping,
  basePathRoutingModeNames,
  type CustomDomain,
  type Design,
  domainNameProblem,
  isEnhancedPolicy,
  isMultiLevelBasePath,
  type JsonObject,
  policyFitsEndpointType,
  type RoutingRule,
  rulesByPriority,
  type StageId,
} from '../model';
import { arr, bool, type Code, CodeWriter, call, exact, json, num, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';
import { commentText } from './literals';

/**
 * Custom domain names of the design, after the API and its stages. A public REST domain is the CDK's
 * `DomainName` with a `BasePathMapping` per mapping (an `ApiMapping` for a base path of several levels);
 * the settings its L2 lacks (IP address type, routing mode, mutual TLS from an S3 URI) go on its L1. A
 * private REST domain has no L2 (cdk#33352): `CfnDomainNameV2`, `CfnBasePathMappingV2` and one
 * `CfnDomainNameAccessAssociation` per VPC endpoint. Domains of HTTP and WebSocket APIs are
 * `apigatewayv2.DomainName` with `ApiMapping`s. Routing rules exist as the L1 `CfnRoutingRule` only.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-routingrule.html
 */

export interface DomainTargets {
  /** The API's variable. */
  api: string;
  /** The stage expression of each stage the program wrote (`api.deploymentStage`, `prodStage`). */
  stages: Map<StageId, string>;
}

/** The stages some domain sends traffic to: the stage writers give each a variable the domains can use. */
export function domainTargetStages(design: Design): Set<StageId> {
  const ids = new Set<StageId>();
  for (const domain of Object.values(design.domains)) {
    for (const mapping of domain.mappings) ids.add(mapping.stageId);
    for (const rule of domain.routingRules) ids.add(rule.action.stageId);
  }
  return ids;
}

/** The enhanced policies the CDK's REST `SecurityPolicy` enum names (aws-cdk-lib 2.278), by policy name. */
const restPolicyMembers: Record<string, string> = {
  TLS_1_0: 'TLS_1_0',
  TLS_1_2: 'TLS_1_2',
  SecurityPolicy_TLS13_1_3_2025_09: 'TLS13_1_3_2025_09',
  SecurityPolicy_TLS13_1_3_FIPS_2025_09: 'TLS13_1_3_FIPS_2025_09',
  SecurityPolicy_TLS13_1_2_PQ_2025_09: 'TLS13_1_2_PQ_2025_09',
  SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09: 'TLS13_1_2_PFS_PQ_2025_09',
  SecurityPolicy_TLS13_2025_EDGE: 'TLS13_2025_EDGE',
  SecurityPolicy_TLS12_PFS_2025_EDGE: 'TLS12_PFS_2025_EDGE',
  SecurityPolicy_TLS12_2018_EDGE: 'TLS12_2018_EDGE',
};

/** A stand-in the user replaces, shaped like an ACM ARN so that the program synthesizes. */
const placeholderCertificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000';

const endpointTypeWords = { REGIONAL: 'Regional', EDGE: 'edge-optimized', PRIVATE: 'private' } as const;

/** The certificate's ARN as a value at the top of the stack (a placeholder with a note when the design has none). */
function certificateValue(ctx: ProgramContext, domain: CustomDomain): string {
  if (domain.certificateArn === '')
    ctx.note(
      `Custom domain ${named(domain.domainName)} has no certificate yet; the program declares a placeholder certificate ARN at the top of the stack: replace it with the ARN of its ACM certificate.`,
    );
  return ctx.backends.value(text(domain.certificateArn || placeholderCertificateArn), `${domain.domainName} certificate`, 'CertificateArn');
}

/** The domain name as CloudFormation gets it: lowercase (API Gateway and the CDK refuse capitals). */
function hostName(ctx: ProgramContext, domain: CustomDomain): string {
  const lower = domain.domainName.toLowerCase();
  if (lower !== domain.domainName) ctx.note(`Custom domain ${named(domain.domainName)} is written in lowercase, as API Gateway requires.`);
  if (domainNameProblem(lower))
    ctx.note(`Custom domain ${named(domain.domainName)} is not a host name API Gateway accepts; the design rules say why.`);
  return lower;
}

/** The mappings and rules the routing mode uses, noting the others. */
function usedRoutes(ctx: ProgramContext, domain: CustomDomain, rulesAllowed: boolean): { mappings: ApiMapping[]; rules: RoutingRule[] } {
  let mappings = domain.mappings;
  let rules = rulesByPriority(domain);
  if (!rulesAllowed && rules.length > 0) {
    ctx.note(`Custom domain ${named(domain.domainName)}: routing rules target REST APIs only; its rules are left out.`);
    rules = [];
  } else if (domain.routingMode === 'API_MAPPING_ONLY' && rules.length > 0) {
    ctx.note(`Custom domain ${named(domain.domainName)} routes by API mappings only, so its routing rules are left out.`);
    rules = [];
  }
  if (domain.routingMode === 'ROUTING_RULE_ONLY' && rulesAllowed && mappings.length > 0) {
    ctx.note(`Custom domain ${named(domain.domainName)} routes by routing rules only, so its API mappings are left out.`);
    mappings = [];
  }
  return { mappings, rules };
}

/** The stage of a mapping or rule, or a note saying why it is left out. */
function stageOf(ctx: ProgramContext, targets: DomainTargets, stageId: StageId, what: string): string | undefined {
  const expression = targets.stages.get(stageId);
  if (expression) return expression;
  const stage = ctx.design.stages[stageId];
  ctx.note(
    stage
      ? `${what} goes to stage ${named(stage.name)}, which the program does not deploy (the API has no method yet); it is left out.`
      : `${what} goes to a stage that does not exist; it is left out.`,
  );
  return undefined;
}

/**
 * The mappings a program writes, each with its stage expression: one per base path (a repeated one, and one
 * to a stage the program does not deploy, are left out with a note).
 */
function writtenMappings(
  ctx: ProgramContext,
  domain: CustomDomain,
  targets: DomainTargets,
  mappings: readonly ApiMapping[],
): { mapping: ApiMapping; where: string; stage: string }[] {
  const seen = new Set<string>();
  const written: { mapping: ApiMapping; where: string; stage: string }[] = [];
  for (const mapping of mappings) {
    const where = `The mapping of ${named(mappingLabel(domain, mapping))}`;
    if (seen.has(mapping.basePath)) {
      ctx.note(`${where} repeats a base path; only the first is written.`);
      continue;
    }
    seen.add(mapping.basePath);
    const stage = stageOf(ctx, targets, mapping.stageId, where);
    if (stage) written.push({ mapping, where, stage });
  }
  return written;
}

/** `orders` → `Map orders`; the root → `Map root`. */
function mappingLabel(domain: CustomDomain, mapping: ApiMapping): string {
  return `${domain.domainName} ${mapping.basePath === '' ? 'root' : mapping.basePath}`;
}

function writeRoutingRules(
  ctx: ProgramContext,
  writer: CodeWriter,
  targets: DomainTargets,
  domain: CustomDomain,
  domainNameArn: string,
  rules: RoutingRule[],
): void {
  const apigwv2 = rules.length > 0 ? ctx.use('apigwv2') : 'apigwv2';
  for (const rule of rules) {
    const where = `Routing rule ${rule.priority} of ${named(domain.domainName)}`;
    const stage = stageOf(ctx, targets, rule.action.stageId, where);
    if (!stage) continue;
    const conditions: Code[] = [
      ...rule.conditions.headers.map((condition) =>
        obj([
          [
            'matchHeaders',
            obj([
              [
                'anyOf',
                arr([
                  obj([
                    ['header', exact(condition.header)],
                    ['valueGlob', exact(condition.valueGlob)],
                  ]),
                ]),
              ],
            ]),
          ],
        ]),
      ),
      ...rule.conditions.basePaths.map((basePath) => obj([['matchBasePaths', obj([['anyOf', arr([exact(basePath)])]])]])),
    ];
    writer.statement(
      '',
      call(
        `new ${apigwv2}.CfnRoutingRule`,
        raw('this'),
        exact(ctx.stackIds.id(`${domain.domainName} rule ${rule.priority}`, 'RoutingRule')),
        obj([
          ['domainNameArn', raw(domainNameArn)],
          ['priority', num(rule.priority)],
          ['conditions', arr(conditions)],
          [
            'actions',
            arr([
              obj([
                [
                  'invokeApi',
                  obj([
                    ['apiId', raw(`${targets.api}.restApiId`)],
                    ['stage', raw(`${stage}.stageName`)],
                    ['stripBasePath', bool(rule.action.stripBasePath)],
                  ]),
                ],
              ]),
            ]),
          ],
        ]),
      ),
    );
    ctx.count(1);
  }
}

/** A public (Regional or edge-optimized) custom domain of a REST API. */
function writeRestDomain(ctx: ProgramContext, writer: CodeWriter, targets: DomainTargets, domain: CustomDomain): string {
  const apigateway = ctx.use('apigateway');
  const acm = ctx.use('acm');
  const name = hostName(ctx, domain);
  const certificateArn = certificateValue(ctx, domain);
  const certificate = ctx.variables.name(domain.domainName, 'Certificate');
  writer.statement(
    `const ${certificate} = `,
    call(
      `${acm}.Certificate.fromCertificateArn`,
      raw('this'),
      exact(ctx.stackIds.id(domain.domainName, 'Certificate')),
      raw(certificateArn),
    ),
  );
  const endpointType = domain.endpointType === 'EDGE' ? 'EDGE' : 'REGIONAL';
  const enhanced = isEnhancedPolicy(domain.securityPolicy);
  const member = restPolicyMembers[domain.securityPolicy];
  // The L2 checks the policy against the endpoint type, the access mode and mutual TLS and throws; a
  // combination the design rules report, or a policy its enum lacks, goes on the L1 instead.
  const policyInL2 =
    member !== undefined &&
    policyFitsEndpointType(domain.securityPolicy, endpointType) &&
    (enhanced ? domain.endpointAccessMode !== undefined && !domain.mutualTls : domain.endpointAccessMode === undefined);
  const variable = ctx.variables.name(domain.domainName, 'Domain');
  writer.statement(
    `const ${variable} = `,
    call(
      `new ${apigateway}.DomainName`,
      raw('this'),
      exact(ctx.stackIds.id(domain.domainName, 'Domain')),
      obj([
        ['domainName', exact(name)],
        ['certificate', raw(certificate)],
        ['endpointType', raw(`${apigateway}.EndpointType.${endpointType}`)],
        ['securityPolicy', policyInL2 ? raw(`${apigateway}.SecurityPolicy.${member}`) : undefined],
        [
          'endpointAccessMode',
          policyInL2 && domain.endpointAccessMode ? raw(`${apigateway}.EndpointAccessMode.${domain.endpointAccessMode}`) : undefined,
        ],
      ]),
    ),
  );
  ctx.count(1);
  const l1: [string, Code][] = [];
  if (!policyInL2) {
    l1.push(['securityPolicy', exact(domain.securityPolicy)]);
    if (domain.endpointAccessMode) l1.push(['endpointAccessMode', exact(domain.endpointAccessMode)]);
  }
  if (domain.ipAddressType === 'dualstack')
    l1.push([
      'endpointConfiguration',
      obj([
        ['types', arr([exact(endpointType)])],
        ['ipAddressType', exact('dualstack')],
      ]),
    ]);
  if (domain.routingMode !== 'API_MAPPING_ONLY') l1.push(['routingMode', exact(basePathRoutingModeNames[domain.routingMode])]);
  if (domain.mutualTls) {
    if (endpointType === 'REGIONAL')
      l1.push([
        'mutualTlsAuthentication',
        obj([
          ['truststoreUri', text(domain.mutualTls.truststoreUri)],
          ['truststoreVersion', domain.mutualTls.truststoreVersion ? text(domain.mutualTls.truststoreVersion) : undefined],
        ]),
      ]);
    else ctx.note(`Custom domain ${named(domain.domainName)}: mutual TLS needs a Regional domain; it is left out.`);
  }
  if (l1.length > 0) {
    const cfn = ctx.variables.name(domain.domainName, 'CfnDomain');
    writer.line("// Settings the CDK's DomainName does not take, on its CloudFormation resource.");
    writer.statement(`const ${cfn} = `, raw(`${variable}.node.defaultChild as ${apigateway}.CfnDomainName`));
    for (const [property, value] of l1) writer.statement(`${cfn}.${property} = `, value);
  }

  const { mappings, rules } = usedRoutes(ctx, domain, true);
  for (const { mapping, where, stage } of writtenMappings(ctx, domain, targets, mappings)) {
    if (isMultiLevelBasePath(mapping.basePath)) {
      if (endpointType !== 'REGIONAL' || domain.securityPolicy === 'TLS_1_0') {
        ctx.note(`${where} has several levels, which need a Regional domain with TLS 1.2 or newer; it is left out.`);
        continue;
      }
      // BasePathMapping takes one level only; the API Gateway V2 mapping takes several.
      writer.statement('', call(`${variable}.addApiMapping`, raw(stage), obj([['basePath', exact(mapping.basePath)]])));
    } else
      writer.statement(
        '',
        call(
          `${variable}.addBasePathMapping`,
          raw(targets.api),
          obj([
            ['basePath', mapping.basePath === '' ? undefined : exact(mapping.basePath)],
            ['stage', raw(stage)],
          ]),
        ),
      );
    ctx.count(1);
  }
  writeRoutingRules(ctx, writer, targets, domain, `${variable}.domainNameRef.domainNameArn`, rules);
  return variable;
}

/** The `execute-api` policy of a private domain: the designed one, or one allowing its associated VPC endpoints. */
function privateDomainPolicy(ctx: ProgramContext, domain: CustomDomain, endpoints: string[]): Code | undefined {
  if (domain.policy) return json(domain.policy);
  if (endpoints.length === 0) {
    ctx.note(
      `Private custom domain ${named(domain.domainName)} has no VPC endpoint and no policy; API Gateway starts it with a policy that denies every call.`,
    );
    return undefined;
  }
  ctx.note(
    `Private custom domain ${named(domain.domainName)} has no policy of its own; the program gives it one that lets its associated VPC endpoints invoke it.`,
  );
  const invoke = { Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'] };
  const allowed: JsonObject = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', ...invoke },
      { Effect: 'Deny', ...invoke, Condition: { StringNotEquals: { 'aws:SourceVpce': '__endpoints__' } } },
    ],
  };
  return json(allowed, { value: (value) => (value === '__endpoints__' ? `[${endpoints.join(', ')}]` : undefined) });
}

/** A private custom domain of a private REST API: L1 resources only. */
function writePrivateDomain(ctx: ProgramContext, writer: CodeWriter, targets: DomainTargets, domain: CustomDomain): string {
  const apigateway = ctx.use('apigateway');
  const name = hostName(ctx, domain);
  const certificateArn = certificateValue(ctx, domain);
  const endpoints = domain.accessAssociations.map((id) =>
    ctx.backends.value(text(id), `${domain.domainName} ${id} vpc endpoint`, 'VpcEndpointId'),
  );
  const variable = ctx.variables.name(domain.domainName, 'Domain');
  writer.line('// A private custom domain has no L2 construct yet (aws-cdk#33352): its CloudFormation resources.');
  writer.statement(
    `const ${variable} = `,
    call(
      `new ${apigateway}.CfnDomainNameV2`,
      raw('this'),
      exact(ctx.stackIds.id(domain.domainName, 'Domain')),
      obj([
        ['domainName', exact(name)],
        ['certificateArn', raw(certificateArn)],
        [
          'endpointConfiguration',
          obj([
            ['types', arr([exact('PRIVATE')])],
            ['ipAddressType', exact('dualstack')],
          ]),
        ],
        ['securityPolicy', exact(domain.securityPolicy)],
        ['endpointAccessMode', domain.endpointAccessMode ? exact(domain.endpointAccessMode) : undefined],
        ['routingMode', domain.routingMode !== 'API_MAPPING_ONLY' ? exact(basePathRoutingModeNames[domain.routingMode]) : undefined],
        ['policy', privateDomainPolicy(ctx, domain, endpoints)],
      ]),
    ),
  );
  ctx.count(1);
  if (domain.mutualTls) ctx.note(`Custom domain ${named(domain.domainName)}: mutual TLS needs a Regional domain; it is left out.`);
  for (const [index, endpoint] of endpoints.entries()) {
    writer.statement(
      '',
      call(
        `new ${apigateway}.CfnDomainNameAccessAssociation`,
        raw('this'),
        exact(ctx.stackIds.id(`${domain.domainName} ${domain.accessAssociations[index]}`, 'AccessAssociation')),
        obj([
          ['domainNameArn', raw(`${variable}.attrDomainNameArn`)],
          ['accessAssociationSource', raw(endpoint)],
          ['accessAssociationSourceType', exact('VPCE')],
        ]),
      ),
    );
    ctx.count(1);
  }
  const { mappings, rules } = usedRoutes(ctx, domain, true);
  for (const { mapping, stage } of writtenMappings(ctx, domain, targets, mappings)) {
    writer.statement(
      '',
      call(
        `new ${apigateway}.CfnBasePathMappingV2`,
        raw('this'),
        exact(ctx.stackIds.id(mappingLabel(domain, mapping), 'Mapping')),
        obj([
          ['domainNameArn', raw(`${variable}.attrDomainNameArn`)],
          ['restApiId', raw(`${targets.api}.restApiId`)],
          ['stage', raw(`${stage}.stageName`)],
          ['basePath', mapping.basePath === '' ? undefined : exact(mapping.basePath)],
        ]),
      ),
    );
    ctx.count(1);
  }
  writeRoutingRules(ctx, writer, targets, domain, `${variable}.attrDomainNameArn`, rules);
  return variable;
}

/** A Regional custom domain of an HTTP or WebSocket API, with its API mappings. */
function writeV2Domain(ctx: ProgramContext, writer: CodeWriter, targets: DomainTargets, domain: CustomDomain): string {
  const apigwv2 = ctx.use('apigwv2');
  const acm = ctx.use('acm');
  const name = hostName(ctx, domain);
  const certificateArn = certificateValue(ctx, domain);
  const certificate = ctx.variables.name(domain.domainName, 'Certificate');
  writer.statement(
    `const ${certificate} = `,
    call(
      `${acm}.Certificate.fromCertificateArn`,
      raw('this'),
      exact(ctx.stackIds.id(domain.domainName, 'Certificate')),
      raw(certificateArn),
    ),
  );
  if (domain.endpointType !== 'REGIONAL')
    ctx.note(
      `Custom domain ${named(domain.domainName)} is ${endpointTypeWords[domain.endpointType]}, but HTTP and WebSocket APIs take Regional domains only; the program makes it Regional.`,
    );
  if (domain.securityPolicy !== 'TLS_1_2')
    ctx.note(
      `Custom domain ${named(domain.domainName)}: HTTP and WebSocket APIs accept the TLS_1_2 security policy only; the program uses it instead of ${domain.securityPolicy}.`,
    );
  const variable = ctx.variables.name(domain.domainName, 'Domain');
  writer.statement(
    `const ${variable} = `,
    call(
      `new ${apigwv2}.DomainName`,
      raw('this'),
      exact(ctx.stackIds.id(domain.domainName, 'Domain')),
      obj([
        ['domainName', exact(name)],
        ['certificate', raw(certificate)],
        ['endpointType', raw(`${apigwv2}.EndpointType.REGIONAL`)],
        ['securityPolicy', raw(`${apigwv2}.SecurityPolicy.TLS_1_2`)],
        ['ipAddressType', domain.ipAddressType === 'dualstack' ? raw(`${apigwv2}.IpAddressType.DUAL_STACK`) : undefined],
      ]),
    ),
  );
  ctx.count(1);
  if (domain.mutualTls) {
    if (ctx.design.api.type === 'WEBSOCKET')
      ctx.note(`Custom domain ${named(domain.domainName)}: WebSocket APIs have no mutual TLS; it is left out.`);
    else {
      writer.line("// Mutual TLS from the truststore's S3 URI, on the CloudFormation resource.");
      writer.statement(
        `(${variable}.node.defaultChild as ${apigwv2}.CfnDomainName).mutualTlsAuthentication = `,
        obj([
          ['truststoreUri', text(domain.mutualTls.truststoreUri)],
          ['truststoreVersion', domain.mutualTls.truststoreVersion ? text(domain.mutualTls.truststoreVersion) : undefined],
        ]),
      );
    }
  }
  const { mappings } = usedRoutes(ctx, domain, false);
  for (const { mapping, stage } of writtenMappings(ctx, domain, targets, mappings)) {
    writer.statement(
      '',
      call(
        `new ${apigwv2}.ApiMapping`,
        raw('this'),
        exact(ctx.stackIds.id(mappingLabel(domain, mapping), 'Mapping')),
        obj([
          ['api', raw(targets.api)],
          ['domainName', raw(variable)],
          ['stage', raw(stage)],
          ['apiMappingKey', mapping.basePath === '' ? undefined : exact(mapping.basePath)],
        ]),
      ),
    );
    ctx.count(1);
  }
  return variable;
}

/** Every custom domain of the design, each under a comment naming it. */
export function writeDomains(ctx: ProgramContext, writer: CodeWriter, targets: DomainTargets): void {
  const domains = Object.values(ctx.design.domains);
  for (const domain of domains) {
    const written = new CodeWriter();
    const variable =
      ctx.design.api.type !== 'REST'
        ? writeV2Domain(ctx, written, targets, domain)
        : domain.endpointType === 'PRIVATE'
          ? writePrivateDomain(ctx, written, targets, domain)
          : writeRestDomain(ctx, written, targets, domain);
    // A domain without mappings, rules or further settings is not referred to again.
    written.dropUnusedConst(variable);
    writer
      .blank()
      .line(`// Custom domain ${commentText(domain.domainName) ?? ''}`.trimEnd())
      .append(written);
  }
}
