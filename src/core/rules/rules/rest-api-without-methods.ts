import { ROOT_RESOURCE_ID } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * A REST API is deployed to a stage by a deployment, and API Gateway refuses to create one for an API that
 * has no methods ("The REST API doesn't contain any methods"). A design with nothing in it yet is left to
 * the canvas's empty state rather than greeted with an error.
 */
export const restApiWithoutMethods = defineDesignRule({
  id: 'rest-api-without-methods',
  severity: 'error',
  title: 'REST API without methods',
  why: 'Clients call methods, not resources: a resource is only a path. API Gateway deploys a REST API to a stage by creating a deployment, which it refuses for an API without a single method, so nothing of this design could be called.',
  docsUrl: guide('how-to-deploy-api'),
  reads: ['api', 'resources', 'methods', 'integrations', 'authorizers'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    for (const _ in design.methods) return;
    const resources = Object.keys(design.resources).filter((id) => id !== ROOT_RESOURCE_ID).length;
    const started = resources > 0 || Object.keys(design.integrations).length > 0 || Object.keys(design.authorizers).length > 0;
    if (!started) return;
    report({
      message: `The REST API has ${resources === 1 ? 'a resource' : `${resources} resources`} but no method, so API Gateway cannot deploy it: add a method to a resource.`,
      target: { kind: 'api', id: 'api' },
    });
  },
});
