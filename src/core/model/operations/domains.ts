import type { ApiType } from '../api';
import type { Design } from '../design';
import {
  type ApiMapping,
  basePathProblem,
  type CustomDomain,
  certificateArnProblem,
  type DomainEndpointType,
  domainEndpointTypes,
  domainNameProblem,
  headerConditionProblem,
  isMultiLevelBasePath,
  type RoutingRule,
  routingModes,
  routingRuleLimits,
  truststoreUriProblem,
  vpcEndpointIdProblem,
} from '../domain';
import {
  endpointAccessModes,
  ipAddressTypes,
  isEnhancedPolicy,
  policyFitsEndpointType,
  type SecurityPolicy,
  securityPolicies,
} from '../endpoint-settings';
import { refuse } from '../errors';
import { createId, type DomainId, type StageId } from '../ids';
import { mustGet, patchObject, requireType, without } from './helpers';

/**
 * Named operations on custom domain names, their API mappings and routing rules. Each refuses what API
 * Gateway would refuse, with its limit in the message.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html
 */

const apiNames: Record<ApiType, string> = { REST: 'a REST API', HTTP: 'an HTTP API', WEBSOCKET: 'a WebSocket API' };

/** The endpoint types a domain of this design may have: HTTP and WebSocket APIs take Regional domains only. */
export function domainEndpointTypesFor(apiType: ApiType): readonly DomainEndpointType[] {
  return apiType === 'REST' ? domainEndpointTypes : ['REGIONAL'];
}

/** The security policies a domain may use: HTTP and WebSocket APIs accept TLS 1.2 only. */
export function domainSecurityPoliciesFor(apiType: ApiType, endpointType: DomainEndpointType): readonly SecurityPolicy[] {
  if (apiType !== 'REST') return ['TLS_1_2'];
  return securityPolicies.filter((policy) => policyFitsEndpointType(policy, endpointType));
}

/** A priority for a new rule: 100 after the last, leaving room between rules as AWS advises. */
export function nextRulePriority(domain: CustomDomain): number {
  const highest = Math.max(0, ...domain.routingRules.map((rule) => rule.priority));
  const next = Math.min(routingRuleLimits.maxPriority, (Math.floor(highest / 100) + 1) * 100);
  if (!domain.routingRules.some((rule) => rule.priority === next)) return next;
  for (let priority = routingRuleLimits.minPriority; priority <= routingRuleLimits.maxPriority; priority += 1)
    if (!domain.routingRules.some((rule) => rule.priority === priority)) return priority;
  return next;
}

function normalisedDomainName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** `/v1/orders/` → `v1/orders`: callers type the path as they see it in a URL. */
function normalisedBasePath(basePath: string): string {
  return basePath.trim().replace(/^\/+/, '').replace(/\/+$/, '');
}

function assertDomainName(design: Design, name: string, ignoreId?: DomainId): void {
  const problem = domainNameProblem(name);
  if (problem) refuse('invalid-value', problem);
  for (const domain of Object.values(design.domains))
    if (domain.domainName === name && domain.id !== ignoreId)
      refuse('duplicate', `The design already has the custom domain ${name}; a custom domain name is unique in a Region.`);
}

function assertStage(design: Design, stageId: StageId, what: string): void {
  if (!Object.hasOwn(design.stages, stageId))
    refuse('not-found', `${what} must go to a stage of this API; there is no stage with id "${stageId}". Add the stage first.`);
}

function assertMappingFits(domain: CustomDomain, mapping: ApiMapping, apiType: ApiType): void {
  const problem = basePathProblem(mapping.basePath);
  if (problem) refuse('invalid-value', problem);
  if (!isMultiLevelBasePath(mapping.basePath)) return;
  if (apiType === 'WEBSOCKET') refuse('not-allowed', 'WebSocket APIs map base paths of one level only ("chat", not "v1/chat").');
  if (domain.endpointType !== 'REGIONAL')
    refuse(
      'not-allowed',
      `Base paths with several levels ("${mapping.basePath}") need a Regional custom domain; this one is ${domain.endpointType === 'EDGE' ? 'edge-optimized' : 'private'}. Use a one-level base path or make the domain Regional.`,
    );
  if (domain.securityPolicy === 'TLS_1_0')
    refuse('not-allowed', `Base paths with several levels ("${mapping.basePath}") need the TLS 1.2 security policy or a newer one.`);
}

