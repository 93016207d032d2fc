import type { ApiType, CorsConfiguration } from './api';
import { restCorsHeaders } from './cors-headers';

/**
 * What a browser would get for a CORS preflight: API Gateway's answer to the OPTIONS request, then the
 * browser's check of that answer (the Fetch standard's CORS check and CORS-preflight fetch).
 * - REST APIs answer with the OPTIONS methods generated from the CORS settings: static headers from a
 *   Mock integration, whatever the request's origin (a second allowed origin is echoed by a template).
 * - HTTP APIs answer preflights themselves from `x-amazon-apigateway-cors`: only to an allowed origin
 *   (`*`, an exact origin, or `https://*` / `http://*` for any origin of that scheme), and they refuse
 *   a configuration that allows credentials for every origin.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */

export interface PreflightRequest {
  /** The page's origin (`https://app.example.com`): the `Origin` header. */
  origin: string;
  /** The method of the request to come: `Access-Control-Request-Method`. */
  method: string;
  /** The headers the request will send that are not CORS-safelisted: `Access-Control-Request-Headers`. */
  headers: string[];
  /** Whether the request carries credentials (cookies, `fetch(…, {credentials: 'include'})`). */
  credentials?: boolean;
}

export interface PreflightAnswer {
  /** Whether the browser goes on to send the request. */
  allowed: boolean;
  /** The status API Gateway answers the preflight with; undefined when API Gateway refuses the configuration itself. */
  status: number | undefined;
  /** The response headers API Gateway sends, in order. */
  headers: [string, string][];
  /** Why the browser stops (or API Gateway refuses), one sentence each; empty when allowed. */
  reasons: string[];
}

