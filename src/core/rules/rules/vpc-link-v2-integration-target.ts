import { type IntegrationTarget, setIntegrationTarget } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** `arn:{partition}:elasticloadbalancing:{region}:{account}:loadbalancer/app|net/{name}/{id}`. */
const loadBalancerArn = /^arn:[^:]+:elasticloadbalancing:[^:]*:[^:]*:loadbalancer\/(app|net)\/[^/]+\/[^/]+$/;

/** What is wrong with a VPC link V2's load balancer, or undefined. */
function problemOf(integrationTarget: string): string | undefined {
  const arn = integrationTarget.trim();
  if (arn === '') return 'has no load balancer ARN (integrationTarget): IntegrationTarget is required for VpcLinkV2';
  // A placeholder (a stage variable, a template's ${AlbArn}) may stand for the ARN.
  if (arn.includes('${') || loadBalancerArn.test(arn)) return undefined;
  if (/:listener\//.test(arn))
    return `names a listener (${arn}); integrationTarget is the load balancer's own ARN (…:loadbalancer/app/… or …:loadbalancer/net/…)`;
  return `names ${arn} as its load balancer, which is not an Application or Network Load Balancer ARN (…:loadbalancer/app/… or …:loadbalancer/net/…)`;
}

/**
 * A REST private integration through a VPC link V2 names the load balancer it reaches
 * (`integrationTarget`); API Gateway refuses the integration without it ("IntegrationTarget is required
 * for VpcLinkV2"). HTTP APIs name the listener in the integration URI instead and have no such field.
 */
export const vpcLinkV2IntegrationTarget = defineDesignRule({
  id: 'vpc-link-v2-integration-target',
  severity: 'error',
  title: 'A VPC link V2 needs its load balancer',
  why: 'A REST API reaches an Application or Network Load Balancer in a VPC through a VPC link V2: the integration is an HTTP (proxy) integration with connection type VPC_LINK, the link’s id as connection id, and the load balancer’s ARN as integrationTarget, which API Gateway requires for a V2 link. The load balancer, the VPC link and the API must belong to the same account. HTTP APIs name a listener or Cloud Map service in the integration URI instead.',
  docsUrl: guide('set-up-private-integration'),
  reads: ['api', 'integrations'],
  check(design, _index, report) {
    for (const target of Object.values(design.integrations) as IntegrationTarget[]) {
      if (target.kind !== 'VPC_LINK' || target.integrationTarget === undefined) continue;
      if (design.api.type !== 'REST') {
        report({
          message: `Integration ${target.name} names a load balancer in integrationTarget, which ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs do not have; an HTTP API names the listener in the integration URI.`,
          target: { kind: 'integration', id: target.id },
          fix: { label: 'Remove integrationTarget', apply: (d) => setIntegrationTarget(d, target.id, undefined) },
        });
        continue;
      }
      // A CloudFormation expression ({"Ref": "PrivateALB"}) stands for the ARN.
      const problem = typeof target.integrationTarget === 'string' ? problemOf(target.integrationTarget) : undefined;
      if (problem)
        report({ message: `Integration ${target.name} is a VPC link V2 that ${problem}.`, target: { kind: 'integration', id: target.id } });
    }
  },
});