/** Checks a whole domain after a patch: what one setting allows depends on the others. */
function assertDomain(design: Design, domain: CustomDomain): void {
  const apiType = design.api.type;
  if (!domainEndpointTypes.includes(domain.endpointType)) refuse('invalid-value', 'The endpoint type is REGIONAL, EDGE or PRIVATE.');
  if (!domainEndpointTypesFor(apiType).includes(domain.endpointType))
    refuse(
      'wrong-api-type',
      domain.endpointType === 'PRIVATE'
        ? `Private custom domain names serve private REST APIs; this is ${apiNames[apiType]}.`
        : `Custom domains of ${apiType === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs are Regional only.`,
    );
  if (!ipAddressTypes.includes(domain.ipAddressType)) refuse('invalid-value', 'The IP address type is ipv4 or dualstack.');
  if (domain.endpointType === 'PRIVATE' && domain.ipAddressType !== 'dualstack')
    refuse('not-allowed', 'Private custom domain names are dual-stack only (IPv4 and IPv6).');
  if (!securityPolicies.includes(domain.securityPolicy))
    refuse('invalid-value', `"${domain.securityPolicy}" is not a security policy API Gateway has.`);
  if (!domainSecurityPoliciesFor(apiType, domain.endpointType).includes(domain.securityPolicy))
    refuse(
      'not-allowed',
      apiType !== 'REST'
        ? `Custom domains of ${apiNames[apiType]} accept only the TLS_1_2 security policy.`
        : `${domain.securityPolicy} is not a policy of ${domain.endpointType === 'EDGE' ? 'edge-optimized' : domain.endpointType === 'PRIVATE' ? 'private' : 'Regional'} domains; edge-optimized and Regional domains have their own enhanced policies.`,
    );
  const enhanced = isEnhancedPolicy(domain.securityPolicy);
  if (domain.endpointAccessMode !== undefined && !endpointAccessModes.includes(domain.endpointAccessMode))
    refuse('invalid-value', 'The endpoint access mode is STRICT or BASIC.');
  if (enhanced && domain.endpointAccessMode === undefined)
    refuse(
      'invalid-value',
      `The enhanced policy ${domain.securityPolicy} needs an endpoint access mode: choose STRICT (recommended) or BASIC.`,
    );
  if (!enhanced && domain.endpointAccessMode !== undefined)
    refuse('not-allowed', 'An endpoint access mode goes with an enhanced (SecurityPolicy_…) security policy only.');
  if (domain.certificateArn !== '') {
    const problem = certificateArnProblem(domain.certificateArn);
    if (problem) refuse('invalid-value', problem);
  }
  if (domain.mutualTls) {
    const problem = truststoreUriProblem(domain.mutualTls.truststoreUri);
    if (problem) refuse('invalid-value', problem);
    if (apiType === 'WEBSOCKET') refuse('wrong-api-type', 'Mutual TLS is for REST and HTTP APIs; WebSocket APIs do not have it.');
    if (domain.endpointType !== 'REGIONAL')
      refuse('not-allowed', 'Mutual TLS needs a Regional custom domain name; make the domain Regional first.');
    if (enhanced)
      refuse(
        'not-allowed',
        'Mutual TLS cannot be turned on for a domain with an enhanced (SecurityPolicy_…) policy: choose TLS_1_2, or turn mutual TLS off.',
      );
  }
  if (!routingModes.includes(domain.routingMode)) refuse('invalid-value', `The routing mode is one of ${routingModes.join(', ')}.`);
  if (apiType !== 'REST' && domain.routingMode !== 'API_MAPPING_ONLY')
    refuse('wrong-api-type', `Routing rules target REST APIs only, so a domain of ${apiNames[apiType]} routes by API mappings only.`);
  const seen = new Set<string>();
  for (const endpointId of domain.accessAssociations) {
    const problem = vpcEndpointIdProblem(endpointId);
    if (problem) refuse('invalid-value', problem);
    if (seen.has(endpointId)) refuse('duplicate', `The VPC endpoint ${endpointId} is listed twice.`);
    seen.add(endpointId);
  }
  for (const mapping of domain.mappings) assertMappingFits(domain, mapping, apiType);
}

