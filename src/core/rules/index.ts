import type { Design } from '../model';
import { createRuleLinter, type Linter } from './engine';
import type { Finding, Rule } from './rule';
import { apiKeyNotInUsagePlan } from './rules/api-key-not-in-usage-plan';
import { apiKeyRequiredWithoutUsagePlan } from './rules/api-key-required-without-usage-plan';
import { apiKeySourceAuthorizer } from './rules/api-key-source-authorizer';
import { apiKeyValue } from './rules/api-key-value';
import { authorizationScopesWithoutAuthorizer } from './rules/authorization-scopes-without-authorizer';
import { authorizerIdentitySource } from './rules/authorizer-identity-source';
import { authorizerIncomplete } from './rules/authorizer-incomplete';
import { authorizerKindApiType } from './rules/authorizer-kind-api-type';
import { authorizerNameForm } from './rules/authorizer-name-form';
import { authorizerQuota } from './rules/authorizer-quota';
import { authorizerTtlRange } from './rules/authorizer-ttl-range';
import { awsServiceRequestHeaders } from './rules/aws-service-request-headers';
import { awsServiceWithoutRole } from './rules/aws-service-without-role';
import { binaryMediaTypesRestOnly } from './rules/binary-media-types-rest-only';
import { cacheClusterSize } from './rules/cache-cluster-size';
import { cacheClusterUnused } from './rules/cache-cluster-unused';
import { cacheKeysRestOnly } from './rules/cache-keys-rest-only';
import { cacheTtlRange } from './rules/cache-ttl-range';
import { cacheWithoutCluster } from './rules/cache-without-cluster';
import { cachingRestOnly } from './rules/caching-rest-only';
import { canaryRestOnly } from './rules/canary-rest-only';
import { compressionRestOnly } from './rules/compression-rest-only';
import { corsLambdaProxyHeaders } from './rules/cors-lambda-proxy-headers';
import { corsWildcardCredentials } from './rules/cors-wildcard-credentials';
import { domainAccessMode } from './rules/domain-access-mode';
import { domainBasePath } from './rules/domain-base-path';
import { domainCertificate } from './rules/domain-certificate';
import { domainEndpointType } from './rules/domain-endpoint-type';
import { domainMutualTlsEnhancedPolicy } from './rules/domain-mutual-tls-enhanced-policy';
import { domainMutualTlsRegional } from './rules/domain-mutual-tls-regional';
import { domainNameForm } from './rules/domain-name-form';
import { domainRoutingMode } from './rules/domain-routing-mode';
import { domainSecurityPolicy } from './rules/domain-security-policy';
import { domainStageMissing } from './rules/domain-stage-missing';
import { domainTruststoreUri } from './rules/domain-truststore-uri';
import { dualstackSourceIpWithoutIpv6 } from './rules/dualstack-source-ip-without-ipv6';
import { duplicateOperation } from './rules/duplicate-operation';
import { duplicateOperationName } from './rules/duplicate-operation-name';
import { endpointAccessModeRequired } from './rules/endpoint-access-mode-required';
import { endpointTypeRestOnly } from './rules/endpoint-type-rest-only';
import { gatewayResponsesRestOnly } from './rules/gateway-responses-rest-only';
import { greedyPathNotLast } from './rules/greedy-path-not-last';
import { greedyPathSiblings } from './rules/greedy-path-siblings';
import { httpApiAwsServiceSubtype } from './rules/http-api-aws-service-subtype';
import { httpApiNoApiKeys } from './rules/http-api-no-api-keys';
import { httpApiNoMappingTemplates } from './rules/http-api-no-mapping-templates';
import { httpApiNoRequestValidation } from './rules/http-api-no-request-validation';
import { httpApiNoUsagePlans } from './rules/http-api-no-usage-plans';
import { httpApiProxyOnly } from './rules/http-api-proxy-only';
import { integrationResponseWithoutMethodResponse } from './rules/integration-response-without-method-response';
import { integrationResponsesMissing } from './rules/integration-responses-missing';
import { integrationTargetIncomplete } from './rules/integration-target-incomplete';
import { integrationTimeoutQuota } from './rules/integration-timeout-quota';
import { integrationTimeoutRange } from './rules/integration-timeout-range';
import { jwtAdditionalClaim } from './rules/jwt-additional-claim';
import { jwtAudienceQuota } from './rules/jwt-audience-quota';
import { jwtIssuerDuplicate } from './rules/jwt-issuer-duplicate';
import { jwtIssuerUrl } from './rules/jwt-issuer-url';
import { jwtIssuerWithoutAudience } from './rules/jwt-issuer-without-audience';
import { jwtSigningAlgorithms } from './rules/jwt-signing-algorithms';
import { mappingKeyForm } from './rules/mapping-key-form';
import { mappingParameterUndeclared } from './rules/mapping-parameter-undeclared';
import { methodWithoutIntegration } from './rules/method-without-integration';
import { modelKeywordsOutsideOpenapi } from './rules/model-keywords-outside-openapi';
import { pathParameterSiblings } from './rules/path-parameter-siblings';
import { pathParameterUndeclared } from './rules/path-parameter-undeclared';
import { pathParameterUnknown } from './rules/path-parameter-unknown';
import { privateApiNotDualstack } from './rules/private-api-not-dualstack';
import { privateApiWithoutPolicy } from './rules/private-api-without-policy';
import { proxyIntegrationKind } from './rules/proxy-integration-kind';
import { quotaOffsetRange } from './rules/quota-offset-range';
import { resourcePolicyRestOnly } from './rules/resource-policy-rest-only';
import { resourcePolicySize } from './rules/resource-policy-size';
import { resourceQuota } from './rules/resource-quota';
import { restApiWithoutMethods } from './rules/rest-api-without-methods';
import { routeKeyInvalid } from './rules/route-key-invalid';
import { routeScopeQuota } from './rules/route-scope-quota';
import { routeWithoutIntegration } from './rules/route-without-integration';
import { routingRuleConditions } from './rules/routing-rule-conditions';
import { routingRulePriority } from './rules/routing-rule-priority';
import { routingRulesPerDomain } from './rules/routing-rules-per-domain';
import { routingRulesRestOnly } from './rules/routing-rules-rest-only';
import { securityPolicyEndpointType } from './rules/security-policy-endpoint-type';
import { stageQuota } from './rules/stage-quota';
import { stageVariableFormat } from './rules/stage-variable-format';
import { stageVariableQuota } from './rules/stage-variable-quota';
import { stageVariableUndefined } from './rules/stage-variable-undefined';
import { streamingProxyOnly } from './rules/streaming-proxy-only';
import { streamingResponseTemplate } from './rules/streaming-response-template';
import { streamingRestOnly } from './rules/streaming-rest-only';
import { streamingWithCaching } from './rules/streaming-with-caching';
import { streamingWithCompression } from './rules/streaming-with-compression';
import { throttleBurstBelowRate } from './rules/throttle-burst-below-rate';
import { tracingRestOnly } from './rules/tracing-rest-only';
import { unusedAuthorizer } from './rules/unused-authorizer';
import { unusedIntegration } from './rules/unused-integration';
import { unusedModel } from './rules/unused-model';
import { unusedRequestValidator } from './rules/unused-request-validator';
import { usagePlanWithoutApiKeys } from './rules/usage-plan-without-api-keys';
import { usagePlanWithoutStage } from './rules/usage-plan-without-stage';
import { vpcEndpointsWithoutPrivate } from './rules/vpc-endpoints-without-private';
import { vpcLinkV2IntegrationTarget } from './rules/vpc-link-v2-integration-target';
import { wafRestOnly } from './rules/waf-rest-only';
import { websocketApiKeyOnConnect } from './rules/websocket-api-key-on-connect';

