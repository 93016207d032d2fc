import { beforeAll, describe, expect, it } from 'vitest';
import { addMethod, type CorsConfiguration, type Design, type JsonObject, setGatewayResponse, updateApi } from '../model';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from '../openapi';
import { generateCdk } from '.';
import { checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, resourcesOf, restMethods } from './testing/template';

/**
 * CORS on both halves of a REST API, synthesized: an OPTIONS method with a Mock integration on every
 * resource (`addCorsPreflight`) answering with the headers the OpenAPI export's preflights declare, and
 * the DEFAULT_4XX and DEFAULT_5XX gateway responses carrying the CORS headers. One batch for the file.
 */

const appCors: CorsConfiguration = {
  allowOrigins: ['https://app.example.com'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  allowCredentials: true,
  maxAgeSeconds: 600,
};

const designs = new Map<string, Design>([
  [
    'rest-cors',
    build(
      restPetStore(),
      (d) => updateApi(d, { cors: appCors }),
      (d) =>
        setGatewayResponse(d, 'DEFAULT_4XX', {
          statusCode: '400',
          responseParameters: {},
          responseTemplates: { 'application/json': '{"error":$context.error.messageString}' },
        }),
    ),
  ],
  [
    'rest-cors-all-origins',
    build(restPetStore(), (d) =>
      updateApi(d, { cors: { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: [], exposeHeaders: [], allowCredentials: false } }),
    ),
  ],
  // A designed OPTIONS method on /pets: the program adds the preflights resource by resource around it.
  [
    'rest-cors-own-options',
    build(
      restPetStore(),
      (d) => updateApi(d, { cors: appCors }),
      (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'OPTIONS', id: ids.mth('own') }),
    ),
  ],
]);
let outcomes: Map<string, SynthOutcome>;

beforeAll(() => {
  outcomes = checkPrograms(
    'cors',
    [...designs].map(([name, design]) => ({ name, code: generateCdk(design).code })),
  );
}, 600_000);

function template(name: string) {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  return outcome?.bare;
}

function gatewayResponses(name: string): Map<string, Properties> {
  return new Map(
    resourcesOf(template(name), 'AWS::ApiGateway::GatewayResponse').map((response) => [
      String(response.properties.ResponseType),
      response.properties,
    ]),
  );
}

/** The header values of the OpenAPI export's preflight on a path, by response parameter. */
function exportedPreflight(design: Design, path: string): Record<string, string> {
  const result = exportOpenApi(design, { version: '3.0' });
  if (!result.ok) throw new Error(result.message);
  const options = ((result.document.paths as JsonObject)[path] as JsonObject).options as JsonObject;
  const integration = options['x-amazon-apigateway-integration'] as JsonObject;
  return ((integration.responses as JsonObject).default as JsonObject).responseParameters as Record<string, string>;
}

describe('a REST API with CORS: the CDK program', () => {
  it('answers preflights with an OPTIONS Mock method on every resource, with the headers the OpenAPI export declares', () => {
    const methods = restMethods(template('rest-cors'));
    for (const path of ['/', '/pets', '/pets/{petId}']) {
      const options = methods.get(`OPTIONS ${path}`);
      expect(options?.Integration, path).toMatchObject({ Type: 'MOCK' });
      expect(options?.AuthorizationType, path).toBe('NONE');
      const answer = (((options?.Integration ?? {}) as Properties).IntegrationResponses as Properties[])[0] as Properties;
      expect(answer.ResponseParameters, path).toMatchObject({
        'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
        'method.response.header.Access-Control-Allow-Methods': "'GET,POST'",
        'method.response.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
        'method.response.header.Access-Control-Allow-Credentials': "'true'",
        'method.response.header.Access-Control-Max-Age': "'600'",
        'method.response.header.Access-Control-Expose-Headers': "'X-Request-Id'",
      });
      const declared = (((options?.MethodResponses ?? []) as Properties[])[0] as Properties).ResponseParameters as Properties;
      expect(Object.keys(declared).sort(), path).toEqual(Object.keys(answer.ResponseParameters as Properties).sort());
      // Both halves say the same.
      if (path !== '/') expect(answer.ResponseParameters, path).toEqual(exportedPreflight(designs.get('rest-cors') as Design, path));
    }
  });

  it('adds the CORS headers to the DEFAULT_4XX and DEFAULT_5XX gateway responses, keeping the design’s own', () => {
    const responses = gatewayResponses('rest-cors');
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX'])
      expect(responses.get(type)?.ResponseParameters, type).toMatchObject({
        'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
        'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
        'gatewayresponse.header.Access-Control-Allow-Methods': "'GET,POST'",
      });
    expect(responses.get('DEFAULT_4XX')).toMatchObject({
      StatusCode: '400',
      ResponseTemplates: { 'application/json': '{"error":$context.error.messageString}' },
    });
    expect(gatewayResponses('rest-cors-all-origins').get('DEFAULT_5XX')?.ResponseParameters).toMatchObject({
      'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
      'gatewayresponse.header.Access-Control-Allow-Methods': "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
    });
  });

  it('keeps a designed OPTIONS method and adds the preflights around it', () => {
    const methods = restMethods(template('rest-cors-own-options'));
    // The designed one (no integration yet: the program's placeholder) answers no preflight.
    expect(methods.get('OPTIONS /pets')).toBeDefined();
    expect(JSON.stringify(methods.get('OPTIONS /pets'))).not.toContain('Access-Control-Allow-Origin');
    expect(methods.get('OPTIONS /pets/{petId}')?.Integration).toMatchObject({ Type: 'MOCK' });
    expect(gatewayResponses('rest-cors-own-options').has('DEFAULT_4XX')).toBe(true);
  });
});