export type DomainPatch = Partial<Omit<CustomDomain, 'id' | 'mappings' | 'routingRules'>>;

/**
 * Adds a custom domain with API Gateway's defaults: Regional (private for a private REST API), IPv4
 * (private domains are dual-stack only), TLS 1.2, routed by API mappings only.
 */
export function addDomain(design: Design, args: { domainName: string; id?: DomainId; endpointType?: DomainEndpointType }): Design {
  const domainName = normalisedDomainName(args.domainName);
  assertDomainName(design, domainName);
  const id = args.id ?? createId('Domain');
  if (Object.hasOwn(design.domains, id)) refuse('duplicate', `A custom domain with id "${id}" already exists.`);
  const endpointType = args.endpointType ?? (design.api.type === 'REST' && design.api.endpointType === 'PRIVATE' ? 'PRIVATE' : 'REGIONAL');
  const domain: CustomDomain = {
    id,
    domainName,
    certificateArn: '',
    endpointType,
    ipAddressType: endpointType === 'PRIVATE' ? 'dualstack' : 'ipv4',
    securityPolicy: 'TLS_1_2',
    routingMode: 'API_MAPPING_ONLY',
    mappings: [],
    routingRules: [],
    accessAssociations: [],
  };
  assertDomain(design, domain);
  return { ...design, domains: { ...design.domains, [id]: domain } };
}

/**
 * Changes a domain's settings. What the new endpoint type or policy makes meaningless follows it: a
 * private domain becomes dual-stack, a policy of another endpoint type falls back to TLS 1.2, a legacy
 * policy drops the endpoint access mode; what would break (mutual TLS or several-level base paths on a
 * domain that cannot have them) is refused with what to change first.
 */
export function updateDomain(design: Design, domainId: DomainId, patch: DomainPatch): Design {
  const domain = mustGet(design.domains, domainId, 'custom domain');
  let next: DomainPatch = { ...patch };
  if (next.domainName !== undefined) {
    const name = normalisedDomainName(next.domainName);
    if (name !== domain.domainName) assertDomainName(design, name, domainId);
    next.domainName = name;
  }
  if (next.certificateArn !== undefined) next.certificateArn = next.certificateArn.trim();
  if (next.mutualTls !== undefined) {
    const version = next.mutualTls.truststoreVersion?.trim();
    next.mutualTls = { truststoreUri: next.mutualTls.truststoreUri.trim(), ...(version ? { truststoreVersion: version } : {}) };
  }
  if (next.accessAssociations !== undefined) next.accessAssociations = next.accessAssociations.map((id) => id.trim()).filter(Boolean);
  const endpointType = next.endpointType ?? domain.endpointType;
  if (next.endpointType !== undefined && next.endpointType !== domain.endpointType) {
    if (endpointType === 'PRIVATE' && next.ipAddressType === undefined) next.ipAddressType = 'dualstack';
    const policy = next.securityPolicy ?? domain.securityPolicy;
    if (next.securityPolicy === undefined && !policyFitsEndpointType(policy, endpointType)) {
      next.securityPolicy = 'TLS_1_2';
      next.endpointAccessMode = undefined;
    }
  }
  if (
    next.securityPolicy !== undefined &&
    !isEnhancedPolicy(next.securityPolicy) &&
    !Object.hasOwn(patch, 'endpointAccessMode') &&
    domain.endpointAccessMode !== undefined
  )
    next = { ...next, endpointAccessMode: undefined };
  const updated = patchObject<CustomDomain>(domain, next as Partial<CustomDomain>);
  if (updated === domain) return design;
  assertDomain(design, updated);
  return { ...design, domains: { ...design.domains, [domainId]: updated } };
}

