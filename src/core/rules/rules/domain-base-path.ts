import { basePathProblem, isMultiLevelBasePath } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Base paths of a domain's API mappings: well formed, each mapped once, several levels only where API Gateway allows them. */
export const domainBasePath = defineDesignRule({
  id: 'domain-base-path',
  severity: 'error',
  title: 'API mapping base path repeated or not allowed',
  why: "Each base path of a custom domain (the part after the host name, or none for the root) maps to one stage, so a base path appears once per domain. Base paths hold letters, digits and $-_.+!*'(); several levels (v1/orders) need a Regional domain with the TLS 1.2 policy or a newer one, and WebSocket APIs map one level only.",
  docsUrl: guide('rest-api-mappings'),
  reads: ['api', 'domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      const seen = new Set<string>();
      for (const mapping of domain.mappings) {
        const label = mapping.basePath === '' ? 'its root' : `the base path ${mapping.basePath}`;
        if (seen.has(mapping.basePath)) report({ message: `${domain.domainName} maps ${label} more than once.`, target });
        seen.add(mapping.basePath);
        const problem = basePathProblem(mapping.basePath);
        if (problem) report({ message: `${domain.domainName}: ${problem}`, target });
        else if (isMultiLevelBasePath(mapping.basePath)) {
          if (design.api.type === 'WEBSOCKET')
            report({ message: `${domain.domainName} maps ${label}, of several levels, which WebSocket APIs do not have.`, target });
          else if (domain.endpointType !== 'REGIONAL')
            report({ message: `${domain.domainName} maps ${label}, of several levels, which needs a Regional domain.`, target });
          else if (domain.securityPolicy === 'TLS_1_0')
            report({
              message: `${domain.domainName} maps ${label}, of several levels, which needs the TLS 1.2 policy or a newer one.`,
              target,
            });
        }
      }
    }
  },
});
