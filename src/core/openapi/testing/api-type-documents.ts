/**
 * Small OpenAPI documents for the API type question (issue 11): the two defect classes, REST APIs that
 * also carry HTTP-only extensions, and a document that is truly ambiguous.
 */
const base = { openapi: '3.0.1', info: { title: 'x', version: '1' } };

/** The two defect classes of issue 11, as small documents: REST APIs that also carry HTTP-only extensions. */
export const kinesisRestWithHttpExtensions = {
  ...base,
  'x-amazon-apigateway-importexport-version': '1.0',
  'x-amazon-apigateway-cors': { allowOrigins: ['*'] },
  paths: {
    '/streams/{name}/record': {
      put: {
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'aws',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:us-east-1:kinesis:action/PutRecord',
          credentials: 'arn:aws:iam::123456789012:role/kinesis',
          requestTemplates: { 'application/json': '{"StreamName": "$input.params(\'name\')"}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

/** AWS's own example (api-gateway-swagger-extensions-authtype.md): a REST API's Lambda authorizer with a custom authtype. */
export const lambdaAuthtypeRest = {
  ...base,
  paths: {
    '/protected-by-lambda-authorizer': {
      get: { responses: { '200': { description: 'Default response' } }, security: [{ myAuthorizer: [] }] },
    },
  },
  components: {
    securitySchemes: {
      myAuthorizer: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          identitySource: 'method.request.header.Authorization',
          authorizerUri:
            'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
          authorizerResultTtlInSeconds: 300,
          type: 'request',
          enableSimpleResponses: false,
        },
        'x-amazon-apigateway-authtype': 'Custom scheme with corporate claims',
      },
    },
  },
  'x-amazon-apigateway-importexport-version': '1.0',
};

/**
 * Each type drops something: a Lambda authorizer answering with simple responses (REST authorizers return
 * an IAM policy) and a mock integration (HTTP has none).
 */
export const ambiguousDocument = {
  openapi: '3.0.1',
  info: { title: 'Orders', version: '1' },
  components: {
    securitySchemes: {
      simple: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          identitySource: '$request.header.Authorization',
          authorizerUri:
            'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:authorize/invocations',
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
        },
      },
    },
  },
  paths: {
    '/orders': {
      get: {
        security: [{ simple: [] }],
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations',
          httpMethod: 'POST',
          payloadFormatVersion: '1.0',
        },
      },
    },
    '/health': {
      get: {
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};
