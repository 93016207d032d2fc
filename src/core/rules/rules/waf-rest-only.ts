import { updateStage } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** AWS WAF web ACLs attach to REST API stages only; a design switched from REST keeps the ACL. */
export const wafRestOnly = defineDesignRule({
  id: 'waf-rest-only',
  severity: 'error',
  title: 'AWS WAF protects REST API stages only',
  why: 'An AWS WAF web ACL is associated with a REST API stage and filters requests before anything else runs. HTTP and WebSocket API stages cannot be associated with a web ACL.',
  docsUrl: guide('apigateway-control-access-aws-waf'),
  reads: ['api', 'stages'],
  check(design, _index, report) {
    if (design.api.type === 'REST') return;
    for (const stage of Object.values(design.stages))
      if (stage.webAclArn)
        report({
          message: `Stage ${stage.name} has an AWS WAF web ACL, but only REST API stages can use one.`,
          target: { kind: 'stage', id: stage.id },
          fix: { label: 'Remove the web ACL', apply: (d) => updateStage(d, stage.id, { webAclArn: undefined }) },
        });
  },
});
