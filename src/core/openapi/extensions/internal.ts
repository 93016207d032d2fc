/**
 * `x-portico-internal: true` on an operation: Portico's own mark for an operation kept out of the public
 * OpenAPI (see `OperationDoc.internal` and public-profile.ts). It travels in the AWS-flavoured export so that
 * a round trip keeps it. API Gateway configures the API from its own `x-amazon-apigateway-*` extensions only;
 * another `x-` key is an OpenAPI specification extension it has no setting for, like the operation-level `x-`
 * keys Portico already keeps and exports, so the API deploys the same with or without it. (AWS's pages list
 * the extensions API Gateway reads; none says in so many words what it does with others. At worst an import
 * warning, which does not stop an import unless `failonwarnings=true`.)
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-errors-warnings.html
 */
export const internalKey = 'x-portico-internal';
