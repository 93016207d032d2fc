import type { AuthorizerId } from './ids';
import type { Extensions, TextOrIntrinsic } from './json';

/**
 * Who may call a method. REST APIs have IAM, Cognito user pool, Lambda (TOKEN and REQUEST) and, since
 * 2026, JWT authorizers; HTTP APIs IAM, JWT and Lambda (REQUEST) authorizers; WebSocket APIs IAM and
 * Lambda REQUEST on `$connect`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 */
export const authorizerKinds = ['IAM', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'JWT'] as const;
export type AuthorizerKind = (typeof authorizerKinds)[number];

/**
 * The signing algorithms a REST API JWT authorizer can accept (`DefaultAlgorithms`, applied to every issuer).
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtConfigurationInput.html
 */
export const jwtAlgorithms = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
export type JwtAlgorithm = (typeof jwtAlgorithms)[number];

/** The one claim format API Gateway accepts for an additional claim rule. */
export const jwtClaimFormat = 'SINGLE_STRING';

/**
 * Claims API Gateway checks itself (issuer, audience, times, scopes): an additional claim rule cannot name them.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtAdditionalClaim.html
 */
export const reservedJwtClaims: readonly string[] = ['iss', 'aud', 'exp', 'nbf', 'iat', 'scope', 'scp'];

/**
 * A claim a token from one issuer must carry, beyond issuer, audience and scopes (`JwtAdditionalClaim`).
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtAdditionalClaim.html
 */
export interface JwtAdditionalClaim {
  claimName: string;
  /** `SINGLE_STRING`, the only format API Gateway accepts; another is kept as imported (a rule names it). */
  format: string;
  /** Whether the token must carry the claim. @default false */
  required?: boolean;
  /** Values the claim may have, matched exactly and case-sensitively; empty: any value. */
  expectedValues: string[];
}

/**
 * An issuer a REST API JWT authorizer trusts (`JwtIssuer`): its URL, exactly as the tokens' `iss` claim
 * writes it, the audiences accepted from it and the additional claims its tokens must carry.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtIssuerInput.html
 */
export interface JwtIssuer {
  issuer: string;
  audiences: string[];
  additionalClaims: JwtAdditionalClaim[];
}

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
  /** HTTP API JWT: the one issuer URL and its audiences (REST APIs use `jwtIssuers`). */
  jwtIssuer?: string;
  jwtAudience: string[];
  /** REST API JWT: the issuers it trusts, each with audiences and additional claims. */
  jwtIssuers?: JwtIssuer[];
  /** REST API JWT: the signing algorithms accepted from every issuer; kept as written when imported (a rule names unknown ones). */
  jwtAlgorithms?: string[];
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

/**
 * Why API Gateway would refuse an issuer URL of a REST API JWT authorizer, or undefined: it must be an
 * absolute `https` URL with a host and no user information, query or fragment. Read as text, not with
 * `URL`, which would normalise what the tokens' `iss` claim must match character for character.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtIssuerInput.html
 */
export function jwtIssuerProblem(issuer: string): string | undefined {
  const example = 'e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE';
  if (issuer.trim() === '') return `The issuer URL is empty: enter it exactly as the tokens' iss claim writes it (${example}).`;
  if (/\s/.test(issuer)) return "The issuer URL contains a space: enter it exactly as the tokens' iss claim writes it.";
  if (/^http:\/\//i.test(issuer)) return 'The issuer URL must use https: API Gateway fetches its discovery document over TLS only.';
  if (!/^https:\/\//i.test(issuer)) return `The issuer URL must be an absolute https URL (${example}).`;
  const rest = issuer.slice('https://'.length);
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return 'The issuer URL must not contain user information (name@): remove it.';
  if (authority === '' || authority.startsWith(':')) return `The issuer URL has no host (${example}).`;
  if (issuer.includes('?')) return 'The issuer URL must not have a query (?…): remove it.';
  if (issuer.includes('#')) return 'The issuer URL must not have a fragment (#…): remove it.';
  return undefined;
}

/** Every issuer URL a JWT authorizer names: a REST API's list, or an HTTP API's one issuer. */
export function jwtIssuerUrls(authorizer: Authorizer): string[] {
  if (authorizer.kind !== 'JWT') return [];
  const urls = (authorizer.jwtIssuers ?? []).map((entry) => entry.issuer);
  if (authorizer.jwtIssuer !== undefined && !urls.includes(authorizer.jwtIssuer)) urls.push(authorizer.jwtIssuer);
  return urls;
}
