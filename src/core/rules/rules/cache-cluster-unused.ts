import { updateStage } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** A cache cluster is billed by the hour from the moment it exists, whether any method uses it or not. */
export const cacheClusterUnused = defineDesignRule({
  id: 'cache-cluster-unused',
  severity: 'warning',
  title: 'Cache cluster that no method uses',
  why: "Provisioning a cache cluster on a REST stage does not cache anything by itself: caching is turned on in the stage's method settings, for all methods or per method. A cluster that no method uses is billed by the hour for nothing.",
  docsUrl: guide('api-gateway-caching'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const stage of Object.values(design.stages)) {
      if (!stage.cacheClusterEnabled) continue;
      const caching =
        stage.methodSettings.cachingEnabled || Object.values(stage.methodOverrides).some((override) => override.cachingEnabled);
      if (!caching)
        report({
          message: `Stage ${stage.name} has a ${stage.cacheClusterSize} GB cache cluster, but caching is on for no method.`,
          target: { kind: 'stage', id: stage.id },
          fix: { label: 'Remove the cache cluster', apply: (d) => updateStage(d, stage.id, { cacheClusterEnabled: false }) },
        });
    }
  },
});
