import { describe, expect, it } from 'vitest';
import type { Authorizer, AuthorizerId, IntegrationId, VpcLinkTarget } from '../core/model';
import { authorizerDetail, integrationDetail } from './describe';

const jwt = (patch: Partial<Authorizer>): Authorizer => ({
  id: 'auth_a' as AuthorizerId,
  name: 'a',
  kind: 'JWT',
  providerArns: [],
  jwtAudience: [],
  ...patch,
});

describe('what cards say', () => {
  it("names a JWT authorizer by its issuer's host: an HTTP API's one, or a REST API's first and how many more", () => {
    expect(authorizerDetail(jwt({ jwtIssuer: 'https://login.example.com/oauth2' }), 'HTTP')).toBe('login.example.com');
    const issuers = [
      { issuer: 'https://login.example.com/', audiences: ['a'], additionalClaims: [] },
      { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X', audiences: ['b'], additionalClaims: [] },
    ];
    expect(authorizerDetail(jwt({ jwtIssuers: issuers }), 'REST')).toBe('login.example.com +1');
    expect(authorizerDetail(jwt({ jwtIssuers: [] }), 'REST')).toBe('issuer not set');
  });

  it('names the load balancer of a VPC link V2 integration', () => {
    const target: VpcLinkTarget = {
      id: 'int_a' as IntegrationId,
      name: 'orders',
      kind: 'VPC_LINK',
      connectionId: 'abc123',
      url: 'http://orders.internal/',
      httpMethod: 'ANY',
    };
    expect(integrationDetail(target)).toBe('orders.internal');
    expect(
      integrationDetail({
        ...target,
        integrationTarget: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/orders-alb/50dc6c495c0c9188',
      }),
    ).toBe('V2 → orders-alb · orders.internal');
    expect(integrationDetail({ ...target, integrationTarget: '' })).toBe('V2 → load balancer not set · orders.internal');
  });
});