/** Methods a browser sends without asking (CORS-safelisted). */
const safelistedMethods = new Set(['GET', 'HEAD', 'POST']);
/** Methods the Fetch standard writes in upper case whatever the page wrote; others are sent as written. */
const normalisedMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function header(headers: [string, string][], name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** The browser's check of a preflight answer: the reasons it stops, none when it goes on. */
function browserCheck(status: number, headers: [string, string][], request: PreflightRequest): string[] {
  const reasons: string[] = [];
  if (status < 200 || status > 299) reasons.push(`The preflight answer is ${status}, not a success (2xx): the browser stops there.`);
  const origin = header(headers, 'Access-Control-Allow-Origin');
  if (origin === undefined) reasons.push('The answer has no Access-Control-Allow-Origin header: the origin is not allowed.');
  else if (origin === '*') {
    if (request.credentials)
      reasons.push('Access-Control-Allow-Origin is * while the request carries credentials: the browser requires the exact origin.');
  } else if (origin !== request.origin)
    reasons.push(`Access-Control-Allow-Origin names ${origin}, not the page's origin ${request.origin || '(none)'}.`);
  if (request.credentials && header(headers, 'Access-Control-Allow-Credentials') !== 'true')
    reasons.push('The request carries credentials but the answer does not say Access-Control-Allow-Credentials: true.');
  const written = request.method.trim();
  const method = normalisedMethods.has(written.toUpperCase()) ? written.toUpperCase() : written;
  const methods = list(header(headers, 'Access-Control-Allow-Methods'));
  if (!safelistedMethods.has(method) && !methods.includes(method) && (request.credentials || !methods.includes('*')))
    reasons.push(
      `${method || '(no method)'} is not among the allowed methods (${methods.length > 0 ? methods.join(', ') : 'none listed: only GET, HEAD and POST'}).`,
    );
  const allowedHeaders = list(header(headers, 'Access-Control-Allow-Headers')).map((name) => name.toLowerCase());
  const wildcard = allowedHeaders.includes('*') && !request.credentials;
  for (const name of request.headers.map((item) => item.trim()).filter((item) => item !== '')) {
    const lower = name.toLowerCase();
    if (allowedHeaders.includes(lower)) continue;
    // `*` never covers Authorization (Fetch: "CORS non-wildcard request-header name").
    if (wildcard && lower !== 'authorization') continue;
    reasons.push(
      `The header ${name} is not among the allowed headers (${allowedHeaders.length > 0 ? allowedHeaders.join(', ') : 'none'}).`,
    );
  }
  return reasons;
}

function restAnswer(cors: CorsConfiguration | undefined, request: PreflightRequest): PreflightAnswer {
  const answer = cors ? restCorsHeaders(cors) : undefined;
  if (!answer)
    return {
      allowed: false,
      // A REST API answers a method it does not have with 403 Missing Authentication Token.
      status: 403,
      headers: [],
      reasons: [
        cors
          ? 'CORS lists no allowed origin, so the API has no OPTIONS methods to answer the preflight.'
          : 'CORS is off: no OPTIONS method answers the preflight.',
      ],
    };
  const headers = answer.headers.map(([name, value]): [string, string] =>
    name === 'Access-Control-Allow-Origin' && answer.otherOrigins.includes(request.origin) ? [name, request.origin] : [name, value],
  );
  const status = 200;
  const reasons = browserCheck(status, headers, request);
  return { allowed: reasons.length === 0, status, headers, reasons };
}

/** Whether an HTTP API's allowed origin covers the request's: `*`, `https://*` (any origin of that scheme) or the exact origin. */
export function httpCorsOriginMatches(rule: string, origin: string): boolean {
  if (rule === '*') return true;
  if (rule.endsWith('://*')) return origin.toLowerCase().startsWith(rule.slice(0, -1).toLowerCase());
  return rule === origin;
}

function httpAnswer(cors: CorsConfiguration | undefined, request: PreflightRequest): PreflightAnswer {
  if (!cors)
    return {
      allowed: false,
      status: 404,
      headers: [],
      reasons: ['CORS is off: API Gateway does not answer preflights, and the OPTIONS request reaches the routes.'],
    };
  if (cors.allowCredentials && cors.allowOrigins.includes('*'))
    return {
      allowed: false,
      status: undefined,
      headers: [],
      reasons: ['API Gateway refuses a CORS configuration that allows credentials for every origin (*): list the origins.'],
    };
  const status = 204;
  const matched = request.origin !== '' && cors.allowOrigins.some((rule) => httpCorsOriginMatches(rule, request.origin));
  if (!matched)
    return {
      allowed: false,
      status,
      headers: [],
      reasons: [
        request.origin === ''
          ? 'The preflight has no Origin header, so API Gateway adds no CORS headers.'
          : `${request.origin} is not among the allowed origins (${cors.allowOrigins.join(', ') || 'none'}), so API Gateway adds no CORS headers.`,
      ],
    };
  const headers: [string, string][] = [['Access-Control-Allow-Origin', cors.allowOrigins.includes('*') ? '*' : request.origin]];
  if (cors.allowCredentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  if (cors.allowMethods.length > 0) headers.push(['Access-Control-Allow-Methods', cors.allowMethods.join(',')]);
  if (cors.allowHeaders.length > 0) headers.push(['Access-Control-Allow-Headers', cors.allowHeaders.join(',')]);
  if (cors.maxAgeSeconds !== undefined) headers.push(['Access-Control-Max-Age', String(cors.maxAgeSeconds)]);
  const reasons = browserCheck(status, headers, request);
  return { allowed: reasons.length === 0, status, headers, reasons };
}

/** What a browser gets for a preflight to an API of this type with these CORS settings. WebSocket APIs have no CORS. */
export function previewPreflight(api: { type: ApiType; cors?: CorsConfiguration }, request: PreflightRequest): PreflightAnswer {
  if (api.type === 'WEBSOCKET')
    return {
      allowed: false,
      status: undefined,
      headers: [],
      reasons: ['WebSocket APIs have no CORS: browsers do not send preflights for them.'],
    };
  return api.type === 'REST' ? restAnswer(api.cors, request) : httpAnswer(api.cors, request);
}
