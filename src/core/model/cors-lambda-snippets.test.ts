import { describe, expect, it } from 'vitest';
import type { CorsConfiguration } from './api';
import { lambdaCorsHeaders, needsLambdaCorsHeaders, nodeCorsSnippet, pythonCorsSnippet } from './cors-lambda-snippets';
import { updateApi } from './operations/api-settings';
import { updateBinding } from './operations/wiring';
import { build, ids, restPetStore } from './testing/design-builder';

const cors = (allowOrigins: string[]): CorsConfiguration => ({
  allowOrigins,
  allowMethods: ['GET'],
  allowHeaders: ['Content-Type'],
  exposeHeaders: [],
  allowCredentials: true,
  maxAgeSeconds: 60,
});

/** Runs a Node.js snippet's handler (an ES module's text) on an event. */
async function runNode(snippet: string, event: unknown): Promise<{ headers: Record<string, string> }> {
  const module = await import(`data:text/javascript;base64,${Buffer.from(snippet).toString('base64')}`);
  return module.handler(event);
}

describe('what a Lambda proxy function returns for CORS', () => {
  it('is the headers of the preflight without the max age', () => {
    expect(lambdaCorsHeaders(cors(['https://app.example.com']))?.headers).toEqual([
      ['Access-Control-Allow-Headers', 'Content-Type'],
      ['Access-Control-Allow-Origin', 'https://app.example.com'],
      ['Vary', 'Origin'],
      ['Access-Control-Allow-Methods', 'GET'],
      ['Access-Control-Allow-Credentials', 'true'],
    ]);
    expect(lambdaCorsHeaders(undefined)).toBeUndefined();
  });

  it('is needed by REST Lambda proxy methods while CORS is on', () => {
    const design = build(restPetStore(), (d) => updateApi(d, { cors: cors(['*']) }));
    expect(needsLambdaCorsHeaders(design, ids.mth('list'))).toBe(true);
    expect(needsLambdaCorsHeaders(restPetStore(), ids.mth('list'))).toBe(false);
    expect(
      needsLambdaCorsHeaders(
        build(design, (d) => updateBinding(d, ids.mth('list'), { proxy: false })),
        ids.mth('list'),
      ),
    ).toBe(false);
  });

  it('runs as a Node.js handler that answers each allowed origin with itself', async () => {
    const snippet = nodeCorsSnippet(
      lambdaCorsHeaders(cors(['https://app.example.com', 'https://admin.example.com'])) ?? { headers: [], origins: [] },
    );
    const admin = await runNode(snippet, { headers: { origin: 'https://admin.example.com' } });
    expect(admin.headers['Access-Control-Allow-Origin']).toBe('https://admin.example.com');
    expect(admin.headers['Content-Type']).toBe('application/json');
    const other = await runNode(snippet, { headers: { origin: 'https://evil.example' } });
    expect(other.headers['Access-Control-Allow-Origin']).toBe('https://app.example.com');
    const single = await runNode(nodeCorsSnippet(lambdaCorsHeaders(cors(['*'])) ?? { headers: [], origins: [] }), { headers: {} });
    expect(single.headers).toMatchObject({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' });
  });

  it('writes a Python handler with the same headers, values as string literals', () => {
    const snippet = pythonCorsSnippet(
      lambdaCorsHeaders(cors(['https://app.example.com', 'https://a"b.example'])) ?? { headers: [], origins: [] },
    );
    expect(snippet).toContain('ALLOWED_ORIGINS = ["https://app.example.com", "https://a\\"b.example"]');
    expect(snippet).toContain('"Access-Control-Allow-Origin": origin if origin in ALLOWED_ORIGINS else ALLOWED_ORIGINS[0],');
    expect(snippet).toContain('def lambda_handler(event, context):');
  });
});
