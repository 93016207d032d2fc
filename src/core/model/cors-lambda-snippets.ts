import type { CorsConfiguration } from './api';
import { restCorsHeaders } from './cors-headers';
import type { Design } from './design';
import type { MethodId } from './ids';

/**
 * A Lambda proxy integration passes the function's answer straight to the caller: API Gateway adds no
 * header to it (a REST API has no integration response there), so with CORS on the function returns the
 * CORS headers itself, or browsers refuse to read its answers. These are the headers and a handler that
 * returns them, in Node.js and Python, as the API Gateway guide shows.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 */

/** The headers a Lambda proxy function returns, as the API's preflights and gateway responses send them. */
export interface LambdaCorsHeaders {
  /** Header name → value; the origin is the first allowed one (see `origins`). */
  headers: [string, string][];
  /** With several allowed origins the function answers each with its own, so it needs the list. */
  origins: string[];
}

/** The CORS headers a REST API's Lambda proxy function must return, or undefined when CORS is off or lists no origin. */
export function lambdaCorsHeaders(cors: CorsConfiguration | undefined): LambdaCorsHeaders | undefined {
  const answer = cors ? restCorsHeaders(cors) : undefined;
  if (!answer) return undefined;
  const headers = answer.headers.filter(([name]) => name !== 'Access-Control-Max-Age');
  const first = headers.find(([name]) => name === 'Access-Control-Allow-Origin')?.[1] ?? '*';
  return { headers, origins: [first, ...answer.otherOrigins] };
}

/**
 * Whether a REST method answers through a Lambda proxy integration while the API has CORS settings,
 * so that its function must return the CORS headers.
 */
export function needsLambdaCorsHeaders(design: Pick<Design, 'api' | 'methods' | 'integrations'>, methodId: MethodId): boolean {
  if (design.api.type !== 'REST' || !lambdaCorsHeaders(design.api.cors)) return false;
  const binding = design.methods[methodId]?.integration;
  return binding?.proxy === true && design.integrations[binding.integrationId]?.kind === 'LAMBDA';
}

/** A string literal valid in JavaScript and Python alike (JSON's escapes are a subset of both). */
function literal(text: string): string {
  return JSON.stringify(text);
}

function indented(lines: string[], depth: number): string[] {
  return lines.map((line) => `${' '.repeat(depth)}${line}`);
}

/** A Node.js (ES module) handler returning the CORS headers with its answer. */
export function nodeCorsSnippet(cors: LambdaCorsHeaders): string {
  const several = cors.origins.length > 1;
  const entries = cors.headers.map(([name, value]) =>
    several && name === 'Access-Control-Allow-Origin'
      ? `${literal(name)}: allowedOrigins.includes(origin) ? origin : allowedOrigins[0],`
      : `${literal(name)}: ${literal(value)},`,
  );
  const lines = several
    ? [
        `const allowedOrigins = [${cors.origins.map(literal).join(', ')}];`,
        '',
        'const corsHeaders = (event) => {',
        '  const origin = event.headers?.origin ?? event.headers?.Origin;',
        '  return {',
        ...indented(entries, 4),
        '  };',
        '};',
      ]
    : ['const corsHeaders = () => ({', ...indented(entries, 2), '});'];
  return [
    ...lines,
    '',
    'export const handler = async (event) => {',
    '  return {',
    '    statusCode: 200,',
    "    headers: { ...corsHeaders(event), 'Content-Type': 'application/json' },",
    '    body: JSON.stringify({ ok: true }),',
    '  };',
    '};',
    '',
  ].join('\n');
}

/** A Python handler returning the CORS headers with its answer. */
export function pythonCorsSnippet(cors: LambdaCorsHeaders): string {
  const several = cors.origins.length > 1;
  const entries = cors.headers.map(([name, value]) =>
    several && name === 'Access-Control-Allow-Origin'
      ? `${literal(name)}: origin if origin in ALLOWED_ORIGINS else ALLOWED_ORIGINS[0],`
      : `${literal(name)}: ${literal(value)},`,
  );
  const lines = several
    ? [
        `ALLOWED_ORIGINS = [${cors.origins.map(literal).join(', ')}]`,
        '',
        '',
        'def cors_headers(event):',
        '    headers = event.get("headers") or {}',
        '    origin = headers.get("origin") or headers.get("Origin")',
        '    return {',
        ...indented(entries, 8),
        '    }',
      ]
    : ['def cors_headers(event):', '    return {', ...indented(entries, 8), '    }'];
  return [
    'import json',
    '',
    '',
    ...lines,
    '',
    '',
    'def lambda_handler(event, context):',
    '    return {',
    '        "statusCode": 200,',
    '        "headers": {**cors_headers(event), "Content-Type": "application/json"},',
    '        "body": json.dumps({"ok": True}),',
    '    }',
    '',
  ].join('\n');
}
