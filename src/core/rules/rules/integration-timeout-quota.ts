import { updateBinding } from '../../model';
import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

const defaultMaximum = 29_000;
/**
 * The longest timeout a quota increase is reported to reach: AWS's answer on re:Post (QUlDTc_17EQ_mOJAhR3LHNDw)
 * gives 300 s, with the account's throttle quota cut to about 967 requests per second. The guide states no ceiling.
 */
const reportedCeiling = 300_000;

/**
 * Regional and private REST APIs may wait longer than 29 s, but only after a quota increase for the
 * account (which may lower its throttle quota); without one, the deployment is refused. A streamed
 * response needs no increase (up to 15 minutes; integration-timeout-range checks that bound).
 * @see https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/
 */
export const integrationTimeoutQuota = defineOperationRule({
  id: 'integration-timeout-quota',
  severity: 'warning',
  title: 'Integration timeout above 29 s needs a quota increase',
  why: 'A REST API waits at most 29 seconds for an integration by default. For Regional and private REST APIs you can ask Service Quotas for a longer integration timeout, but AWS may lower the account-level throttle quota in exchange (reported: a 300-second timeout for about 967 requests per second instead of 10,000), which every API of the account and Region shares; until the increase is granted, API Gateway refuses longer timeouts. Streaming the response (response transfer mode STREAM) allows up to 15 minutes without one.',
  docsUrl: guide('limits'),
  check(owner, context, report) {
    const binding = owner.integration;
    const timeout = binding?.timeoutInMillis;
    if (context.apiType !== 'REST' || context.endpointType === 'EDGE' || timeout === undefined || timeout <= defaultMaximum) return;
    if (binding?.responseTransferMode === 'STREAM') return;
    const beyond =
      timeout > reportedCeiling
        ? ` It is also beyond the 300,000 ms a quota increase is reported to reach: consider streaming the response (up to 15 minutes) or answering asynchronously.`
        : ' Ask Service Quotas for the increase, and expect a lower account-level throttle quota.';
    report({
      message: `${capitalized(context.label)} waits ${timeout.toLocaleString('en')} ms for its integration, more than the default 29,000 ms quota.${beyond}`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: { label: 'Set the timeout to 29,000 ms', apply: (d) => updateBinding(d, owner.id, { timeoutInMillis: defaultMaximum }) },
    });
  },
});
