import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Edge-optimized and private endpoints are REST-only; `updateApi` refuses them elsewhere, imported data may not. */
export const endpointTypeRestOnly = defineDesignRule({
  id: 'endpoint-type-rest-only',
  severity: 'error',
  title: 'Edge-optimized and private endpoints exist only for REST APIs',
  why: 'A REST API can be edge-optimized (served through CloudFront), Regional, or private (reachable only from a VPC through an interface VPC endpoint). HTTP and WebSocket APIs are always Regional.',
  docsUrl: guide('api-gateway-api-endpoint-types'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type === 'REST' || design.api.endpointType === 'REGIONAL') return;
    const kind = design.api.endpointType === 'EDGE' ? 'edge-optimized' : 'private';
    report({
      message: `The API is ${kind}, but ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs are always Regional.`,
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Make the endpoint Regional', apply: (d) => updateApi(d, { endpointType: 'REGIONAL' }) },
    });
  },
});
