import { endpointAccessModes, isEndpointAccessMode, isEnhancedPolicy, updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const endpointAccessModeKey = 'x-amazon-apigateway-endpoint-access-mode';

/**
 * "When you use an enhanced security policy, you must also set the endpoint access mode"
 * (DG apigateway-security-policies). The exports write STRICT when the design has none, and say so.
 */
export const endpointAccessModeRequired = defineDesignRule({
  id: 'endpoint-access-mode-required',
  severity: 'error',
  title: 'Enhanced security policy without an endpoint access mode',
  why: 'A TLS security policy whose name starts with SecurityPolicy_ is an enhanced policy, and API Gateway requires an endpoint access mode with it: STRICT also rejects requests whose host name (SNI) does not match the API or that arrive through another endpoint type, BASIC does not (use it while clients migrate). Without one, API Gateway refuses the policy; the exports fall back to STRICT.',
  docsUrl: guide('apigateway-security-policies'),
  reads: ['api'],
  check(design, _index, report) {
    const api = design.api;
    if (api.type !== 'REST') return;
    // A mode kept as written (a CloudFormation expression) is one.
    const kept = Object.hasOwn(api.extensions, endpointAccessModeKey);
    if (api.endpointAccessMode !== undefined && !isEndpointAccessMode(api.endpointAccessMode))
      report({
        message: `The endpoint access mode "${api.endpointAccessMode}" is not one API Gateway has: it is ${endpointAccessModes.join(' or ')}.`,
        target: { kind: 'api', id: 'api' },
      });
    else if (isEnhancedPolicy(api.securityPolicy) && api.endpointAccessMode === undefined && !kept)
      report({
        message: `The enhanced security policy ${api.securityPolicy} needs an endpoint access mode (STRICT or BASIC).`,
        target: { kind: 'api', id: 'api' },
        fix: { label: 'Set the endpoint access mode to STRICT', apply: (d) => updateApi(d, { endpointAccessMode: 'STRICT' }) },
      });
  },
});
