import { describe, expect, it } from 'vitest';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addIntegration } from './integrations';
import { setIntegrationTarget } from './private-integration';

const alb = 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/myLoadBalancerName/1234567891011';

describe('setIntegrationTarget', () => {
  it('makes a REST private integration a VPC link V2 to a load balancer, and back to V1', () => {
    const base = build(restPetStore(), (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('alb') }));
    const chosenLater = build(base, (d) => setIntegrationTarget(d, ids.int('alb'), ''));
    expect(chosenLater.integrations[ids.int('alb')]).toMatchObject({ integrationTarget: '' });
    const v2 = build(chosenLater, (d) => setIntegrationTarget(d, ids.int('alb'), ` ${alb} `));
    expect(v2.integrations[ids.int('alb')]).toMatchObject({ integrationTarget: alb });
    const expression = build(v2, (d) => setIntegrationTarget(d, ids.int('alb'), { Ref: 'PrivateALB' }));
    expect(expression.integrations[ids.int('alb')]).toMatchObject({ integrationTarget: { Ref: 'PrivateALB' } });
    const v1 = build(v2, (d) => setIntegrationTarget(d, ids.int('alb'), undefined));
    expect(v1.integrations[ids.int('alb')]).not.toHaveProperty('integrationTarget');
  });

  it('refuses targets that are not private integrations, and HTTP APIs (which name the listener in the URI)', () => {
    expect(refusalOf(restPetStore(), (d) => setIntegrationTarget(d, ids.int('fn'), alb))).toMatchObject({ code: 'not-allowed' });
    const http = build(httpPets(), (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('link') }));
    expect(refusalOf(http, (d) => setIntegrationTarget(d, ids.int('link'), alb))).toMatchObject({
      code: 'wrong-api-type',
      message:
        'Only REST APIs name the load balancer of a VPC link V2 in integrationTarget; an HTTP API names its listener or Cloud Map service in the integration URI.',
    });
    expect(refusalOf(restPetStore(), (d) => setIntegrationTarget(d, ids.int('gone'), alb)).code).toBe('not-found');
  });
});
