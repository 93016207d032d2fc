import { isJsonObject, type JsonObject, type JsonValue, type RequestValidator } from '../../model';
import { own, setOwn } from '../json-access';

/**
 * `x-amazon-apigateway-request-validators` (REST, root): named validators, each checking the body, the
 * parameters or both; `x-amazon-apigateway-request-validator` names the one to use, at the root as the
 * API's default or on an operation for that method.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html
 */
export const requestValidatorsKey = 'x-amazon-apigateway-request-validators';
export const requestValidatorKey = 'x-amazon-apigateway-request-validator';

export type ValidatorData = Omit<RequestValidator, 'id'>;

/** Reads the map; both flags default to false. Undefined when the value is not a map of objects with boolean flags. */
export function readRequestValidators(value: JsonValue): ValidatorData[] | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: ValidatorData[] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (!isJsonObject(raw)) return undefined;
    const body = own(raw, 'validateRequestBody') ?? false;
    const parameters = own(raw, 'validateRequestParameters') ?? false;
    if (typeof body !== 'boolean' || typeof parameters !== 'boolean') return undefined;
    if (Object.keys(raw).some((key) => key !== 'validateRequestBody' && key !== 'validateRequestParameters')) return undefined;
    result.push({ name, validateRequestBody: body, validateRequestParameters: parameters });
  }
  return result;
}

export function writeRequestValidators(validators: RequestValidator[]): JsonObject {
  const out: JsonObject = {};
  for (const validator of validators)
    setOwn(out, validator.name, {
      validateRequestBody: validator.validateRequestBody,
      validateRequestParameters: validator.validateRequestParameters,
    });
  return out;
}
