// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and stage variable placeholders are the data under test.
import { describe, expect, it } from 'vitest';
import { type Authorizer, asId, type JsonObject } from '../../model';
import { type AuthorizerData, readSecurityScheme, writeSecurityScheme } from './authorizer';

function authorizerOf(raw: JsonObject, apiType: 'REST' | 'HTTP' = 'REST'): AuthorizerData & { notes: string[] } {
  const reading = readSecurityScheme(raw, apiType);
  if (reading.kind !== 'authorizer') throw new Error(reading.kind === 'skip' ? reading.reason : 'an API key scheme');
  return { ...reading.authorizer, notes: reading.notes };
}

function roundTrip(raw: JsonObject, apiType: 'REST' | 'HTTP' = 'REST'): JsonObject {
  const { notes: _notes, ...data } = authorizerOf(raw, apiType);
  return writeSecurityScheme({ ...data, id: asId('Authorizer', 'auth_1'), name: 'a' } as Authorizer, apiType);
}

describe('readSecurityScheme', () => {
  it.each([
    [{ type: 'apiKey', name: 'x-api-key', in: 'header' }, 'REST', 'apiKey'],
    [{ type: 'apiKey', name: 'x-api-key', in: 'header' }, 'HTTP', 'skip'],
    [{ type: 'http', scheme: 'basic' }, 'REST', 'skip'],
    [{ type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'jwt' } }, 'REST', 'authorizer'],
    [{ type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'jwt' } }, 'HTTP', 'authorizer'],
    [{ type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'token' } }, 'HTTP', 'skip'],
    [{ type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools' } }, 'HTTP', 'skip'],
    [{ type: 'apiKey', 'x-amazon-apigateway-authorizer': { type: 'magic' } }, 'REST', 'skip'],
    [{ type: 'apiKey', 'x-amazon-apigateway-authorizer': 'token' }, 'REST', 'skip'],
    [{ type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' }, 'HTTP', 'authorizer'],
    [{ type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'AWS_IAM' }, 'REST', 'authorizer'],
    // An authorizer's authtype without the authorizer is not the API key requirement.
    [{ type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools' }, 'REST', 'skip'],
  ])('reads %j in a %s API as %s', (raw, apiType, kind) => {
    expect(readSecurityScheme(raw as JsonObject, apiType as 'REST' | 'HTTP').kind).toBe(kind);
  });

  it.each([
    { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
    {
      type: 'apiKey',
      name: 'MyHeader',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:1'], identityValidationExpression: 'x' },
    },
    {
      type: 'apiKey',
      name: 'Unused',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        authorizerUri: { 'Fn::Sub': ['arn:${P}', { P: 'x' }] },
        identitySource: 'method.request.header.A, context.b',
        authorizerResultTtlInSeconds: 0,
      },
    },
    {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authorizer': {
        type: 'TOKEN',
        authorizerUri: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations',
      },
      'x-team': 'a',
    },
    {
      type: 'oauth2',
      flows: {},
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource: '$request.querystring.t',
        jwtConfiguration: { audience: ['a'], issuer: 'https://i', extra: 1 },
      },
    },
    {
      type: 'apiKey',
      name: 'x',
      in: 'query',
      'x-amazon-apigateway-authorizer': {
        type: 'request',
        authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations',
        authorizerPayloadFormatVersion: '2.0',
        enableSimpleResponses: true,
        somethingNew: [1],
      },
    },
  ] as JsonObject[])('writes %j back as it was', (raw) => {
    const apiType = JSON.stringify(raw).includes('PayloadFormat') || JSON.stringify(raw).includes('jwt') ? 'HTTP' : 'REST';
    expect(roundTrip(raw, apiType)).toEqual(raw);
  });

  it('reads identity source lists (SAM) as the comma-separated string API Gateway documents', () => {
    const authorizer = authorizerOf(
      {
        type: 'apiKey',
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          identitySource: ['$request.header.A', '$context.b'],
          authorizerPayloadFormatVersion: 2.0,
        },
      },
      'HTTP',
    );
    expect(authorizer).toMatchObject({ identitySource: '$request.header.A, $context.b', payloadFormatVersion: '2.0' });
    expect(authorizer.notes.join()).toMatch(/comma-separated/);
  });

  it('reads a REST TOKEN or Cognito identity source from the scheme, and a TTL written as text', () => {
    const authorizer = authorizerOf({
      type: 'apiKey',
      name: 'X-Token',
      in: 'header',
      'x-amazon-apigateway-authorizer': { type: 'token', authorizerResultTtlInSeconds: '300' },
    });
    expect(authorizer).toMatchObject({ identitySource: 'method.request.header.X-Token', resultTtlSeconds: 300 });
  });

  it('fills in what OpenAPI requires of a scheme: oauth2 flows, an openIdConnect URL, an apiKey name', () => {
    expect(
      authorizerOf({ type: 'oauth2', 'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: { audience: [] } } }, 'HTTP')
        .scheme,
    ).toEqual({ type: 'oauth2', flows: {} });
    const oidc = authorizerOf(
      {
        type: 'openIdConnect',
        'x-amazon-apigateway-authorizer': { type: 'jwt', openIdConnectUrl: 'https://i/.well-known/openid-configuration' },
      },
      'HTTP',
    );
    expect(oidc.scheme).toEqual({ type: 'openIdConnect', openIdConnectUrl: 'https://i/.well-known/openid-configuration' });
    expect(oidc.extensions).toEqual({
      'x-amazon-apigateway-authorizer': { openIdConnectUrl: 'https://i/.well-known/openid-configuration' },
    });
    expect(authorizerOf({ 'x-amazon-apigateway-authorizer': { type: 'token' } }).scheme).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
    });
  });

  it("writes AWS's defaults for authorizers drawn on the canvas", () => {
    const base = { id: asId('Authorizer', 'auth_1'), providerArns: [], jwtAudience: [] };
    expect(
      writeSecurityScheme({ ...base, name: 'c', kind: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Auth' }, 'REST'),
    ).toEqual({
      type: 'apiKey',
      name: 'Auth',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [] },
    });
    expect(
      writeSecurityScheme({ ...base, name: 'r', kind: 'LAMBDA_REQUEST', identitySource: 'method.request.querystring.key' }, 'REST'),
    ).toMatchObject({ name: 'key', in: 'query' });
    expect(
      writeSecurityScheme({ ...base, name: 'h', kind: 'LAMBDA_REQUEST', identitySource: '$request.header.Authorization' }, 'HTTP'),
    ).toMatchObject({ type: 'apiKey', name: 'Authorization', in: 'header' });
    expect(writeSecurityScheme({ ...base, name: 'i', kind: 'IAM' }, 'HTTP')).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
  });
});

/** A REST JWT authorizer in the form Portico writes (see readRestJwtConfiguration). */
const restJwtScheme: JsonObject = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authorizer': {
    type: 'jwt',
    identitySource: 'method.request.header.Authorization',
    jwtConfiguration: {
      defaultAlgorithms: ['RS256', 'ES256'],
      issuers: [
        {
          issuer: 'https://login.example.com/',
          audiences: ['api://orders', 'api://billing'],
          additionalClaims: [
            { claimName: 'tenant', format: 'SINGLE_STRING', required: true, expectedValues: ['acme', 'globex'] },
            { claimName: 'token_use', format: 'SINGLE_STRING' },
          ],
        },
        { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc', audiences: ['client'] },
      ],
    },
  },
};

