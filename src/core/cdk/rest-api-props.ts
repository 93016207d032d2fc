import { type ApiSettings, type CorsConfiguration, isEnhancedPolicy, isJsonObject, type JsonObject, type JsonValue } from '../model';
import { bool, type Code, type CodeWriter, call, exact, json, num, obj, raw, render, text } from './code';
import type { ProgramContext } from './context';
import { intrinsic } from './intrinsics';
import { numberLiteral } from './literals';

/**
 * Properties of the `RestApi` (or `SpecRestApi`) itself: name, endpoint, binary media types,
 * compression, API key source, resource policy. Written explicitly where the CDK's default differs from
 * the design: the CDK defaults to an EDGE endpoint and to creating a CloudWatch role with the
 * account-wide `AWS::ApiGateway::Account` (cdk-mapping.md §3.1), so `endpointTypes` and `cloudWatchRole`
 * are always written.
 */

/** CloudFormation intrinsic objects inside JSON (policies, documents) become CDK expressions. */
export function intrinsicHooks(ctx: ProgramContext) {
  return {
    value: (value: JsonValue): string | undefined => {
      if (!isJsonObject(value)) return undefined;
      const keys = Object.keys(value);
      if (keys.length !== 1 || !(keys[0] === 'Ref' || keys[0]?.startsWith('Fn::'))) return undefined;
      return render(intrinsic(ctx, value, 'text'), '', 0);
    },
    onDroppedNumber: (value: number) => ctx.note(`The number ${value} cannot be written into a CDK program; it is written as null.`),
  };
}

/**
 * A policy `iam.PolicyDocument.fromJson` reads faithfully: statements with an effect, actions, resources
 * and principals. Anything else goes to the L1 unchanged, where the CDK does not interpret it.
 */
function isSimplePolicy(policy: JsonObject): boolean {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : isJsonObject(policy.Statement) ? [policy.Statement] : [];
  if (statements.length === 0) return false;
  return statements.every(
    (statement) =>
      isJsonObject(statement) &&
      (statement.Effect === 'Allow' || statement.Effect === 'Deny') &&
      (statement.Action !== undefined || statement.NotAction !== undefined) &&
      (statement.Resource !== undefined || statement.NotResource !== undefined) &&
      (statement.Principal !== undefined || statement.NotPrincipal !== undefined) &&
      Object.keys(statement).every((key) =>
        ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'].includes(key),
      ),
  );
}

export interface RestApiProps {
  entries: [string, Code | undefined][];
  /** The policy, when it must be set on the L1 after construction. */
  l1Policy?: Code;
}

export function restApiProps(ctx: ProgramContext, forSpec: boolean): RestApiProps {
  const api = ctx.design.api;
  const vpcEndpoints = api.endpointType === 'PRIVATE' ? api.vpcEndpointIds.map((id) => raw(ctx.backends.vpcEndpoint(text(id), id))) : [];
  if (api.endpointType !== 'PRIVATE' && api.vpcEndpointIds.length > 0)
    ctx.note('VPC endpoints are listed for an API whose endpoint is not PRIVATE; the program leaves them out.');
  const endpointType = raw(`apigateway.EndpointType.${api.endpointType}`);
  let policy: Code | undefined;
  let l1Policy: Code | undefined;
  if (api.policy && !forSpec) {
    if (isSimplePolicy(api.policy)) policy = call(`${ctx.use('iam')}.PolicyDocument.fromJson`, json(api.policy, intrinsicHooks(ctx)));
    else l1Policy = json(api.policy, intrinsicHooks(ctx));
  }
  const compression = api.minimumCompressionSize;
  const ipAddressType = restIpAddressType(api);
  if (api.documentation !== undefined && !forSpec)
    ctx.note('The documentation parts (x-amazon-apigateway-documentation) are not written; the OpenAPI export carries them.');
  return {
    entries: [
      ['restApiName', text(api.name)],
      ['description', api.description ? text(api.description) : undefined],
      vpcEndpoints.length > 0 || ipAddressType !== undefined
        ? [
            'endpointConfiguration',
            obj([
              ['types', { kind: 'array', items: [endpointType] }],
              ['ipAddressType', ipAddressType],
              ['vpcEndpoints', vpcEndpoints.length > 0 ? { kind: 'array', items: vpcEndpoints } : undefined],
            ]),
          ]
        : ['endpointTypes', { kind: 'array', items: [endpointType] }],
      [
        'binaryMediaTypes',
        !forSpec && api.binaryMediaTypes.length > 0 ? { kind: 'array', items: api.binaryMediaTypes.map(text) } : undefined,
      ],
      [
        'minCompressionSize',
        !forSpec && compression !== undefined && numberLiteral(compression) !== undefined
          ? call('cdk.Size.bytes', num(Math.round(compression)))
          : undefined,
      ],
      ['apiKeySourceType', api.apiKeySource === 'AUTHORIZER' && !forSpec ? raw('apigateway.ApiKeySourceType.AUTHORIZER') : undefined],
      ['disableExecuteApiEndpoint', api.disableExecuteApiEndpoint ? bool(true) : undefined],
      ['policy', policy],
    ],
    l1Policy,
  };
}

