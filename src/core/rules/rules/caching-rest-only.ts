import { type StageId, updateStage } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * Only REST APIs have a stage cache. A design switched from REST keeps its stage-wide caching setting,
 * which an HTTP or WebSocket stage cannot express.
 */
export const cachingRestOnly = defineDesignRule({
  id: 'caching-rest-only',
  severity: 'error',
  title: 'Caching exists only on REST APIs',
  why: 'API Gateway caches responses per stage in a provisioned cache cluster, and only REST API stages have one. HTTP and WebSocket APIs have no cache: put one in front (CloudFront) or behind (in the backend).',
  docsUrl: guide('http-api-vs-rest'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type === 'REST') return;
    for (const stage of Object.values(design.stages)) {
      if (!stage.cacheClusterEnabled && !stage.methodSettings.cachingEnabled) continue;
      report({
        message: `Stage ${stage.name} has caching turned on, but ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs have no cache.`,
        target: { kind: 'stage', id: stage.id },
        fix: {
          label: 'Turn caching off',
          apply: (d) => {
            const current = d.stages[stage.id as StageId];
            if (!current) return d;
            return updateStage(d, stage.id, {
              cacheClusterEnabled: false,
              methodSettings: { ...current.methodSettings, cachingEnabled: false },
            });
          },
        },
      });
    }
  },
});
