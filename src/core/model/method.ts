import type { AuthorizerId, MethodId, RequestValidatorId, ResourceId } from './ids';
import type { IntegrationBinding } from './integration';
import type { Extensions } from './json';
import type { OperationDoc } from './operation-doc';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/**
 * A REST API method: a verb on a resource, with its authorization, its request/response description
 * and its integration.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-method-settings.html
 */
export interface Method extends OperationDoc {
  id: MethodId;
  resourceId: ResourceId;
  httpMethod: HttpMethod;
  /** The authorizer protecting the method; none = open (authorization type NONE). */
  authorizerId?: AuthorizerId;
  /** OAuth scopes for a Cognito (access token) or JWT authorizer. */
  authorizationScopes: string[];
  /** Callers must send an API key that a usage plan covering the stage knows. */
  apiKeyRequired: boolean;
  requestValidatorId?: RequestValidatorId;
  integration?: IntegrationBinding;
  /** Operation-level `x-` keys Portico does not model. */
  extensions?: Extensions;
}
