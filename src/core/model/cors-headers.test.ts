import { describe, expect, it } from 'vitest';
import type { CorsConfiguration } from './api';
import { gatewayResponsesWithCors, restCorsHeaders, restCorsMethods } from './cors-headers';
import { emptyDesign } from './design';

const cors = (patch: Partial<CorsConfiguration> = {}): CorsConfiguration => ({
  allowOrigins: ['https://app.example.com'],
  allowMethods: [],
  allowHeaders: [],
  exposeHeaders: [],
  allowCredentials: false,
  ...patch,
});

describe('the CORS headers of a REST API', () => {
  it('are what the CDK writes: default headers and every method when none are listed, Vary for a named origin', () => {
    expect(restCorsHeaders(cors())).toEqual({
      headers: [
        ['Access-Control-Allow-Headers', 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'],
        ['Access-Control-Allow-Origin', 'https://app.example.com'],
        ['Vary', 'Origin'],
        ['Access-Control-Allow-Methods', 'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'],
      ],
      otherOrigins: [],
    });
  });

  it('list credentials, max age and exposed headers when set; * stands for every origin', () => {
    const answer = restCorsHeaders(
      cors({ allowOrigins: ['https://a.example', '*'], allowCredentials: true, maxAgeSeconds: 300, exposeHeaders: ['X-A', 'X-B'] }),
    );
    expect(answer?.headers).toContainEqual(['Access-Control-Allow-Origin', '*']);
    expect(answer?.headers).not.toContainEqual(['Vary', 'Origin']);
    expect(answer?.headers).toContainEqual(['Access-Control-Allow-Credentials', 'true']);
    expect(answer?.headers).toContainEqual(['Access-Control-Max-Age', '300']);
    expect(answer?.headers).toContainEqual(['Access-Control-Expose-Headers', 'X-A,X-B']);
    expect(answer?.otherOrigins).toEqual([]);
  });

  it('keep the other origins for a template, and are undefined without an origin', () => {
    expect(restCorsHeaders(cors({ allowOrigins: ['https://a.example', 'https://b.example'] }))?.otherOrigins).toEqual([
      'https://b.example',
    ]);
    expect(restCorsHeaders(cors({ allowOrigins: [] }))).toBeUndefined();
  });

  it('allow the listed methods the CDK knows, every method for * or ANY', () => {
    expect(restCorsMethods(cors({ allowMethods: ['get', 'POST', 'FETCH'] }))).toEqual(['GET', 'POST']);
    expect(restCorsMethods(cors({ allowMethods: ['ANY'] }))).toHaveLength(7);
    expect(restCorsMethods(cors({ allowMethods: ['*'] }))).toHaveLength(7);
  });
});

describe('gatewayResponsesWithCors', () => {
  it('adds DEFAULT_4XX and DEFAULT_5XX with the headers, leaving other responses and HTTP APIs alone', () => {
    const design = emptyDesign('REST');
    design.api.cors = cors();
    design.gatewayResponses = { UNAUTHORIZED: { statusCode: '401', responseParameters: {}, responseTemplates: {} } };
    const responses = gatewayResponsesWithCors(design);
    expect(Object.keys(responses)).toEqual(['UNAUTHORIZED', 'DEFAULT_4XX', 'DEFAULT_5XX']);
    expect(responses.DEFAULT_4XX?.responseParameters['gatewayresponse.header.Access-Control-Allow-Origin']).toBe(
      "'https://app.example.com'",
    );
    expect(responses.DEFAULT_4XX?.responseParameters['gatewayresponse.header.Access-Control-Max-Age']).toBeUndefined();
    expect(responses.UNAUTHORIZED).toBe(design.gatewayResponses.UNAUTHORIZED);
    const http = emptyDesign('HTTP');
    http.api.cors = cors();
    expect(gatewayResponsesWithCors(http)).toBe(http.gatewayResponses);
  });

  it("keeps a response's own CORS header (any case) and adds none beside it", () => {
    const design = emptyDesign('REST');
    design.api.cors = cors();
    design.gatewayResponses = {
      DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.access-control-allow-origin': "'*'" }, responseTemplates: {} },
    };
    expect(gatewayResponsesWithCors(design).DEFAULT_4XX).toEqual(design.gatewayResponses.DEFAULT_4XX);
  });
});