export function deleteDomain(design: Design, domainId: DomainId): Design {
  mustGet(design.domains, domainId, 'custom domain');
  return { ...design, domains: without(design.domains, [domainId]) };
}

function withDomain(design: Design, domain: CustomDomain): Design {
  return { ...design, domains: { ...design.domains, [domain.id]: domain } };
}

/** Maps a base path of the domain (`''` for its root) to a stage. */
export function addApiMapping(design: Design, domainId: DomainId, mapping: ApiMapping): Design {
  const domain = mustGet(design.domains, domainId, 'custom domain');
  const added: ApiMapping = { basePath: normalisedBasePath(mapping.basePath), stageId: mapping.stageId };
  if (domain.routingMode === 'ROUTING_RULE_ONLY')
    refuse(
      'not-allowed',
      `${domain.domainName} routes by routing rules only, where API Gateway allows no API mapping: change its routing mode first.`,
    );
  assertStage(design, added.stageId, 'An API mapping');
  if (domain.mappings.some((existing) => existing.basePath === added.basePath))
    refuse(
      'duplicate',
      `${domain.domainName} already maps ${added.basePath === '' ? 'its root' : `the base path ${added.basePath}`}; each base path maps once.`,
    );
  assertMappingFits(domain, added, design.api.type);
  return withDomain(design, { ...domain, mappings: [...domain.mappings, added] });
}

/** Changes the mapping of `basePath` (its base path or its stage). */
export function updateApiMapping(design: Design, domainId: DomainId, basePath: string, patch: Partial<ApiMapping>): Design {
  const domain = mustGet(design.domains, domainId, 'custom domain');
  const index = domain.mappings.findIndex((mapping) => mapping.basePath === basePath);
  const current = domain.mappings[index];
  if (!current) refuse('not-found', `${domain.domainName} has no mapping for the base path "${basePath}".`);
  const updated: ApiMapping = {
    basePath: patch.basePath === undefined ? current.basePath : normalisedBasePath(patch.basePath),
    stageId: patch.stageId ?? current.stageId,
  };
  if (updated.basePath === current.basePath && updated.stageId === current.stageId) return design;
  assertStage(design, updated.stageId, 'An API mapping');
  if (domain.mappings.some((mapping, other) => other !== index && mapping.basePath === updated.basePath))
    refuse(
      'duplicate',
      `${domain.domainName} already maps ${updated.basePath === '' ? 'its root' : `the base path ${updated.basePath}`}; each base path maps once.`,
    );
  assertMappingFits(domain, updated, design.api.type);
  const mappings = domain.mappings.map((mapping, other) => (other === index ? updated : mapping));
  return withDomain(design, { ...domain, mappings });
}

export function deleteApiMapping(design: Design, domainId: DomainId, basePath: string): Design {
  const domain = mustGet(design.domains, domainId, 'custom domain');
  if (!domain.mappings.some((mapping) => mapping.basePath === basePath))
    refuse('not-found', `${domain.domainName} has no mapping for the base path "${basePath}".`);
  return withDomain(design, { ...domain, mappings: domain.mappings.filter((mapping) => mapping.basePath !== basePath) });
}

/** A rule as the operations keep it: trimmed texts, base paths without surrounding slashes. */
function normalisedRule(rule: RoutingRule): RoutingRule {
  return {
    priority: rule.priority,
    conditions: {
      headers: rule.conditions.headers.map((condition) => ({ header: condition.header.trim(), valueGlob: condition.valueGlob.trim() })),
      basePaths: rule.conditions.basePaths.map(normalisedBasePath),
    },
    action: { stageId: rule.action.stageId, stripBasePath: rule.action.stripBasePath },
  };
}

