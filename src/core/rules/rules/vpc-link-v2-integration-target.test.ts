import { describe, expect, it } from 'vitest';
import { addIntegration, setIntegrationTarget, updateIntegration } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith, summary } from '../testing/rule-tester';
import { vpcLinkV2IntegrationTarget as rule } from './vpc-link-v2-integration-target';

const alb = 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/myLoadBalancerName/1234567891011';
const withLink = (integrationTarget: string | undefined) =>
  build(
    restPetStore(),
    (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('alb'), name: 'Orders' }),
    (d) => setIntegrationTarget(d, ids.int('alb'), integrationTarget),
  );

describe('vpc-link-v2-integration-target', () => {
  it('names a VPC link V2 without its load balancer, as API Gateway words the refusal', () => {
    expect(lintWith(rule, withLink('')).map(summary)).toEqual([
      {
        ruleId: 'vpc-link-v2-integration-target',
        severity: 'error',
        message:
          'Integration Orders is a VPC link V2 that has no load balancer ARN (integrationTarget): IntegrationTarget is required for VpcLinkV2.',
        target: { kind: 'integration', id: ids.int('alb') },
      },
    ]);
  });

  it('names a listener ARN or another ARN where the load balancer ARN belongs', () => {
    const listener = 'arn:aws:elasticloadbalancing:us-east-2:111122223333:listener/app/myLoadBalancerName/1234567891011/abcdef';
    expect(lintWith(rule, withLink(listener)).map((finding) => finding.message)).toEqual([
      `Integration Orders is a VPC link V2 that names a listener (${listener}); integrationTarget is the load balancer's own ARN (…:loadbalancer/app/… or …:loadbalancer/net/…).`,
    ]);
    expect(lintWith(rule, withLink('my-alb')).map((finding) => finding.message)).toEqual([
      'Integration Orders is a VPC link V2 that names my-alb as its load balancer, which is not an Application or Network Load Balancer ARN (…:loadbalancer/app/… or …:loadbalancer/net/…).',
    ]);
  });

  it('is quiet on an ALB or NLB ARN, a placeholder or CloudFormation expression, and a VPC link V1', () => {
    expect(lintWith(rule, withLink(alb))).toEqual([]);
    expect(lintWith(rule, withLink(alb.replace('/app/', '/net/')))).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the data under test.
    expect(lintWith(rule, withLink('${AlbArn}'))).toEqual([]);
    expect(
      lintWith(
        rule,
        build(withLink(alb), (d) => setIntegrationTarget(d, ids.int('alb'), { Ref: 'PrivateALB' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, withLink(undefined))).toEqual([]);
  });

  it('names an HTTP API private integration that carries integrationTarget (from a converted REST design), and the fix removes it', () => {
    const design = build(
      httpPets(),
      (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('alb'), name: 'Orders' }),
      (d) => updateIntegration(d, ids.int('alb'), { integrationTarget: alb }),
    );
    const findings = lintWith(rule, design);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Integration Orders names a load balancer in integrationTarget, which HTTP APIs do not have; an HTTP API names the listener in the integration URI.',
    ]);
    expect(applyFix(rule, design, findings[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