describe('REST API JWT authorizers', () => {
  it('reads issuers with their audiences and additional claims, the signing algorithms and the token header', () => {
    const authorizer = authorizerOf(restJwtScheme);
    expect(authorizer).toMatchObject({
      kind: 'JWT',
      identitySource: 'method.request.header.Authorization',
      jwtAlgorithms: ['RS256', 'ES256'],
      jwtIssuers: [
        {
          issuer: 'https://login.example.com/',
          audiences: ['api://orders', 'api://billing'],
          additionalClaims: [
            { claimName: 'tenant', format: 'SINGLE_STRING', required: true, expectedValues: ['acme', 'globex'] },
            { claimName: 'token_use', format: 'SINGLE_STRING', expectedValues: [] },
          ],
        },
        { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc', audiences: ['client'], additionalClaims: [] },
      ],
      jwtAudience: [],
    });
    expect(authorizer.extensions).toBeUndefined();
    expect(authorizer.notes).toEqual([]);
  });

  it('writes them back as they were', () => {
    expect(roundTrip(restJwtScheme)).toEqual(restJwtScheme);
  });

  it("reads an HTTP API's one-issuer form as the one issuer a REST API's authorizer trusts, and says what differs", () => {
    const authorizer = authorizerOf({
      type: 'oauth2',
      flows: {},
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource: 'method.request.header.Authorization',
        jwtConfiguration: { issuer: 'https://login.example.com', audience: ['orders'] },
      },
    });
    expect(authorizer.jwtIssuers).toEqual([{ issuer: 'https://login.example.com', audiences: ['orders'], additionalClaims: [] }]);
    expect(authorizer.jwtIssuer).toBeUndefined();
    expect(authorizer.jwtAlgorithms).toBeUndefined();
    expect(authorizer.extensions).toBeUndefined();
    expect(authorizer.scheme).toEqual({ type: 'apiKey', name: 'Authorization', in: 'header' });
    expect(authorizer.notes).toEqual([
      "The JWT authorizer names one issuer the HTTP API way (issuer, audience); it is read as the one issuer a REST API's authorizer trusts, which also needs the signing algorithms to accept. A REST API matches the audience against the token's aud claim only, not client_id.",
      'REST API authorizers use apiKey security schemes; this "oauth2" scheme is written as apiKey.',
      'An apiKey scheme needs a "name"; "Authorization" was added.',
      'An apiKey scheme needs "in"; "header" was added.',
    ]);
  });

  it('keeps an issuer list it cannot read as written, and exports it unchanged', () => {
    const raw: JsonObject = {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource: 'method.request.header.Authorization',
        jwtConfiguration: {
          defaultAlgorithms: ['RS256'],
          issuers: [{ issuer: { 'Fn::Sub': 'https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}' }, audiences: ['a'] }],
        },
      },
    };
    const authorizer = authorizerOf(raw);
    expect(authorizer.jwtIssuers).toBeUndefined();
    expect(authorizer.notes).toEqual([
      "The JWT authorizer's issuer list could not be read (issuer 1 has no issuer URL as text); it is kept as written and exported unchanged.",
    ]);
    expect(roundTrip(raw)).toEqual(raw);
  });

  it('fills in the format of a claim that names none, saying so', () => {
    const raw = structuredClone(restJwtScheme);
    const issuers = ((raw['x-amazon-apigateway-authorizer'] as JsonObject).jwtConfiguration as JsonObject).issuers as JsonObject[];
    const claims = (issuers[0] as JsonObject).additionalClaims as JsonObject[];
    delete (claims[1] as JsonObject).format;
    const authorizer = authorizerOf(raw);
    expect(authorizer.jwtIssuers?.[0]?.additionalClaims[1]?.format).toBe('SINGLE_STRING');
    expect(authorizer.notes).toEqual([
      'claim 2 of issuer 1 ("token_use") names no format; SINGLE_STRING, the only one API Gateway accepts, was added.',
    ]);
  });

  it('reads the token header from the scheme when the authorizer names none', () => {
    const authorizer = authorizerOf({
      type: 'apiKey',
      name: 'X-Access-Token',
      in: 'header',
      'x-amazon-apigateway-authorizer': { type: 'jwt', jwtConfiguration: { defaultAlgorithms: ['RS256'], issuers: [] } },
    });
    expect(authorizer).toMatchObject({ identitySource: 'method.request.header.X-Access-Token', jwtIssuers: [], jwtAlgorithms: ['RS256'] });
  });

  it('writes one drawn on the canvas as an apiKey scheme naming its token header', () => {
    expect(
      writeSecurityScheme(
        {
          id: asId('Authorizer', 'auth_1'),
          name: 'Tokens',
          kind: 'JWT',
          identitySource: 'method.request.header.X-Token',
          providerArns: [],
          jwtAudience: [],
          jwtIssuers: [{ issuer: 'https://login.example.com/', audiences: ['orders'], additionalClaims: [] }],
          jwtAlgorithms: ['RS256'],
        },
        'REST',
      ),
    ).toEqual({
      type: 'apiKey',
      name: 'X-Token',
      in: 'header',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource: 'method.request.header.X-Token',
        jwtConfiguration: {
          defaultAlgorithms: ['RS256'],
          issuers: [{ issuer: 'https://login.example.com/', audiences: ['orders'] }],
        },
      },
    });
  });

  it('keeps the REST form as written in an HTTP API, where it has no effect, and says so', () => {
    const raw: JsonObject = {
      type: 'oauth2',
      flows: {},
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        identitySource: '$request.header.Authorization',
        jwtConfiguration: { issuers: [{ issuer: 'https://login.example.com/', audiences: ['orders'] }], audience: [] },
      },
    };
    const authorizer = authorizerOf(raw, 'HTTP');
    expect(authorizer.jwtIssuers).toBeUndefined();
    expect(authorizer.notes.join(' ')).toContain("an HTTP API's JWT authorizer trusts one issuer");
    expect(roundTrip(raw, 'HTTP')).toEqual(raw);
  });
});
