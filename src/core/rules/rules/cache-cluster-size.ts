import { cacheClusterSizes, updateStage } from '../../model';
import { apiReference } from '../describe';
import { defineDesignRule } from '../rule';

/** A cache cluster comes in fixed sizes; `updateStage` refuses others, imported data may not. */
export const cacheClusterSize = defineDesignRule({
  id: 'cache-cluster-size',
  severity: 'error',
  title: 'Cache cluster size API Gateway does not offer',
  why: `A REST stage's cache cluster is provisioned in one of a few sizes (${cacheClusterSizes.join(', ')} GB), billed per hour whether used or not. Any other size is refused when the stage is created.`,
  docsUrl: apiReference('API_CreateStage'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const stage of Object.values(design.stages))
      if (!(cacheClusterSizes as readonly string[]).includes(stage.cacheClusterSize))
        report({
          message: `Stage ${stage.name} asks for a ${stage.cacheClusterSize} GB cache cluster; API Gateway offers ${cacheClusterSizes.join(', ')} GB.`,
          target: { kind: 'stage', id: stage.id },
          fix: { label: 'Use the 0.5 GB cache', apply: (d) => updateStage(d, stage.id, { cacheClusterSize: '0.5' }) },
        });
  },
});
