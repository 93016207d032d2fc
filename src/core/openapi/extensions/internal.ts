/**
 * `x-portico-internal: true` on an operation: Portico's own mark for an operation kept out of the public
 * OpenAPI (see `OperationDoc.internal` and public-profile.ts). It travels in the AWS-flavoured export so that
 * a round trip keeps it; API Gateway's importer reads only its own `x-amazon-apigateway-*` extensions and
 * ignores every other `x-` key, so the API deploys the same with or without it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
export const internalKey = 'x-portico-internal';
