import type { EndpointAccessMode, IpAddressType, SecurityPolicy } from './endpoint-settings';
import type { DomainId, StageId } from './ids';
import type { JsonObject } from './json';

/**
 * Custom domain names: the host names callers use instead of `{api-id}.execute-api.{region}.amazonaws.com`,
 * each sending traffic to stages of this design through API mappings (base path mappings) and, for REST
 * APIs, routing rules. Mappings and rules point at stages by id, so a drawing of the domain can wire it
 * to the stages it serves.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains.html
 */

/**
 * Where a custom domain name is served from. HTTP and WebSocket APIs take Regional domains only; private
 * custom domain names serve private REST APIs.
 */
export const domainEndpointTypes = ['REGIONAL', 'EDGE', 'PRIVATE'] as const;
export type DomainEndpointType = (typeof domainEndpointTypes)[number];

/**
 * How a domain sends requests on, in the words of the console and the API Gateway V2 API. Routing rules
 * are evaluated before API mappings; `API_MAPPING_ONLY` is API Gateway's default.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-routing-mode.html
 */
export const routingModes = ['API_MAPPING_ONLY', 'ROUTING_RULE_THEN_API_MAPPING', 'ROUTING_RULE_ONLY'] as const;
export type RoutingMode = (typeof routingModes)[number];

/**
 * The same modes as the V1 API, CloudFormation's `AWS::ApiGateway::DomainName(V2)` and the SDKs name them
 * (the console and the V2 API say "API mapping" where these say "base path mapping").
 */
export const basePathRoutingModeNames: Record<RoutingMode, string> = {
  API_MAPPING_ONLY: 'BASE_PATH_MAPPING_ONLY',
  ROUTING_RULE_THEN_API_MAPPING: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING',
  ROUTING_RULE_ONLY: 'ROUTING_RULE_ONLY',
};

/** AWS's limits on routing rules. @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html */
export const routingRuleLimits = {
  /** Header conditions of one rule (ANDed). */
  headerConditions: 2,
  /** Base path conditions of one rule. */
  basePathConditions: 1,
  minPriority: 1,
  maxPriority: 1_000_000,
  /** Routing rules of one domain name (API Gateway quota, not adjustable). */
  rulesPerDomain: 50,
} as const;

/**
 * An API mapping (REST: base path mapping): requests to `https://{domain}/{basePath}/…` go to a stage.
 * The empty base path maps the domain's root. Unique per domain.
 */
export interface ApiMapping {
  /** `''` (the root), `orders`, or several levels `v1/orders` (Regional domains only). */
  basePath: string;
  stageId: StageId;
}

/** A header the request must carry; the glob may start and/or end with `*` (prefix, suffix or contains match). */
export interface HeaderCondition {
  /** Matched case-insensitively. */
  header: string;
  /** Matched case-sensitively. */
  valueGlob: string;
}

/** All conditions of a rule must hold; a rule without conditions matches every request (a catch-all). */
export interface RoutingRuleConditions {
  /** At most two. */
  headers: HeaderCondition[];
  /** At most one. */
  basePaths: string[];
}

/** The only action API Gateway has: invoke a stage of a REST API. */
export interface RoutingRuleAction {
  stageId: StageId;
  /** Pass the request on without the matched base path. */
  stripBasePath: boolean;
}

/**
 * A routing rule of a REST custom domain. Rules are evaluated by priority, lowest first; the priority is
 * unique per domain, so it also identifies the rule.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-routingrule.html
 */
export interface RoutingRule {
  /** 1–1,000,000, unique in its domain. */
  priority: number;
  conditions: RoutingRuleConditions;
  action: RoutingRuleAction;
}

/**
 * Mutual TLS: clients present a certificate that the truststore (a PEM bundle in S3) vouches for.
 * Regional domains only. @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export interface MutualTls {
  /** `s3://bucket/key`. */
  truststoreUri: string;
  /** The S3 object version (the bucket must be versioned); absent = the latest. */
  truststoreVersion?: string;
}

/** A custom domain name of this design's API. */
export interface CustomDomain {
  id: DomainId;
  /** A lowercase host name such as `api.example.com`; a wildcard `*.example.com` is allowed. */
  domainName: string;
  /** The ACM certificate covering the name (in us-east-1 for an edge-optimized domain); `''` until chosen. */
  certificateArn: string;
  endpointType: DomainEndpointType;
  /** Private domains are dual-stack only. */
  ipAddressType: IpAddressType;
  /** `TLS_1_2` by default; HTTP and WebSocket APIs accept only `TLS_1_2`. */
  securityPolicy: SecurityPolicy;
  /** Required with an enhanced (`SecurityPolicy_…`) policy, absent with a legacy one. */
  endpointAccessMode?: EndpointAccessMode;
  mutualTls?: MutualTls;
  routingMode: RoutingMode;
  /** In the order they were added. */
  mappings: ApiMapping[];
  /** In the order they were added; API Gateway evaluates them by priority. */
  routingRules: RoutingRule[];
  /**
   * Private domains: the VPC endpoints (`vpce-…`) associated with the domain (a domain name access
   * association each), through which callers reach it.
   */
  accessAssociations: string[];
  /**
   * Private domains: the `execute-api` resource policy that says which VPC endpoints may invoke the
   * domain. Absent: the generated program allows the associated endpoints (API Gateway itself starts
   * a new private domain with a policy that denies everything).
   */
  policy?: JsonObject;
}

