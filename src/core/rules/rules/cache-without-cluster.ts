import { updateStage } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Method caching takes effect only when the stage has a cache cluster. */
export const cacheWithoutCluster = defineDesignRule({
  id: 'cache-without-cluster',
  severity: 'warning',
  title: 'Method caching on a stage without a cache cluster',
  why: 'A REST stage caches answers in a cache cluster that you provision on the stage (and pay for by the hour). Turning caching on for methods without provisioning the cluster caches nothing.',
  docsUrl: guide('api-gateway-caching'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const stage of Object.values(design.stages)) {
      if (stage.cacheClusterEnabled) continue;
      const caching =
        stage.methodSettings.cachingEnabled || Object.values(stage.methodOverrides).some((override) => override.cachingEnabled);
      if (caching)
        report({
          message: `Stage ${stage.name} turns caching on for methods but has no cache cluster, so nothing is cached.`,
          target: { kind: 'stage', id: stage.id },
          fix: { label: 'Provision the cache cluster', apply: (d) => updateStage(d, stage.id, { cacheClusterEnabled: true }) },
        });
    }
  },
});
