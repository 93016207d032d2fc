import type { DiffContext } from './context';
import type { ClientOperation } from './operations';

/**
 * The request validator in force (the method's, else the API's default). Validation itself is not in the
 * OpenAPI contract, so a client may have relied on API Gateway letting an invalid request through.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export function checkRequestValidator(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const where = `${revision.where}/x-amazon-apigateway-request-validator`;
  const bodyBefore = base.validator?.validateRequestBody === true;
  const bodyAfter = revision.validator?.validateRequestBody === true;
  const paramsBefore = base.validator?.validateRequestParameters === true;
  const paramsAfter = revision.validator?.validateRequestParameters === true;
  const name = revision.validator ? ` (validator "${revision.validator.name}")` : '';
  // Body validation needs a model to validate against; without one it checks nothing.
  const hasModel = Object.values(revision.doc.requestBody?.content ?? {}).some(
    (body) => body.modelId !== undefined || body.schema !== undefined,
  );
  if (!bodyBefore && bodyAfter && hasModel)
    context.findings.add(
      'apigw-request-validator-validates-body',
      `API Gateway now validates the request body of ${revision.label}${name}.`,
      revision.label,
      where,
    );
  const hasRequired = revision.doc.parameters.some((parameter) => parameter.required);
  if (!paramsBefore && paramsAfter && hasRequired)
    context.findings.add(
      'apigw-request-validator-validates-parameters',
      `API Gateway now validates the request parameters of ${revision.label}${name}.`,
      revision.label,
      where,
    );
  if ((bodyBefore && !bodyAfter) || (paramsBefore && !paramsAfter))
    context.findings.add(
      'apigw-request-validator-relaxed',
      `API Gateway validates less of ${revision.label}'s requests.`,
      revision.label,
      where,
    );
}