/**
 * The IP address type as the design says it; a private API always as dualstack, the only type API Gateway
 * gives private APIs (DG api-gateway-ip-address-type), so the template states what will be deployed.
 */
function restIpAddressType(api: ApiSettings): Code | undefined {
  const type = api.endpointType === 'PRIVATE' ? 'dualstack' : api.ipAddressType;
  if (type === undefined) return undefined;
  return raw(`apigateway.IpAddressType.${type === 'dualstack' ? 'DUAL_STACK' : 'IPV4'}`);
}

/**
 * A REST API's TLS security policy and endpoint access mode. `RestApi` and `SpecRestApi` have no property
 * for them (aws-cdk#36663), so they are set on the CloudFormation resource, `CfnRestApi`, which has both.
 * Called once the API is written; every REST writer creates it as `Api` under the stack, named `api`
 * unless nothing else refers to it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html
 */
export function writeRestTlsSettings(ctx: ProgramContext, writer: CodeWriter): void {
  const api = ctx.design.api;
  if (api.type !== 'REST' || (api.securityPolicy === undefined && api.endpointAccessMode === undefined)) return;
  const accessMode = api.endpointAccessMode ?? (isEnhancedPolicy(api.securityPolicy) ? 'STRICT' : undefined);
  if (api.endpointAccessMode === undefined && accessMode !== undefined)
    ctx.note(`The security policy ${api.securityPolicy} needs an endpoint access mode; the program sets STRICT.`);
  const resource = writer.toString().includes('const api = ')
    ? '(api.node.defaultChild as apigateway.CfnRestApi)'
    : "(this.node.findChild('Api').node.defaultChild as apigateway.CfnRestApi)";
  writer.blank();
  writer.line("// The TLS security policy and endpoint access mode: the CDK's REST API constructs have no property for");
  writer.line('// them yet (aws-cdk#36663), so they are set on the CloudFormation resource.');
  if (api.securityPolicy !== undefined) writer.statement(`${resource}.securityPolicy = `, text(api.securityPolicy));
  if (accessMode !== undefined) writer.statement(`${resource}.endpointAccessMode = `, text(accessMode));
}

const corsVerbs = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** `CorsOptions` for REST preflight methods, or undefined (with a note) when the CDK could not write them. */
export function restCorsOptions(ctx: ProgramContext, cors: CorsConfiguration): Code | undefined {
  if (cors.allowOrigins.length === 0) {
    ctx.note('CORS lists no allowed origin, so the program adds no preflight (OPTIONS) methods.');
    return undefined;
  }
  let origins: Code;
  if (cors.allowOrigins.includes('*')) {
    if (cors.allowOrigins.length > 1)
      ctx.note('CORS allows "*" together with named origins; "*" already allows them all, so the program writes only "*".');
    origins = raw('apigateway.Cors.ALL_ORIGINS');
  } else origins = { kind: 'array', items: cors.allowOrigins.map(text) };
  const verbs = cors.allowMethods.map((verb) => verb.toUpperCase());
  const allVerbs = verbs.length === 0 || verbs.includes('*') || verbs.includes('ANY');
  const knownVerbs = verbs.filter((verb) => corsVerbs.includes(verb));
  return obj([
    ['allowOrigins', origins],
    ['allowMethods', allVerbs ? undefined : { kind: 'array', items: knownVerbs.map(exact) }],
    ['allowHeaders', cors.allowHeaders.length > 0 ? { kind: 'array', items: cors.allowHeaders.map(text) } : undefined],
    ['exposeHeaders', cors.exposeHeaders.length > 0 ? { kind: 'array', items: cors.exposeHeaders.map(text) } : undefined],
    ['allowCredentials', cors.allowCredentials ? bool(true) : undefined],
    [
      'maxAge',
      cors.maxAgeSeconds !== undefined && numberLiteral(cors.maxAgeSeconds) !== undefined
        ? call('cdk.Duration.seconds', num(Math.round(cors.maxAgeSeconds)))
        : undefined,
    ],
  ]);
}
