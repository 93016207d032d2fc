import { describe, expect, it } from 'vitest';
import type { CorsConfiguration } from './api';
import { httpCorsOriginMatches, type PreflightRequest, previewPreflight } from './preflight';

const cors = (patch: Partial<CorsConfiguration> = {}): CorsConfiguration => ({
  allowOrigins: ['https://app.example.com'],
  allowMethods: ['GET', 'PUT'],
  allowHeaders: ['Content-Type', 'X-Trace'],
  exposeHeaders: [],
  allowCredentials: false,
  ...patch,
});

const request = (patch: Partial<PreflightRequest> = {}): PreflightRequest => ({
  origin: 'https://app.example.com',
  method: 'PUT',
  headers: ['content-type'],
  ...patch,
});

const header = (answer: ReturnType<typeof previewPreflight>, name: string) => answer.headers.find(([key]) => key === name)?.[1];

describe('a REST preflight (the generated OPTIONS Mock method)', () => {
  it('is allowed for the allowed origin, method and headers, with the static headers', () => {
    const answer = previewPreflight({ type: 'REST', cors: cors() }, request());
    expect(answer).toMatchObject({ allowed: true, status: 200, reasons: [] });
    expect(header(answer, 'Access-Control-Allow-Origin')).toBe('https://app.example.com');
    expect(header(answer, 'Access-Control-Allow-Methods')).toBe('GET,PUT');
  });

  it('answers another origin with the same static origin, which the browser refuses', () => {
    const answer = previewPreflight({ type: 'REST', cors: cors() }, request({ origin: 'https://evil.example' }));
    expect(answer.allowed).toBe(false);
    expect(answer.status).toBe(200);
    expect(header(answer, 'Access-Control-Allow-Origin')).toBe('https://app.example.com');
    expect(answer.reasons).toEqual([expect.stringContaining('names https://app.example.com, not the page')]);
  });

  it('echoes a second allowed origin (the template), and refuses a method or header not listed', () => {
    const settings = cors({ allowOrigins: ['https://app.example.com', 'https://admin.example.com'] });
    expect(previewPreflight({ type: 'REST', cors: settings }, request({ origin: 'https://admin.example.com' })).allowed).toBe(true);
    const answer = previewPreflight({ type: 'REST', cors: settings }, request({ method: 'delete', headers: ['X-Other'] }));
    expect(answer.reasons).toEqual([expect.stringMatching(/^DELETE is not among/), expect.stringMatching(/X-Other is not among/)]);
  });

  it('lets safelisted methods through unlisted, and refuses * with credentials', () => {
    expect(previewPreflight({ type: 'REST', cors: cors() }, request({ method: 'POST', headers: [] })).allowed).toBe(true);
    const wildcard = previewPreflight(
      { type: 'REST', cors: cors({ allowOrigins: ['*'], allowCredentials: true }) },
      request({ credentials: true, method: 'GET', headers: [] }),
    );
    expect(wildcard.allowed).toBe(false);
    expect(wildcard.reasons.join(' ')).toMatch(/requires the exact origin/);
  });

  it('has nothing to answer with when CORS is off', () => {
    expect(previewPreflight({ type: 'REST' }, request())).toMatchObject({ allowed: false, status: 403 });
  });
});

describe('an HTTP API preflight (x-amazon-apigateway-cors)', () => {
  it('answers an allowed origin with that origin, and another with no CORS headers', () => {
    const allowed = previewPreflight({ type: 'HTTP', cors: cors() }, request());
    expect(allowed).toMatchObject({ allowed: true, status: 204 });
    const other = previewPreflight({ type: 'HTTP', cors: cors() }, request({ origin: 'https://evil.example' }));
    expect(other).toMatchObject({ allowed: false, status: 204, headers: [] });
  });

  it('matches https://* to any https origin and * to all; other wildcards are literal', () => {
    expect(httpCorsOriginMatches('https://*', 'https://app.example.com')).toBe(true);
    expect(httpCorsOriginMatches('https://*', 'http://app.example.com')).toBe(false);
    expect(httpCorsOriginMatches('*', 'http://localhost:3000')).toBe(true);
    expect(httpCorsOriginMatches('https://*.example.com', 'https://app.example.com')).toBe(false);
    const answer = previewPreflight({ type: 'HTTP', cors: cors({ allowOrigins: ['*'] }) }, request());
    expect(header(answer, 'Access-Control-Allow-Origin')).toBe('*');
  });

  it('refuses credentials for every origin as API Gateway does, and honours a header wildcard without credentials', () => {
    expect(previewPreflight({ type: 'HTTP', cors: cors({ allowOrigins: ['*'], allowCredentials: true }) }, request())).toMatchObject({
      allowed: false,
      status: undefined,
    });
    const wildcard = cors({ allowHeaders: ['*'] });
    expect(previewPreflight({ type: 'HTTP', cors: wildcard }, request({ headers: ['X-Anything'] })).allowed).toBe(true);
    // `*` never covers Authorization.
    expect(previewPreflight({ type: 'HTTP', cors: wildcard }, request({ headers: ['Authorization'] })).allowed).toBe(false);
  });

  it('does not answer without CORS settings, and WebSocket APIs have none', () => {
    expect(previewPreflight({ type: 'HTTP' }, request()).allowed).toBe(false);
    expect(previewPreflight({ type: 'WEBSOCKET', cors: cors() }, request()).allowed).toBe(false);
  });
});
