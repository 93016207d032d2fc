import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign, setGatewayResponse } from '../../model';
import { build, httpPets } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { gatewayResponsesRestOnly as rule } from './gateway-responses-rest-only';

const response = { statusCode: '403', responseParameters: {}, responseTemplates: { 'application/json': '{"message": "No"}' } };

describe('gateway-responses-rest-only', () => {
  it('names a customised gateway response on an HTTP API (built directly: setGatewayResponse and changeApiType refuse it)', () => {
    const design: Design = { ...httpPets(), gatewayResponses: { ACCESS_DENIED: response } };
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'gatewayResponse', id: 'ACCESS_DENIED' } }]);
  });

  it('is quiet on a REST API with gateway responses', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => setGatewayResponse(d, 'ACCESS_DENIED', response)),
      ),
    ).toEqual([]);
  });
});
