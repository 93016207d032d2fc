import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * Cache key parameters (and the cache namespace) choose which request values make a cached response
 * distinct; they only mean something where there is a cache, on a REST API stage. A method converted
 * to a route, or a route imported with them, carries a setting that HTTP and WebSocket APIs lack.
 */
export const cacheKeysRestOnly = defineOperationRule({
  id: 'cache-keys-rest-only',
  severity: 'error',
  title: 'Cache key parameters exist only on REST APIs',
  why: 'API Gateway caches responses only on REST API stages, and a method’s cache key parameters say which headers, query strings or path parameters make two requests different cache entries. HTTP and WebSocket APIs have no cache, so the setting cannot be deployed; cache in CloudFront or in the backend instead.',
  docsUrl: guide('api-gateway-caching'),
  check(owner, context, report) {
    if (context.apiType === 'REST' || !isRoute(owner) || !owner.integration) return;
    const binding = owner.integration;
    if (binding.cacheKeyParameters.length === 0 && binding.cacheNamespace === undefined) return;
    report({
      message: `${capitalized(context.label)} has cache key parameters, but ${context.apiType === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs have no cache.`,
      target: { kind: 'route', id: owner.id },
      fix: {
        label: 'Remove the cache key parameters',
        apply: (d) => updateBinding(d, owner.id, { cacheKeyParameters: [], cacheNamespace: undefined }),
      },
    });
  },
});
