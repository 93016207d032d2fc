import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const quota = 300;

/** 300 resources per REST API and 300 routes per HTTP or WebSocket API, unless the quota is raised. */
export const resourceQuota = defineDesignRule({
  id: 'resource-quota',
  severity: 'warning',
  title: 'More resources or routes than the default quota',
  why: 'By default a REST API holds at most 300 resources (the root included) and an HTTP or WebSocket API at most 300 routes. The quota can be raised for a specific API through Service Quotas; without that, the import or deployment fails. Splitting a large API by domain is the other way out.',
  docsUrl: guide('limits'),
  reads: ['api', 'resources', 'routes'],
  operationFields: () => [],
  check(design, index, report) {
    const rest = design.api.type === 'REST';
    const count = rest ? index.values(design.resources).length : index.values(design.routes).length;
    if (count <= quota) return;
    report({
      message: `The API has ${count} ${rest ? 'resources' : 'routes'}; API Gateway allows ${quota} per API unless you ask for more.`,
      target: { kind: 'api', id: 'api' },
    });
  },
});