function assertRule(design: Design, domain: CustomDomain, rule: RoutingRule, ignorePriority?: number): void {
  const { minPriority, maxPriority, headerConditions, basePathConditions } = routingRuleLimits;
  if (!Number.isInteger(rule.priority) || rule.priority < minPriority || rule.priority > maxPriority)
    refuse('invalid-value', `A routing rule's priority is a whole number from 1 to 1,000,000 (lowest first); ${rule.priority} is not.`);
  if (rule.priority !== ignorePriority && domain.routingRules.some((other) => other.priority === rule.priority))
    refuse('duplicate', `${domain.domainName} already has a rule with priority ${rule.priority}; each rule needs its own priority.`);
  if (rule.conditions.headers.length > headerConditions)
    refuse('not-allowed', `A routing rule matches at most ${headerConditions} headers; remove one.`);
  for (const condition of rule.conditions.headers) {
    const problem = headerConditionProblem(condition);
    if (problem) refuse('invalid-value', problem);
  }
  if (rule.conditions.basePaths.length > basePathConditions)
    refuse('not-allowed', `A routing rule matches at most ${basePathConditions} base path; remove one.`);
  for (const basePath of rule.conditions.basePaths) {
    if (basePath === '') refuse('invalid-value', 'A base path condition needs a path; leave the condition out to match every path.');
    const problem = basePathProblem(basePath);
    if (problem) refuse('invalid-value', problem);
  }
  assertStage(design, rule.action.stageId, 'A routing rule');
}

/** Adds a routing rule (REST APIs only; the domain's routing mode must use rules). */
export function addRoutingRule(design: Design, domainId: DomainId, rule: RoutingRule): Design {
  requireType(design, ['REST'], 'Routing rules');
  const domain = mustGet(design.domains, domainId, 'custom domain');
  if (domain.routingMode === 'API_MAPPING_ONLY')
    refuse(
      'not-allowed',
      `${domain.domainName} routes by API mappings only, where API Gateway allows no routing rule: set its routing mode to "routing rules, then API mappings" (or "routing rules only") first.`,
    );
  if (domain.routingRules.length >= routingRuleLimits.rulesPerDomain)
    refuse(
      'not-allowed',
      `A custom domain has at most ${routingRuleLimits.rulesPerDomain} routing rules; ${domain.domainName} has them all.`,
    );
  const added = normalisedRule(rule);
  assertRule(design, domain, added);
  return withDomain(design, { ...domain, routingRules: [...domain.routingRules, added] });
}

/** Changes the rule of `priority` (its priority included). */
export function updateRoutingRule(design: Design, domainId: DomainId, priority: number, patch: Partial<RoutingRule>): Design {
  const domain = mustGet(design.domains, domainId, 'custom domain');
  const index = domain.routingRules.findIndex((rule) => rule.priority === priority);
  const current = domain.routingRules[index];
  if (!current) refuse('not-found', `${domain.domainName} has no routing rule with priority ${priority}.`);
  const updated = normalisedRule({ ...current, ...patch });
  const same = patchObject(current, updated);
  if (same === current) return design;
  assertRule(design, domain, updated, priority);
  const routingRules = domain.routingRules.map((rule, other) => (other === index ? updated : rule));
  return withDomain(design, { ...domain, routingRules });
}

export function deleteRoutingRule(design: Design, domainId: DomainId, priority: number): Design {
  const domain = mustGet(design.domains, domainId, 'custom domain');
  if (!domain.routingRules.some((rule) => rule.priority === priority))
    refuse('not-found', `${domain.domainName} has no routing rule with priority ${priority}.`);
  return withDomain(design, { ...domain, routingRules: domain.routingRules.filter((rule) => rule.priority !== priority) });
}

/**
 * The domains without the mappings and rules that send traffic to a stage being deleted: like a usage
 * plan, a domain stops serving a stage that is gone (undo brings both back).
 */
export function domainsWithoutStage(domains: Design['domains'], stageId: StageId): Design['domains'] {
  let changed = false;
  const next = { ...domains };
  for (const domain of Object.values(domains)) {
    const mappings = domain.mappings.filter((mapping) => mapping.stageId !== stageId);
    const routingRules = domain.routingRules.filter((rule) => rule.action.stageId !== stageId);
    if (mappings.length === domain.mappings.length && routingRules.length === domain.routingRules.length) continue;
    next[domain.id] = { ...domain, mappings, routingRules };
    changed = true;
  }
  return changed ? next : domains;
}
