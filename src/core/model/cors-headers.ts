import type { CorsConfiguration } from './api';
import type { Design } from './design';
import type { GatewayResponse } from './model-schema';

/**
 * The CORS headers a REST API sends, worked out once from the API's CORS settings so that the OpenAPI
 * export (OPTIONS methods with a Mock integration, DEFAULT_4XX/5XX gateway responses) and the CDK program
 * (`addCorsPreflight`, gateway responses) say the same. REST APIs have no CORS setting of their own: the
 * preflight is an OPTIONS method whose Mock integration answers with static header values.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 */

/** The headers the CDK allows when none are listed (`Cors.DEFAULT_HEADERS`); Portico writes the same. */
export const corsDefaultAllowHeaders: readonly string[] = [
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
  'X-Amz-User-Agent',
];

/** The methods the CDK allows when none (or `*`, `ANY`) are listed (`Cors.ALL_METHODS`), in its order. */
export const corsAllMethods: readonly string[] = ['OPTIONS', 'GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD'];

/** The gateway responses that carry the CORS headers, as the console's "Enable CORS" offers them. */
export const corsGatewayResponseTypes: readonly string[] = ['DEFAULT_4XX', 'DEFAULT_5XX'];

/** The value of a REST API's preflight answer, header by header, before API Gateway's quoting. */
export interface RestCorsHeaders {
  /** Header name → value, in the order the CDK writes them. */
  headers: [string, string][];
  /**
   * The allowed origins after the first: one static header names one origin, so a mapping template
   * answers these by echoing the request's Origin (as the CDK's `addCorsPreflight` does).
   */
  otherOrigins: string[];
}

/** The methods a REST preflight allows: the listed ones the CDK knows, or all of them when none, `*` or `ANY` is listed. */
export function restCorsMethods(cors: CorsConfiguration): string[] {
  const verbs = cors.allowMethods.map((verb) => verb.toUpperCase());
  if (verbs.length === 0 || verbs.includes('*') || verbs.includes('ANY')) return [...corsAllMethods];
  return verbs.filter((verb) => corsAllMethods.includes(verb));
}

/**
 * The headers of a REST API's preflight answer, or undefined when CORS lists no origin (there is then
 * no preflight to write). `*` among named origins stands for them all, as in the CDK program.
 */
export function restCorsHeaders(cors: CorsConfiguration): RestCorsHeaders | undefined {
  if (cors.allowOrigins.length === 0) return undefined;
  const origins = cors.allowOrigins.includes('*') ? ['*'] : cors.allowOrigins;
  const first = origins[0] as string;
  const headers: [string, string][] = [
    ['Access-Control-Allow-Headers', (cors.allowHeaders.length > 0 ? cors.allowHeaders : corsDefaultAllowHeaders).join(',')],
    ['Access-Control-Allow-Origin', first],
  ];
  // A named origin makes the answer differ by origin: caches must key on it.
  if (first !== '*') headers.push(['Vary', 'Origin']);
  headers.push(['Access-Control-Allow-Methods', restCorsMethods(cors).join(',')]);
  if (cors.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  // The CDK leaves out a max age of 0 (the browser's default is to cache briefly anyway).
  if (cors.maxAgeSeconds !== undefined && cors.maxAgeSeconds !== 0) headers.push(['Access-Control-Max-Age', String(cors.maxAgeSeconds)]);
  if (cors.exposeHeaders.length > 0) headers.push(['Access-Control-Expose-Headers', cors.exposeHeaders.join(',')]);
  return { headers, otherOrigins: origins.slice(1) };
}

/** A static header value as API Gateway's mappings take it: in single quotes. */
export function quotedHeaderValue(value: string): string {
  return `'${value}'`;
}

/**
 * The mapping template that answers a preflight from one of the other allowed origins with that origin
 * (`$context.responseOverride`), the same template the CDK writes.
 */
export function otherOriginsTemplate(otherOrigins: readonly string[]): string {
  const condition = otherOrigins.map((origin) => `$origin == "${origin}"`).join(' || ');
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($origin == "")',
    '  #set($origin = $input.params().header.get("origin"))',
    '#end',
    `#if(${condition})`,
    '  #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}

const headerParameter = 'gatewayresponse.header.';
const corsHeaderName = /^(access-control-|vary$)/i;

/** Whether a gateway response sets a CORS header itself (its own values then win over the generated ones). */
export function setsOwnCorsHeaders(response: GatewayResponse): boolean {
  return Object.keys(response.responseParameters).some(
    (key) => key.toLowerCase().startsWith(headerParameter) && corsHeaderName.test(key.slice(headerParameter.length)),
  );
}

/**
 * The CORS headers a gateway response gains, as response parameters: what a browser needs to read an
 * error API Gateway answers itself (a refused authorizer, a throttled request). The preflight-only
 * headers are kept as the console writes them; max age is left out (it applies to preflights only).
 */
export function corsGatewayResponseParameters(cors: CorsConfiguration): Record<string, string> {
  const answer = restCorsHeaders(cors);
  if (!answer) return {};
  const parameters: Record<string, string> = {};
  for (const [name, value] of answer.headers)
    if (name !== 'Access-Control-Max-Age') parameters[`${headerParameter}${name}`] = quotedHeaderValue(value);
  return parameters;
}

/**
 * A REST API's gateway responses as deployed: the design's own, and with CORS, DEFAULT_4XX and DEFAULT_5XX
 * carrying the CORS headers. A response that sets a CORS header itself keeps its own and gains none;
 * nothing of the user's is dropped. Derived at export, never stored, so it follows the CORS settings.
 */
export function gatewayResponsesWithCors(design: Pick<Design, 'api' | 'gatewayResponses'>): Record<string, GatewayResponse> {
  const cors = design.api.cors;
  if (design.api.type !== 'REST' || !cors) return design.gatewayResponses;
  const parameters = corsGatewayResponseParameters(cors);
  if (Object.keys(parameters).length === 0) return design.gatewayResponses;
  const result: Record<string, GatewayResponse> = { ...design.gatewayResponses };
  for (const type of corsGatewayResponseTypes) {
    const own = Object.hasOwn(design.gatewayResponses, type) ? design.gatewayResponses[type] : undefined;
    if (own && setsOwnCorsHeaders(own)) continue;
    result[type] = own
      ? { ...own, responseParameters: { ...own.responseParameters, ...parameters } }
      : { responseParameters: { ...parameters }, responseTemplates: {} };
  }
  return result;
}
