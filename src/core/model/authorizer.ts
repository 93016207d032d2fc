import type { AuthorizerId } from './ids';
import type { Extensions, TextOrIntrinsic } from './json';

/**
 * Who may call a method. IAM, Cognito user pools and Lambda authorizers exist on REST APIs; HTTP APIs
 * have IAM, JWT and Lambda (REQUEST) authorizers; WebSocket APIs IAM and Lambda REQUEST on `$connect`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
 */
export const authorizerKinds = ['IAM', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'JWT'] as const;
export type AuthorizerKind = (typeof authorizerKinds)[number];

export interface Authorizer {
  id: AuthorizerId;
  /** Name of the authorizer and of its OpenAPI security scheme. */
  name: string;
  kind: AuthorizerKind;
  /**
   * Where the caller's identity is read. REST: `method.request.header.Authorization` (comma-separated for
   * REQUEST authorizers); HTTP: `$request.header.Authorization`.
   */
  identitySource?: string;
  /** Lambda authorizers: the function ARN. */
  functionArn?: string;
  /** The `authorizerUri` as imported when it could not be taken apart. */
  rawAuthorizerUri?: TextOrIntrinsic;
  /** Role API Gateway assumes to invoke the authorizer function. */
  credentials?: TextOrIntrinsic;
  /** Lambda TOKEN: regex the token must match before the function is called. */
  identityValidationExpression?: string;
  /** Seconds API Gateway caches the authorizer's answer, 0–3600. @default 300 */
  resultTtlSeconds?: number;
  /** Cognito: user pool ARNs. */
  providerArns: TextOrIntrinsic[];
  /** JWT: issuer URL and audiences. */
  jwtIssuer?: string;
  jwtAudience: string[];
  /** HTTP Lambda authorizer: payload format `1.0` or `2.0`. */
  payloadFormatVersion?: string;
  /** HTTP Lambda authorizer (format 2.0): answers `{isAuthorized}` instead of a policy. */
  enableSimpleResponses?: boolean;
  /** `x-amazon-apigateway-authtype` as written (`custom`, `oauth2`, `cognito_user_pools`, `awsSigv4`). */
  authType?: string;
  /** OpenAPI scheme fields kept for the round trip (`type`, `name`, `in`, `openIdConnectUrl`, `flows`). */
  scheme?: Extensions;
  extensions?: Extensions;
}