/** Stage ids a domain sends traffic to, through its mappings and its rules (the edges of a domain card). */
export function domainStageIds(domain: CustomDomain): StageId[] {
  const ids = new Set<StageId>();
  for (const mapping of domain.mappings) ids.add(mapping.stageId);
  for (const rule of domain.routingRules) ids.add(rule.action.stageId);
  return [...ids];
}

/** The rules in the order API Gateway evaluates them. */
export function rulesByPriority(domain: CustomDomain): RoutingRule[] {
  return [...domain.routingRules].sort((a, b) => a.priority - b.priority);
}

/** Whether a base path has more than one level (`v1/orders`), which only Regional domains map. */
export function isMultiLevelBasePath(basePath: string): boolean {
  return basePath.includes('/');
}

const hostLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Why a text is not a host name API Gateway accepts for a custom domain, or undefined. */
export function domainNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'A custom domain needs a name, such as api.example.com.';
  if (/[A-Z]/.test(name)) return 'A custom domain name is lowercase.';
  if (name.length > 253) return 'A domain name has at most 253 characters.';
  const labels = name.split('.');
  if (labels.length < 2) return `"${name}" is not a full domain name: write it with its parent domain, such as api.example.com.`;
  for (const [index, label] of labels.entries()) {
    if (index === 0 && label === '*') continue;
    if (!hostLabel.test(label))
      return `"${label || '(empty)'}" is not a valid part of a domain name: use lowercase letters, digits and "-" (not first or last), at most 63 characters between dots; only the first part may be "*".`;
  }
  return undefined;
}

/** Why a base path (of a mapping or a rule condition) is not one API Gateway accepts, or undefined. `''` is the root. */
export function basePathProblem(basePath: string): string | undefined {
  if (basePath === '') return undefined;
  if (basePath.startsWith('/') || basePath.endsWith('/') || basePath.includes('//'))
    return 'A base path neither starts nor ends with "/" and has no empty level ("v1/orders", not "/v1//orders/").';
  if (!/^[A-Za-z0-9$_.+!*'()/-]+$/.test(basePath))
    return `A base path holds only letters, digits and $-_.+!*'(); "${basePath}" has other characters.`;
  return undefined;
}

/** Why a header condition is not one API Gateway accepts, or undefined. */
export function headerConditionProblem(condition: HeaderCondition): string | undefined {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(condition.header))
    return `"${condition.header}" is not a header name: use letters, digits and "-" (for example x-version).`;
  if (condition.valueGlob.length === 0) return `The header ${condition.header} needs a value to match; use * to match any value.`;
  const inner = condition.valueGlob.replace(/^\*/, '').replace(/\*$/, '');
  if (inner.includes('*'))
    return `A header value may use "*" only at its start or end (a*, *a or *a*); "${condition.valueGlob}" has one in the middle.`;
  return undefined;
}

/** Why a truststore location is not an S3 URI, or undefined. */
export function truststoreUriProblem(uri: string): string | undefined {
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/.test(uri))
    return 'The truststore is an S3 object: write its URI as s3://bucket-name/key (for example s3://my-truststores/ca-bundle.pem).';
  return undefined;
}

const acmCertificateArn = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/** Why a text is not an ACM certificate ARN, or undefined. */
export function certificateArnProblem(arn: string): string | undefined {
  if (!acmCertificateArn.test(arn)) return 'A certificate is an AWS Certificate Manager ARN: arn:aws:acm:region:account-id:certificate/id.';
  return undefined;
}

/** The Region of a certificate ARN (`us-east-1`), when it has one. */
export function certificateRegion(arn: string): string | undefined {
  return acmCertificateArn.test(arn) ? arn.split(':')[3] : undefined;
}

/** Why a VPC endpoint id is not one, or undefined. */
export function vpcEndpointIdProblem(id: string): string | undefined {
  if (!/^vpce-[0-9a-z]{1,32}$/.test(id)) return `"${id}" is not a VPC endpoint id: they look like vpce-0123456789abcdef0.`;
  return undefined;
}
