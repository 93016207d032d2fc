import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

const defaultMaximum = 29_000;

/**
 * Regional and private REST APIs may wait longer than 29 s, but only after a quota increase for the
 * account (which may lower its throttle quota); without one, the deployment is refused.
 */
export const integrationTimeoutQuota = defineOperationRule({
  id: 'integration-timeout-quota',
  severity: 'warning',
  title: 'Integration timeout above 29 s needs a quota increase',
  why: "A REST API waits at most 29 seconds for an integration by default. For Regional and private REST APIs you can ask Service Quotas for a longer integration timeout (AWS may lower the account's throttle quota in exchange); until it is granted, API Gateway refuses longer timeouts.",
  docsUrl: guide('limits'),
  check(owner, context, report) {
    const timeout = owner.integration?.timeoutInMillis;
    if (context.apiType !== 'REST' || context.endpointType === 'EDGE' || timeout === undefined || timeout <= defaultMaximum) return;
    report({
      message: `${capitalized(context.label)} waits ${timeout.toLocaleString('en')} ms for its integration, more than the default 29,000 ms quota.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: { label: 'Set the timeout to 29,000 ms', apply: (d) => updateBinding(d, owner.id, { timeoutInMillis: defaultMaximum }) },
    });
  },
});