export type { DesignIndex, Usage } from './design-index';
export type { Linter } from './engine';
export { type McpReadiness, mcpReadiness, mcpRules, mcpSectionTitle } from './mcp-readiness';
export type {
  DesignPart,
  DesignRule,
  Finding,
  OperationContext,
  OperationRule,
  Problem,
  QuickFix,
  Report,
  Rule,
  RuleGroup,
  Severity,
  TargetKind,
} from './rule';

/**
 * Every rule, in the order findings are listed: what an API type lacks, limits and quotas, the structure of
 * the design, then the rules on single methods and routes. One rule per file under `rules/`, named by its id.
 */
export const rules: readonly Rule[] = [
  endpointTypeRestOnly,
  resourcePolicyRestOnly,
  binaryMediaTypesRestOnly,
  compressionRestOnly,
  cachingRestOnly,
  canaryRestOnly,
  tracingRestOnly,
  wafRestOnly,
  gatewayResponsesRestOnly,
  httpApiNoUsagePlans,
  httpApiNoApiKeys,
  httpApiNoRequestValidation,
  httpApiAwsServiceSubtype,
  authorizerKindApiType,
  resourceQuota,
  stageQuota,
  authorizerQuota,
  jwtAudienceQuota,
  resourcePolicySize,
  stageVariableQuota,
  stageVariableFormat,
  apiKeyValue,
  cacheTtlRange,
  cacheClusterSize,
  authorizerTtlRange,
  quotaOffsetRange,
  throttleBurstBelowRate,
  duplicateOperation,
  duplicateOperationName,
  greedyPathNotLast,
  greedyPathSiblings,
  pathParameterSiblings,
  privateApiWithoutPolicy,
  privateApiNotDualstack,
  dualstackSourceIpWithoutIpv6,
  securityPolicyEndpointType,
  endpointAccessModeRequired,
  vpcEndpointsWithoutPrivate,
  routingRulesRestOnly,
  routingRulesPerDomain,
  routingRulePriority,
  routingRuleConditions,
  domainNameForm,
  domainCertificate,
  domainEndpointType,
  domainSecurityPolicy,
  domainAccessMode,
  domainMutualTlsEnhancedPolicy,
  domainMutualTlsRegional,
  domainTruststoreUri,
  domainBasePath,
  domainStageMissing,
  domainRoutingMode,
  corsWildcardCredentials,
  corsLambdaProxyHeaders,
  apiKeySourceAuthorizer,
  authorizerIdentitySource,
  authorizerIncomplete,
  jwtIssuerUrl,
  jwtIssuerDuplicate,
  jwtIssuerWithoutAudience,
  jwtSigningAlgorithms,
  jwtAdditionalClaim,
  integrationTargetIncomplete,
  awsServiceWithoutRole,
  awsServiceRequestHeaders,
  vpcLinkV2IntegrationTarget,
  unusedAuthorizer,
  authorizerNameForm,
  unusedIntegration,
  unusedModel,
  modelKeywordsOutsideOpenapi,
  unusedRequestValidator,
  apiKeyRequiredWithoutUsagePlan,
  usagePlanWithoutStage,
  usagePlanWithoutApiKeys,
  apiKeyNotInUsagePlan,
  stageVariableUndefined,
  cacheWithoutCluster,
  cacheClusterUnused,
  streamingWithCaching,
  streamingWithCompression,
  restApiWithoutMethods,
  routeKeyInvalid,
  httpApiProxyOnly,
  httpApiNoMappingTemplates,
  cacheKeysRestOnly,
  websocketApiKeyOnConnect,
  routeScopeQuota,
  proxyIntegrationKind,
  integrationTimeoutRange,
  integrationTimeoutQuota,
  streamingRestOnly,
  streamingProxyOnly,
  streamingResponseTemplate,
  methodWithoutIntegration,
  routeWithoutIntegration,
  integrationResponsesMissing,
  integrationResponseWithoutMethodResponse,
  mappingKeyForm,
  mappingParameterUndeclared,
  pathParameterUndeclared,
  pathParameterUnknown,
  authorizationScopesWithoutAuthorizer,
];

/** A fresh run of every rule (or of `options.rules`) over a design; the same design gives the same findings in the same order. */
export function lintDesign(design: Design, options?: { rules?: readonly Rule[] }): Finding[] {
  return createRuleLinter({ rules: options?.rules ?? rules }).run(design);
}

/**
 * A linter that remembers the previous design: elements that are the same object as before keep their
 * findings, so a keystroke in a form costs the work of the element it changed.
 */
export function createLinter(options?: { rules?: readonly Rule[] }): Linter {
  return createRuleLinter({ rules: options?.rules ?? rules });
}
