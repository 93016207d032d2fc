import { deleteApiKey, type Route, updateRoute } from '../../model';
import { guide, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * HTTP APIs have no API keys. Switching a REST design to HTTP keeps each method's "API key required"
 * flag on the route it becomes, where API Gateway cannot honour it.
 */
export const httpApiNoApiKeys = defineDesignRule({
  id: 'http-api-no-api-keys',
  severity: 'error',
  title: 'HTTP APIs have no API keys',
  why: 'API keys and the usage plans that meter them exist on REST APIs (and on the $connect route of WebSocket APIs). An HTTP API cannot require a key; protect the route with an authorizer instead.',
  docsUrl: guide('http-api-vs-rest'),
  reads: ['api', 'routes', 'apiKeys'],
  operationFields: (owner) => [...labelFields(owner), owner.apiKeyRequired],
  check(design, index, report) {
    if (design.api.type !== 'HTTP') return;
    for (const route of index.values<Route>(design.routes))
      if (route.apiKeyRequired)
        report({
          message: `${route.routeKey} requires an API key, but HTTP APIs have no API keys.`,
          target: { kind: 'route', id: route.id },
          fix: { label: 'Do not require an API key', apply: (d) => updateRoute(d, route.id, { apiKeyRequired: false }) },
        });
    for (const key of Object.values(design.apiKeys))
      report({
        message: `API key ${key.name} cannot exist on an HTTP API.`,
        target: { kind: 'apiKey', id: key.id },
        fix: { label: 'Delete the API key', apply: (d) => deleteApiKey(d, key.id) },
      });
  },
});
